import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from './boardDoc'
import { createItems } from './commands'
import { connectorEnds, facingSide, itemsInRect, rectFromPoints, sideAnchor } from './geometry'
import { readAllItems } from './items'
import { ANNE } from './testing'

const box = { x: 0, y: 0, w: 100, h: 50 }

describe('board geometry', () => {
  it('anchors on the middle of a side', () => {
    expect(sideAnchor(box, 'top')).toEqual({ x: 50, y: 0 })
    expect(sideAnchor(box, 'right')).toEqual({ x: 100, y: 25 })
    expect(sideAnchor(box, 'bottom')).toEqual({ x: 50, y: 50 })
    expect(sideAnchor(box, 'left')).toEqual({ x: 0, y: 25 })
  })

  it('connects facing sides unless sides were chosen', () => {
    const right = { x: 300, y: 0, w: 100, h: 50 }
    expect(connectorEnds(box, right)).toEqual({
      from: { x: 100, y: 25, side: 'right' },
      to: { x: 300, y: 25, side: 'left' },
    })
    const below = { x: 0, y: 400, w: 100, h: 50 }
    expect(connectorEnds(box, below).from.side).toBe('bottom')
    expect(connectorEnds(box, below).to.side).toBe('top')
    expect(connectorEnds(box, right, { fromSide: 'top' }).from).toEqual({
      x: 50,
      y: 0,
      side: 'top',
    })
    expect(facingSide(box, { x: -500, y: 10 })).toBe('left')
  })

  it('selects what a marquee touches; frames only when wholly inside', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'x', actor: ANNE, now: 0 })
    const [frame, inside, outside] = createItems(
      doc,
      [
        { kind: 'frame', x: 0, y: 0, w: 1000, h: 1000 },
        { kind: 'sticky', x: 100, y: 100, w: 100, h: 100 },
        { kind: 'sticky', x: 2000, y: 0, w: 100, h: 100 },
      ],
      { actor: ANNE, now: 0 },
    )
    const items = readAllItems(doc)
    const marquee = rectFromPoints({ x: 150, y: 150 }, { x: 50, y: 50 })
    expect(marquee).toEqual({ x: 50, y: 50, w: 100, h: 100 })
    expect(itemsInRect(items, marquee).map((item) => item.id)).toEqual([inside])
    expect(itemsInRect(items, marquee, 'contain')).toEqual([])
    const all = rectFromPoints({ x: -10, y: -10 }, { x: 3000, y: 2000 })
    expect(
      itemsInRect(items, all)
        .map((item) => item.id)
        .sort(),
    ).toEqual([frame, inside, outside].sort())
  })
})
