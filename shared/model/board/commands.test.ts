import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { COMMAND_ORIGIN } from '../schema'
import { boardItems, initBoard, readBoardMeta } from './boardDoc'
import {
  createItems,
  deleteItems,
  duplicateItems,
  groupIntoFrame,
  lockItems,
  moveItems,
  resizeItem,
  setItemColor,
  setItemText,
  unlockItems,
} from './commands'
import { bringToFront, placeAbove, sendToBack } from './arrange'
import { compareZ, getItem, itemText, readAllItems, readItem } from './items'
import { BoardPermissionError, startSession } from './session'
import { ANNE, BJORN, replicaOf, syncReplicas } from './testing'

const at = (actor = ANNE, now = 1000): { actor: typeof ANNE; now: number } => ({ actor, now })

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: '  Workshop  på   Løten ', actor: ANNE, now: 1 })
  startSession(doc, ANNE)
  return doc
}

function stack(doc: Y.Doc): ItemId[] {
  return readAllItems(doc)
    .sort(compareZ)
    .map((item) => item.id)
}

describe('board meta', () => {
  it('keeps a clean title and does not re-initialise', () => {
    const doc = board()
    initBoard(doc, { title: 'Other', actor: BJORN, now: 2 })
    expect(readBoardMeta(doc)).toMatchObject({
      schemaVersion: 1,
      title: 'Workshop på Løten',
      createdBy: 'Anne',
      createdById: 'u-anne',
      createdAt: 1,
    })
  })
})

describe('creating items', () => {
  it('creates stickies on top, in order, with author and defaults, in one update', () => {
    const doc = board()
    let updates = 0
    doc.on('update', () => updates++)
    const [a, b] = createItems(
      doc,
      [
        { kind: 'sticky', x: 10, y: 20, text: 'Bark as binder' },
        { kind: 'sticky', x: 200, y: 20, color: 'blue' },
      ],
      at(BJORN),
    )
    expect(updates).toBe(1)
    const first = getItem(doc, a as ItemId)
    expect(first).toMatchObject({
      kind: 'sticky',
      x: 10,
      y: 20,
      w: 160,
      h: 160,
      text: 'Bark as binder',
      author: 'Bjørn',
      authorId: 'u-bjorn',
      createdAt: 1000,
      hidden: false,
      locked: false,
    })
    expect(getItem(doc, b as ItemId)?.color).toBe('blue')
    expect(stack(doc)).toEqual([a, b])
    const [c] = createItems(doc, [{ kind: 'text', x: 0, y: 0 }], at())
    expect(stack(doc)).toEqual([a, b, c])
  })

  it('stores a position as one value and who made it as one, so a big board loads fast', () => {
    const doc = board()
    const [id] = createItems(doc, [{ kind: 'sticky', x: 10, y: 20, text: 'a' }], at())
    const record = boardItems(doc).get(id as string)
    expect(record?.get('pos')).toEqual([10, 20])
    expect(record?.get('size')).toBeUndefined()
    expect(record?.get('made')).toEqual({ author: 'Anne', authorId: ANNE.id, createdAt: 1000 })
    expect([...(record?.keys() ?? [])].sort()).toEqual(['kind', 'made', 'pos', 'text', 'z'])
    resizeItem(doc, id as ItemId, { x: 0, y: 5, w: 300, h: 160 })
    expect(record?.get('pos')).toEqual([0, 5])
    expect(record?.get('size')).toEqual([300, 160])
    expect(getItem(doc, id as ItemId)).toMatchObject({ x: 0, y: 5, w: 300, h: 160 })
    resizeItem(doc, id as ItemId, { x: 0, y: 5, w: 160, h: 160 })
    expect(record?.get('size')).toBeUndefined()
  })

  it('refuses a connector without both ends and rejects bad colours', () => {
    const doc = board()
    const [a] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], at())
    expect(() =>
      createItems(doc, [{ kind: 'connector', x: 0, y: 0, from: a, to: 'nope' as ItemId }], at()),
    ).toThrow(/both ends/)
    const [weird] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0, color: 'javascript:' }], at())
    expect(getItem(doc, weird as ItemId)?.color).toBeUndefined()
    expect(() => setItemColor(doc, [a as ItemId], 'nope')).toThrow()
  })

  it('reads past unknown kinds and fields without touching them', () => {
    const doc = board()
    doc.transact(() => {
      const future = new Y.Map<unknown>()
      future.set('kind', 'mindmap')
      future.set('x', 1)
      boardItems(doc).set('future', future)
      const odd = new Y.Map<unknown>()
      odd.set('kind', 'sticky')
      odd.set('x', 'left')
      odd.set('z', 42)
      odd.set('text', 'plain string')
      odd.set('shadow', { blur: 3 })
      boardItems(doc).set('odd', odd)
    })
    const items = readAllItems(doc)
    expect(items.map((item) => item.id)).toEqual(['odd'])
    expect(items[0]).toMatchObject({ x: 0, z: '', text: 'plain string', w: 160 })
    expect(readItem('x', 'not a map')).toBeUndefined()
    createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], at())
    expect(boardItems(doc).get('future')?.get('kind')).toBe('mindmap')
    expect(boardItems(doc).get('odd')?.get('shadow')).toEqual({ blur: 3 })
  })
})

