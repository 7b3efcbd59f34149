import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { initBoard } from './boardDoc'
import { applyClusters, clusterStickies, stickyWords } from './cluster'
import { createItems, lockItems } from './commands'
import { containsPoint, getItem, itemCenter, readAllItems } from './items'
import { startSession } from './session'
import { ANNE, BJORN, CARI, replicaOf } from './testing'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Idémyldring', actor: ANNE, now: 0 })
  startSession(doc, ANNE)
  return doc
}

const TEXTS = [
  ['Bark som bindemiddel i plater', 'yellow', BJORN],
  ['Bindemiddel av bark fra sagbruket', 'blue', CARI],
  ['Spillvarme fra tørkeovner', 'yellow', BJORN],
  ['Varme fra ovner til fjernvarme', 'blue', CARI],
  ['Felles innkjøp av emballasje', 'pink', ANNE],
  ['Spillvarme fra ovner til fjernvarme', 'yellow', CARI],
] as const

function filled(): { doc: Y.Doc; ids: ItemId[] } {
  const doc = board()
  const ids: ItemId[] = []
  TEXTS.forEach(([text, color, actor], i) => {
    ids.push(
      ...createItems(doc, [{ kind: 'sticky', x: i * 200, y: 0, text, color }], { actor, now: i }),
    )
  })
  createItems(doc, [{ kind: 'text', x: 0, y: 500, text: 'Bark bark bark' }], {
    actor: ANNE,
    now: 9,
  })
  return { doc, ids }
}

describe('clustering', () => {
  it('folds words and drops short and common ones', () => {
    // "Fôr" folds to "for", which is a common English word: left out.
    expect([...stickyWords('Bark, BÅT og Fôr — til Øya! 3D Sagbruk')]).toEqual([
      'bark',
      'båt',
      'øya',
      'sagbruk',
    ])
  })

  it('groups by colour and by author', () => {
    const { doc, ids } = filled()
    const items = readAllItems(doc)
    const byColor = clusterStickies(items, 'color')
    expect(byColor.map((p) => [p.label, p.members.length])).toEqual([
      ['yellow', 3],
      ['blue', 2],
      ['pink', 1],
    ])
    expect(byColor[0]?.members).toEqual([ids[0], ids[2], ids[5]].sort())
    const byAuthor = clusterStickies(items, 'author')
    expect(byAuthor.map((p) => [p.label, p.members.length])).toEqual([
      ['Cari', 3],
      ['Bjørn', 2],
      ['Anne', 1],
    ])
  })

  it('groups by text similarity, leaving unrelated stickies and non-stickies out', () => {
    const { doc, ids } = filled()
    const proposals = clusterStickies(readAllItems(doc), 'text')
    expect(proposals).toEqual([
      { label: 'fjernvarme, ovner', members: [ids[2], ids[3], ids[5]].sort() },
      { label: 'bark, bindemiddel', members: [ids[0], ids[1]].sort() },
    ])
    // A stricter threshold splits the heat cluster: the first heat sticky shares one word in four.
    const strict = clusterStickies(readAllItems(doc), 'text', 0.5)
    // Equal sizes are ordered by label.
    expect(strict).toEqual([
      { label: 'bark, bindemiddel', members: [ids[0], ids[1]].sort() },
      { label: 'fjernvarme, ovner', members: [ids[3], ids[5]].sort() },
    ])
  })

  it('a word on more than half of many stickies does not pull them all together', () => {
    const doc = board()
    const texts = [
      'Emballasje av bark',
      'Bark i emballasje',
      'Emballasje med myse',
      'Myse som emballasje',
      'Emballasje fra returplast',
      'Returplast til emballasje',
      'Emballasje og robot',
      'Robot for emballasje',
      'Emballasje i papp',
      'Papp til emballasje',
    ]
    createItems(
      doc,
      texts.map((text, i) => ({ kind: 'sticky' as const, x: i * 200, y: 0, text })),
      { actor: ANNE, now: 0 },
    )
    const proposals = clusterStickies(readAllItems(doc), 'text')
    expect(proposals.map((p) => p.label).sort()).toEqual([
      'bark',
      'myse',
      'papp',
      'returplast',
      'robot',
    ])
    expect(proposals.every((p) => p.members.length === 2)).toBe(true)
  })

  it('is deterministic: same proposals on another replica and in any input order', () => {
    const { doc } = filled()
    const items = readAllItems(doc)
    const other = readAllItems(replicaOf(doc))
    for (const mode of ['color', 'author', 'text'] as const) {
      expect(clusterStickies([...items].reverse(), mode)).toEqual(clusterStickies(other, mode))
    }
  })

  it('applies proposals as frames right of the board, members inside, in one update', () => {
    const { doc, ids } = filled()
    lockItems(doc, [ids[4] as ItemId])
    const proposals = clusterStickies(readAllItems(doc), 'color')
    let updates = 0
    doc.on('update', () => updates++)
    const frames = applyClusters(doc, proposals, { actor: ANNE, now: 10 })
    expect(updates).toBe(1)
    // The pink group's only member is locked: no frame for it.
    expect(frames).toHaveLength(2)
    const [yellow, blue] = frames.map((id) => getItem(doc, id))
    expect(yellow).toMatchObject({ kind: 'frame', text: 'yellow' })
    expect(yellow?.x).toBeGreaterThan(1000 + 160)
    expect((blue?.x ?? 0) > (yellow?.x ?? 0) + (yellow?.w ?? 0)).toBe(true)
    for (const [i, proposal] of proposals.slice(0, 2).entries()) {
      const frame = getItem(doc, frames[i] as ItemId)
      for (const member of proposal.members) {
        const item = getItem(doc, member)
        expect(item?.frameId).toBe(frames[i])
        expect(
          containsPoint(
            frame as NonNullable<typeof frame>,
            itemCenter(item as NonNullable<typeof item>),
          ),
        ).toBe(true)
      }
    }
    expect(getItem(doc, ids[4] as ItemId)).toMatchObject({ x: 800, frameId: undefined })
  })
})
