import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardItems, initBoard } from './boardDoc'
import { createItems } from './commands'
import { readAllItems } from './items'
import { boardPreviewJson, MalformedPreviewError, readBoardPreview } from './preview'
import { startPrivateMode, startSession } from './session'
import { ANNE, BJORN } from './testing'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Verksted', actor: ANNE, now: 1 })
  startSession(doc, ANNE)
  return doc
}

describe('board preview', () => {
  it('reads back every item as the document reads it', () => {
    const doc = board()
    const [a, b] = createItems(
      doc,
      [
        { kind: 'sticky', x: 10, y: 20, text: 'Bio-baserte «bindemidler»', color: 'green' },
        { kind: 'frame', x: -400, y: 0, w: 900, h: 700, text: 'Ideer' },
      ],
      { actor: ANNE, now: 5 },
    )
    createItems(doc, [{ kind: 'connector', x: 0, y: 0, from: a, to: b, text: 'fører til' }], {
      actor: BJORN,
      now: 6,
    })
    const byId = (items: { id: string }[]) => [...items].sort((x, y) => x.id.localeCompare(y.id))
    expect(byId(readBoardPreview(boardPreviewJson(doc)))).toEqual(byId(readAllItems(doc)))
  })

  it('leaves out what private mode hides', () => {
    const doc = board()
    startPrivateMode(doc, ANNE, { now: 2 })
    const [secret] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0, text: 'hemmelig' }], {
      actor: BJORN,
      now: 3,
    })
    const [open] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0, text: 'åpen' }], {
      actor: ANNE,
      now: 4,
    })
    const json = boardPreviewJson(doc)
    expect(json).not.toContain('hemmelig')
    expect(readBoardPreview(json).map((item) => item.id)).toEqual([open])
    expect(boardItems(doc).has(secret as string)).toBe(true)
  })

  it('checks every field as it would from a foreign writer', () => {
    const items = readBoardPreview(
      JSON.stringify([
        ['s1', { kind: 'sticky', pos: [1, 'x'], size: [-5, 20], color: 'javascript:', text: 7 }],
        ['u1', { kind: 'hologram', pos: [0, 0] }],
        ['h1', { kind: 'sticky', hidden: true, text: 'skjult' }],
      ]),
    )
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      id: 's1',
      x: 0,
      y: 0,
      w: 0,
      h: 20,
      color: undefined,
      text: '',
    })
  })

  it('refuses what is not a preview', () => {
    for (const bad of ['{', '{"a":1}', '[["s1"]]', '[[1, {}]]', '[["s1", null]]']) {
      expect(() => readBoardPreview(bad), bad).toThrow(MalformedPreviewError)
    }
  })
})