describe('moving', () => {
  it('moves many items in one update, and frames carry their contents', () => {
    const doc = board()
    const [frame] = createItems(doc, [{ kind: 'frame', x: 0, y: 0, w: 400, h: 400 }], at())
    const [inside, outside] = createItems(
      doc,
      [
        { kind: 'sticky', x: 20, y: 20, frameId: frame },
        { kind: 'sticky', x: 1000, y: 0 },
      ],
      at(),
    )
    let updates = 0
    doc.on('update', () => updates++)
    const moved = moveItems(doc, { ids: [frame as ItemId, outside as ItemId], dx: 100, dy: 50 })
    expect(updates).toBe(1)
    expect(new Set(moved)).toEqual(new Set([frame, inside, outside]))
    expect(getItem(doc, inside as ItemId)).toMatchObject({ x: 120, y: 70, frameId: frame })
    expect(getItem(doc, outside as ItemId)).toMatchObject({ x: 1100, y: 50 })
  })

  it('dragging a sticky into a frame groups it, out of it ungroups it', () => {
    const doc = board()
    const [big, small] = createItems(
      doc,
      [
        { kind: 'frame', x: 0, y: 0, w: 1000, h: 1000 },
        { kind: 'frame', x: 100, y: 100, w: 300, h: 300 },
      ],
      at(),
    )
    const [sticky] = createItems(doc, [{ kind: 'sticky', x: 2000, y: 2000, w: 100, h: 100 }], at())
    const id = sticky as ItemId
    moveItems(doc, { ids: [id], dx: -1800, dy: -1800 }) // centre at 250,250: inside both frames
    expect(getItem(doc, id)?.frameId).toBe(small)
    moveItems(doc, { ids: [id], dx: 500, dy: 0 }) // centre at 750,250: only the big frame
    expect(getItem(doc, id)?.frameId).toBe(big)
    moveItems(doc, { ids: [id], dx: 5000, dy: 0 })
    expect(getItem(doc, id)?.frameId).toBeUndefined()
  })

  it('concurrent moves of different items and of one item converge', () => {
    const a = board()
    const [s1, s2] = createItems(
      a,
      [
        { kind: 'sticky', x: 0, y: 0 },
        { kind: 'sticky', x: 500, y: 0 },
      ],
      at(),
    )
    const b = replicaOf(a)
    moveItems(a, { ids: [s1 as ItemId], dx: 10, dy: 0 })
    moveItems(b, { ids: [s2 as ItemId], dx: 0, dy: 10 })
    moveItems(a, { ids: [s2 as ItemId], dx: 1, dy: 1 })
    moveItems(b, { ids: [s2 as ItemId], dx: 2, dy: 2 })
    syncReplicas(a, b)
    expect(readAllItems(a)).toEqual(readAllItems(b))
    expect(getItem(a, s1 as ItemId)).toMatchObject({ x: 10, y: 0 })
    // One writer's position of s2 wins whole (x and y from the same move), never a mix.
    const s2pos = getItem(a, s2 as ItemId)
    expect([
      [501, 1],
      [502, 12],
    ]).toContainEqual([s2pos?.x, s2pos?.y])
  })
})

