import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardMeta } from '../../../../shared/model/board/boardDoc'
import { readAllItems } from '../../../../shared/model/board/items'
import { ANNE, BJORN, syncReplicas } from '../../../../shared/model/board/testing'
import { createBoard, getBoard } from '../../../../shared/model/boards'
import { registerOpenBoard, renameBoardEverywhere } from './boardTitle'
import { createBoardInList, isBoardStarted, startBoard, takeBoardStart } from './newBoard'

const swot = { title: 'SWOT for varme', template: 'swot', language: 'nb' } as const

describe('creating a board', () => {
  it('lists it at once and hands its start out once, to the session that created it', () => {
    const root = new Y.Doc()
    const id = createBoardInList(root, { ...swot, author: { name: 'Ada' }, now: 5 })
    expect(getBoard(root, id)).toMatchObject({ title: 'SWOT for varme', template: 'swot' })
    expect(takeBoardStart(id)).toEqual(swot)
    expect(takeBoardStart(id)).toBeUndefined()
  })

  it('starts the board with its meta and template in one update', () => {
    const board = new Y.Doc()
    let updates = 0
    board.on('update', () => updates++)
    expect(startBoard(board, swot, { actor: ANNE, now: 7 })).toBe(true)
    expect(updates).toBe(1)
    expect(isBoardStarted(board)).toBe(true)
    expect(readBoardMeta(board)).toMatchObject({
      title: 'SWOT for varme',
      createdAt: 7,
      createdById: ANNE.id,
      template: 'swot',
    })
    const frames = readAllItems(board).filter((item) => item.kind === 'frame')
    expect(frames.map((frame) => frame.text).sort()).toEqual(
      ['Muligheter', 'Styrker', 'Svakheter', 'Trusler'].sort(),
    )
  })

  it('never lays the template out twice, however often it is started', () => {
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    expect(startBoard(mine, swot, { actor: ANNE, now: 1 })).toBe(true)
    syncReplicas(mine, theirs)
    // Someone who opens the board after it synced finds it started.
    expect(startBoard(theirs, swot, { actor: BJORN, now: 2 })).toBe(false)
    expect(startBoard(mine, swot, { actor: ANNE, now: 3 })).toBe(false)
    syncReplicas(mine, theirs)
    expect(readAllItems(theirs)).toHaveLength(readAllItems(mine).length)
    expect(readAllItems(mine).filter((item) => item.kind === 'frame')).toHaveLength(4)
  })

  it('starts a blank board with a title and no items', () => {
    const board = new Y.Doc()
    startBoard(
      board,
      { title: 'Tomt', template: undefined, language: 'en' },
      { actor: ANNE, now: 1 },
    )
    expect(readBoardMeta(board)).toMatchObject({ title: 'Tomt', template: undefined })
    expect(readAllItems(board)).toEqual([])
  })

  it('lays the template out in the language it was created in', () => {
    const board = new Y.Doc()
    startBoard(
      board,
      { title: 'Retro', template: 'retrospective', language: 'en' },
      { actor: ANNE, now: 1 },
    )
    const texts = readAllItems(board).map((item) => item.text)
    expect(texts).toContain('What went well')
    expect(texts).not.toContain('Hva gikk bra')
  })
})

describe('renaming a board', () => {
  it('renames the list entry and, while the board is open, its own title', () => {
    const root = new Y.Doc()
    const id = createBoard(root, { title: 'Gammel', author: { name: 'Ada' }, now: 1 })
    const board = new Y.Doc()
    startBoard(
      board,
      { title: 'Gammel', template: undefined, language: 'nb' },
      { actor: ANNE, now: 1 },
    )

    const close = registerOpenBoard(id, board)
    renameBoardEverywhere(root, id, { title: 'Ny tittel', now: 2 })
    expect(getBoard(root, id)?.title).toBe('Ny tittel')
    expect(readBoardMeta(board).title).toBe('Ny tittel')

    close()
    renameBoardEverywhere(root, id, { title: 'Tredje', now: 3 })
    expect(getBoard(root, id)?.title).toBe('Tredje')
    expect(readBoardMeta(board).title).toBe('Ny tittel')
  })
})
