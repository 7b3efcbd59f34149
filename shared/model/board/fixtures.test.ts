import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardMeta } from './boardDoc'
import { fillBoard } from './fixtures'
import { readAllItems } from './items'
import { visibleItems } from './visibility'

describe('board fixture', () => {
  it('fills a board with stickies in frames, in one update, the same for the same seed', () => {
    const doc = new Y.Doc()
    let updates = 0
    doc.on('update', () => updates++)
    const ids = fillBoard(doc, { stickies: 500, seed: 7 })
    expect(updates).toBe(1)
    expect(ids).toHaveLength(500)
    const items = readAllItems(doc)
    const stickies = items.filter((item) => item.kind === 'sticky')
    expect(stickies).toHaveLength(500)
    expect(items.filter((item) => item.kind === 'frame')).toHaveLength(5)
    expect(stickies.every((item) => item.frameId !== undefined)).toBe(true)
    expect(new Set(stickies.map((item) => item.author)).size).toBeGreaterThan(2)
    expect(
      visibleItems(doc, { id: 'anyone' }).filter((item) => item.kind === 'connector'),
    ).toHaveLength(10)
    expect(readBoardMeta(doc).title).toBe('Sidestrømmer og samarbeid')
    const again = new Y.Doc()
    fillBoard(again, { stickies: 500, seed: 7 })
    const texts = (d: Y.Doc): string[] =>
      readAllItems(d).map((item) => `${item.kind}:${item.x},${item.y}:${item.text}`)
    expect(texts(again)).toEqual(texts(doc))
  })
})