describe('editing', () => {
  it('resizes with a minimum size', () => {
    const doc = board()
    const [s] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], at())
    expect(resizeItem(doc, s as ItemId, { x: 5, y: 6, w: 2, h: 300 })).toBe(true)
    expect(getItem(doc, s as ItemId)).toMatchObject({ x: 5, y: 6, w: 16, h: 300 })
  })

  it('setItemText edits the middle only, so a concurrent edit survives', () => {
    const a = board()
    const [s] = createItems(a, [{ kind: 'sticky', x: 0, y: 0, text: 'Wood dust to pellets' }], at())
    const id = s as ItemId
    const b = replicaOf(a)
    setItemText(a, id, 'Wood dust to fuel pellets')
    itemText(b, id)?.insert(0, '!')
    syncReplicas(a, b)
    expect(getItem(a, id)?.text).toBe('!Wood dust to fuel pellets')
    expect(getItem(b, id)?.text).toBe('!Wood dust to fuel pellets')
  })

  it('two people typing in one sticky merge', () => {
    const a = board()
    const [s] = createItems(a, [{ kind: 'sticky', x: 0, y: 0, text: 'ab' }], at())
    const b = replicaOf(a)
    itemText(a, s as ItemId)?.insert(1, 'X')
    itemText(b, s as ItemId)?.insert(2, 'Y')
    syncReplicas(a, b)
    expect(getItem(a, s as ItemId)?.text).toBe('aXbY')
    expect(getItem(b, s as ItemId)?.text).toBe('aXbY')
  })

  it('recolours several items at once', () => {
    const doc = board()
    const ids = createItems(
      doc,
      [
        { kind: 'sticky', x: 0, y: 0 },
        { kind: 'sticky', x: 0, y: 0 },
      ],
      at(),
    )
    expect(setItemColor(doc, ids, '#123abc')).toHaveLength(2)
    expect(readAllItems(doc).map((item) => item.color)).toEqual(['#123abc', '#123abc'])
  })
})

describe('deleting and duplicating', () => {
  it('deletes frame contents and connectors attached to anything deleted', () => {
    const doc = board()
    const [frame] = createItems(doc, [{ kind: 'frame', x: 0, y: 0 }], at())
    const [inside, other] = createItems(
      doc,
      [
        { kind: 'sticky', x: 10, y: 10, frameId: frame },
        { kind: 'sticky', x: 900, y: 0 },
      ],
      at(),
    )
    const [line, keep] = createItems(
      doc,
      [
        { kind: 'connector', x: 0, y: 0, from: inside, to: other },
        { kind: 'sticky', x: 1200, y: 0 },
      ],
      at(),
    )
    const deleted = deleteItems(doc, [frame as ItemId])
    expect(new Set(deleted)).toEqual(new Set([frame, inside, line]))
    expect(
      readAllItems(doc)
        .map((item) => item.id)
        .sort(),
    ).toEqual([other, keep].sort())
  })

  it('duplicates a frame with its contents and inner connectors, on top', () => {
    const doc = board()
    const [frame] = createItems(doc, [{ kind: 'frame', x: 0, y: 0, text: 'Ideas' }], at())
    const [s1, s2] = createItems(
      doc,
      [
        { kind: 'sticky', x: 10, y: 10, frameId: frame, text: 'one' },
        { kind: 'sticky', x: 200, y: 10, frameId: frame, text: 'two' },
      ],
      at(),
    )
    createItems(doc, [{ kind: 'connector', x: 0, y: 0, from: s1, to: s2 }], at())
    const [copy] = duplicateItems(doc, [frame as ItemId], {
      ...at(BJORN),
      offset: { x: 0, y: 700 },
    })
    const items = readAllItems(doc)
    expect(items).toHaveLength(8)
    const copies = items.filter((item) => item.author === 'Bjørn')
    expect(copies).toHaveLength(4)
    const copiedFrame = copies.find((item) => item.id === copy)
    expect(copiedFrame).toMatchObject({ kind: 'frame', text: 'Ideas', y: 700 })
    const copiedStickies = copies.filter((item) => item.kind === 'sticky')
    expect(copiedStickies.map((item) => item.frameId)).toEqual([copy, copy])
    const copiedLine = copies.find((item) => item.kind === 'connector')
    expect(copiedStickies.map((item) => item.id)).toContain(copiedLine?.from)
    expect(copiedStickies.map((item) => item.id)).toContain(copiedLine?.to)
    const top = stack(doc).slice(-4)
    expect(new Set(top)).toEqual(new Set(copies.map((item) => item.id)))
  })
})

