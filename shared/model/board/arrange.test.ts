import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { alignItems, distributeItems } from './arrange'
import { initBoard } from './boardDoc'
import { createItems, lockItems } from './commands'
import { getItem } from './items'
import { ANNE } from './testing'

function boardWith(rects: { x: number; y: number; w: number; h: number }[]): {
  doc: Y.Doc
  ids: ItemId[]
} {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Ordne', actor: ANNE, now: 0 })
  const ids = createItems(
    doc,
    rects.map((rect) => ({ kind: 'sticky' as const, ...rect })),
    { actor: ANNE, now: 0 },
  )
  return { doc, ids }
}

const xs = (doc: Y.Doc, ids: ItemId[]): number[] => ids.map((id) => getItem(doc, id)?.x ?? NaN)
const ys = (doc: Y.Doc, ids: ItemId[]): number[] => ids.map((id) => getItem(doc, id)?.y ?? NaN)

describe('align and distribute', () => {
  it('aligns on each edge and centre line of the common bounds, in one update', () => {
    const { doc, ids } = boardWith([
      { x: 0, y: 0, w: 100, h: 100 },
      { x: 300, y: 50, w: 200, h: 50 },
      { x: 100, y: 400, w: 100, h: 100 },
    ])
    let updates = 0
    doc.on('update', () => updates++)
    expect(alignItems(doc, ids, 'left')).toEqual([ids[1], ids[2]])
    expect(updates).toBe(1)
    expect(xs(doc, ids)).toEqual([0, 0, 0])
    alignItems(doc, ids, 'right')
    expect(xs(doc, ids)).toEqual([100, 0, 100])
    alignItems(doc, ids, 'center')
    expect(xs(doc, ids)).toEqual([50, 0, 50])
    alignItems(doc, ids, 'top')
    expect(ys(doc, ids)).toEqual([0, 0, 0])
    alignItems(doc, ids, 'bottom')
    expect(ys(doc, ids)).toEqual([0, 50, 0])
    alignItems(doc, ids, 'middle')
    expect(ys(doc, ids)).toEqual([0, 25, 0])
    expect(alignItems(doc, [ids[0] as ItemId], 'left')).toEqual([])
  })

  it('distributes with equal gaps and leaves locked items alone', () => {
    const { doc, ids } = boardWith([
      { x: 0, y: 0, w: 100, h: 100 },
      { x: 120, y: 0, w: 50, h: 100 },
      { x: 500, y: 0, w: 100, h: 100 },
      { x: 130, y: 0, w: 50, h: 100 },
    ])
    distributeItems(doc, ids, 'horizontal')
    // Span 0–600, sizes 300, three gaps of 100.
    expect(xs(doc, ids)).toEqual([0, 200, 500, 350])
    lockItems(doc, [ids[1] as ItemId])
    expect(alignItems(doc, ids, 'left')).not.toContain(ids[1])
    expect(getItem(doc, ids[1] as ItemId)?.x).toBe(200)
    expect(distributeItems(doc, ids.slice(0, 2), 'vertical')).toEqual([])
  })
})
