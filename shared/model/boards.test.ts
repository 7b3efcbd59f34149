import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardId } from '../ids'
import {
  boardsMap,
  createBoard,
  deleteBoard,
  getBoard,
  listBoards,
  observeBoardList,
  renameBoard,
} from './boards'
import { COMMAND_ORIGIN } from './schema'

const author = { name: 'Kari' }

describe('board list', () => {
  it('creates, renames, lists newest first and deletes boards', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const a = createBoard(doc, { title: '  Idé   verksted ', author, now: 10, template: 'swot' })
    const b = createBoard(doc, { title: 'Retro', author, now: 20 })
    expect(a).toMatch(/^board-[a-z0-9]{12}$/)
    expect(getBoard(doc, a)).toEqual({
      id: a,
      title: 'Idé verksted',
      createdAt: 10,
      createdBy: 'Kari',
      updatedAt: 10,
      template: 'swot',
    })
    expect(getBoard(doc, b)?.template).toBeUndefined()
    expect(listBoards(doc).map((board) => board.id)).toEqual([b, a])

    renameBoard(doc, a, { title: 'Verksted', now: 30 })
    expect(listBoards(doc).map((board) => [board.id, board.title])).toEqual([
      [a, 'Verksted'],
      [b, 'Retro'],
    ])
    deleteBoard(doc, b)
    expect(listBoards(doc).map((board) => board.id)).toEqual([a])
    expect(origins.every((origin) => origin === COMMAND_ORIGIN)).toBe(true)
    expect(() => renameBoard(doc, 'board-missing' as BoardId, { title: 'x', now: 1 })).toThrow()
  })

  it('keeps the language and maker id a board starts from, and reads records without them', () => {
    const doc = new Y.Doc()
    const id = createBoard(doc, {
      title: 'Retro',
      author: { name: 'Kari', id: 'person-kari' },
      now: 4,
      template: 'retrospective',
      language: 'en',
    })
    expect(getBoard(doc, id)).toMatchObject({ language: 'en', createdById: 'person-kari' })
    // An older record, and a newer peer's language this version has no template text for.
    const old = createBoard(doc, { title: 'Gammel', author, now: 5 })
    expect(getBoard(doc, old)).toMatchObject({ language: undefined, createdById: undefined })
    doc.transact(() => boardsMap(doc).get(old)?.set('language', 'de'))
    expect(getBoard(doc, old)?.language).toBeUndefined()
  })

  it('merges boards created on two replicas and keeps unknown fields', () => {
    const left = new Y.Doc()
    const right = new Y.Doc()
    const a = createBoard(left, { title: 'Left', author, now: 1 })
    const b = createBoard(right, { title: 'Right', author, now: 2 })
    right.transact(() => boardsMap(right).get(b)?.set('futureField', 42))
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right))
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left))
    expect(listBoards(left)).toEqual(listBoards(right))
    expect(listBoards(left).map((board) => board.id)).toEqual([b, a])
    renameBoard(left, b, { title: 'Renamed', now: 3 })
    expect(boardsMap(left).get(b)?.get('futureField')).toBe(42)
  })

  it('notifies on add, rename and delete, and stops after dispose', () => {
    const doc = new Y.Doc()
    let calls = 0
    const dispose = observeBoardList(doc, () => calls++)
    const id = createBoard(doc, { title: 'One', author, now: 1 })
    renameBoard(doc, id, { title: 'Two', now: 2 })
    // Something nested deeper (a newer peer's value) does not count.
    doc.transact(() => {
      const nested = new Y.Map<unknown>()
      boardsMap(doc).get(id)?.set('extra', nested)
    })
    const afterNestedAdd = calls
    doc.transact(() => {
      const nested = boardsMap(doc).get(id)?.get('extra')
      if (nested instanceof Y.Map) nested.set('deep', 1)
    })
    expect(calls).toBe(afterNestedAdd)
    deleteBoard(doc, id)
    expect(calls).toBe(afterNestedAdd + 1)
    dispose()
    createBoard(doc, { title: 'Three', author, now: 3 })
    expect(calls).toBe(afterNestedAdd + 1)
    expect(afterNestedAdd).toBe(3)
  })
})
