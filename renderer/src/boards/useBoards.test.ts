import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardId } from '../../../shared/ids'
import { createBoard, deleteBoard, renameBoard } from '../../../shared/model/boards'
import { createNote } from '../../../shared/model/notes'
import { boardListStore } from './useBoards'

const author = { name: 'Ada' }

/** Two replicas of one workspace root that deliver every update to each other. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, update, 'remote')
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote')
  })
  return [a, b]
}

const titles = (doc: Y.Doc): string[] =>
  boardListStore(doc)
    .getSnapshot()
    .map((board) => board.title)

describe('boardListStore', () => {
  it('lists boards most recently changed first, and a rename moves one to the top', () => {
    const doc = new Y.Doc()
    const swot = createBoard(doc, { title: 'SWOT', author, now: 1, template: 'swot' })
    createBoard(doc, { title: 'Retro', author, now: 3 })
    createBoard(doc, { title: 'Lean coffee', author, now: 2 })
    const store = boardListStore(doc)
    const stop = store.subscribe(() => {})
    expect(titles(doc)).toEqual(['Retro', 'Lean coffee', 'SWOT'])
    expect(store.getSnapshot()[2]?.template).toBe('swot')

    renameBoard(doc, swot, { title: 'SWOT for varme', now: 4 })
    expect(titles(doc)).toEqual(['SWOT for varme', 'Retro', 'Lean coffee'])
    stop()
  })

  it('wakes its readers for boards made, renamed and deleted on another replica', () => {
    const [mine, theirs] = pair()
    const store = boardListStore(mine)
    let woke = 0
    const stop = store.subscribe(() => woke++)
    expect(store.getSnapshot()).toEqual([])

    const id = createBoard(theirs, { title: 'Idémyldring', author: { name: 'Bo' }, now: 10 })
    expect(woke).toBe(1)
    expect(titles(mine)).toEqual(['Idémyldring'])

    renameBoard(theirs, id, { title: 'Idémyldring om varme', now: 11 })
    expect(woke).toBe(2)
    expect(titles(mine)).toEqual(['Idémyldring om varme'])

    deleteBoard(theirs, id)
    expect(woke).toBe(3)
    expect(store.getSnapshot()).toEqual([])
    stop()
  })

  it('keeps its snapshot (same reference, no wake-up) when other parts of the workspace change', () => {
    const doc = new Y.Doc()
    createBoard(doc, { title: 'SWOT', author, now: 1 })
    const store = boardListStore(doc)
    let woke = 0
    const stop = store.subscribe(() => woke++)
    const before = store.getSnapshot()

    createNote(doc, { title: 'Varmegjenvinning', author, now: 2 })
    expect(woke).toBe(0)
    expect(store.getSnapshot()).toBe(before)

    // Setting a field to the value it has wakes the store, but the list stays the same object.
    const board = doc.getMap<Y.Map<unknown>>('boards').get(before[0]?.id as BoardId)
    doc.transact(() => board?.set('title', 'SWOT'))
    expect(store.getSnapshot()).toBe(before)
    stop()
  })

  it('is one store per document', () => {
    const doc = new Y.Doc()
    expect(boardListStore(doc)).toBe(boardListStore(doc))
    expect(boardListStore(doc)).not.toBe(boardListStore(new Y.Doc()))
  })
})