describe('stacking order', () => {
  it('brings to front and sends to back keeping relative order', () => {
    const doc = board()
    const [a, b, c, d] = createItems(
      doc,
      ['a', 'b', 'c', 'd'].map((text) => ({ kind: 'sticky' as const, x: 0, y: 0, text })),
      at(),
    )
    bringToFront(doc, [b as ItemId, a as ItemId])
    expect(stack(doc)).toEqual([c, d, a, b])
    sendToBack(doc, [d as ItemId])
    expect(stack(doc)).toEqual([d, c, a, b])
    placeAbove(doc, b as ItemId, d as ItemId)
    expect(stack(doc)).toEqual([d, b, c, a])
    placeAbove(doc, a as ItemId, null)
    expect(stack(doc)).toEqual([a, d, b, c])
  })

  it('two people bringing different items to front at once converge on one order', () => {
    const a = board()
    const [x, y, z] = createItems(
      a,
      [1, 2, 3].map(() => ({ kind: 'sticky' as const, x: 0, y: 0 })),
      at(),
    )
    const b = replicaOf(a)
    bringToFront(a, [x as ItemId])
    bringToFront(b, [y as ItemId])
    syncReplicas(a, b)
    expect(stack(a)).toEqual(stack(b))
    expect(stack(a)[0]).toBe(z)
    expect(new Set(stack(a).slice(1))).toEqual(new Set([x, y]))
    // Later reordering still works on the tied keys.
    bringToFront(a, [stack(a)[1] as ItemId])
    expect(stack(a)[2]).not.toBe(stack(b)[2])
  })
})

describe('frames and locks', () => {
  it('groups items into a new frame around them', () => {
    const doc = board()
    const ids = createItems(
      doc,
      [
        { kind: 'sticky', x: 100, y: 100, w: 100, h: 100 },
        { kind: 'sticky', x: 300, y: 150, w: 100, h: 100 },
      ],
      at(),
    )
    const frame = groupIntoFrame(doc, ids, { ...at(), title: 'Energy' }) as ItemId
    const item = getItem(doc, frame)
    expect(item).toMatchObject({ kind: 'frame', text: 'Energy' })
    expect(item?.x).toBeLessThan(100)
    expect((item?.x ?? 0) + (item?.w ?? 0)).toBeGreaterThan(400)
    expect(readAllItems(doc).filter((i) => i.frameId === frame)).toHaveLength(2)
    // Frames paint below stickies whatever their z.
    expect(readAllItems(doc)[0]?.id).toBe(frame)
    expect(groupIntoFrame(doc, [], { ...at(), title: 'x' })).toBeUndefined()
  })

  it('locked items do not move, change or get deleted; only the facilitator unlocks', () => {
    const doc = board()
    const [s, free] = createItems(
      doc,
      [
        { kind: 'sticky', x: 0, y: 0, text: 'fixed' },
        { kind: 'sticky', x: 0, y: 0 },
      ],
      at(),
    )
    lockItems(doc, [s as ItemId])
    expect(moveItems(doc, { ids: [s as ItemId, free as ItemId], dx: 5, dy: 5 })).toEqual([free])
    expect(resizeItem(doc, s as ItemId, { x: 0, y: 0, w: 50, h: 50 })).toBe(false)
    expect(setItemText(doc, s as ItemId, 'changed')).toBe(false)
    expect(deleteItems(doc, [s as ItemId])).toEqual([])
    expect(getItem(doc, s as ItemId)).toMatchObject({ x: 0, text: 'fixed', locked: true })
    expect(() => unlockItems(doc, BJORN, [s as ItemId])).toThrow(BoardPermissionError)
    unlockItems(doc, ANNE, [s as ItemId])
    expect(getItem(doc, s as ItemId)?.locked).toBe(false)
  })

  it('a locked frame keeps its contents in place when dragged', () => {
    const doc = board()
    const [frame] = createItems(doc, [{ kind: 'frame', x: 0, y: 0 }], at())
    const [inside] = createItems(doc, [{ kind: 'sticky', x: 10, y: 10, frameId: frame }], at())
    lockItems(doc, [frame as ItemId])
    expect(moveItems(doc, { ids: [frame as ItemId], dx: 50, dy: 0 })).toEqual([])
    expect(getItem(doc, inside as ItemId)?.x).toBe(10)
  })

  it('a lock and a concurrent move converge: locked, at the moved place', () => {
    const a = board()
    const [s] = createItems(a, [{ kind: 'sticky', x: 0, y: 0 }], at())
    const b = replicaOf(a)
    lockItems(a, [s as ItemId])
    moveItems(b, { ids: [s as ItemId], dx: 40, dy: 0 })
    syncReplicas(a, b)
    expect(getItem(a, s as ItemId)).toEqual(getItem(b, s as ItemId))
    expect(getItem(a, s as ItemId)).toMatchObject({ locked: true, x: 40 })
  })

  it('commands write with COMMAND_ORIGIN', () => {
    const doc = board()
    const origins: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    const [s] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], at())
    moveItems(doc, { ids: [s as ItemId], dx: 1, dy: 1 })
    deleteItems(doc, [s as ItemId])
    expect(origins).toEqual([COMMAND_ORIGIN, COMMAND_ORIGIN, COMMAND_ORIGIN])
  })
})
