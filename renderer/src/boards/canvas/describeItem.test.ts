import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ItemId } from '../../../../shared/ids'
import type { BoardItem } from '../../../../shared/model/board/items'
import { en } from '../../i18n/en'
import { nb } from '../../i18n/nb'
import { describeItem } from './describeItem'

const i18n = i18next.createInstance()

beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: en }, nb: { translation: nb } },
    interpolation: { escapeValue: false },
  })
})

function item(change: Partial<BoardItem>): BoardItem {
  return {
    id: 'i1' as ItemId,
    kind: 'sticky',
    x: 0,
    y: 0,
    w: 160,
    h: 160,
    z: 'a0',
    text: '',
    color: undefined,
    author: 'Ada',
    authorId: 'u-ada',
    createdAt: 0,
    frameId: undefined,
    locked: false,
    hidden: false,
    from: undefined,
    to: undefined,
    fromSide: undefined,
    toSide: undefined,
    fileId: undefined,
    alt: undefined,
    ...change,
  }
}

describe('describeItem', () => {
  it('says kind, author, text, votes and lock', () => {
    const sticky = item({ text: 'Spillvarme\ntil tørka', locked: true })
    expect(describeItem(sticky, i18n.t, { votes: { count: 3, mine: false } })).toBe(
      'Sticky by Ada: «Spillvarme til tørka», 3 votes, locked',
    )
    expect(describeItem(sticky, i18n.getFixedT('nb'), { votes: { count: 1, mine: true } })).toBe(
      'Lapp av Ada: «Spillvarme til tørka», du har gitt 1 stemme, låst',
    )
  })

  it('names the items an arrow joins, and says when a text is empty', () => {
    const arrow = item({ kind: 'connector', author: '' })
    expect(
      describeItem(arrow, i18n.t, { from: item({ text: 'Idé' }), to: item({ text: 'Prosjekt' }) }),
    ).toBe('Arrow from «Idé» to «Prosjekt»')
    expect(describeItem(item({ kind: 'frame', author: '' }), i18n.t)).toBe('Frame: empty')
  })

  it('shortens a long text', () => {
    const said = describeItem(item({ text: 'ord '.repeat(100) }), i18n.t)
    expect(said.length).toBeLessThan(170)
    expect(said).toContain('…»')
  })

  it('reads an image by its alt text and a private sticky as private', () => {
    expect(describeItem(item({ kind: 'image', alt: 'Tørkeanlegget' }), i18n.t)).toBe(
      'Image by Ada: «Tørkeanlegget»',
    )
    expect(describeItem(item({ text: 'hemmelig', hidden: true }), i18n.t)).toBe(
      'Sticky by Ada: «hemmelig», private until revealed',
    )
  })
})
