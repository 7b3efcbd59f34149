import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { BoardId } from '../../../../shared/ids'
import { DEMO_BOARD, seedDemoBoard, seedDemoWorkspace } from '../../../../shared/demo'
import { boardItems, readBoardMeta } from '../../../../shared/model/board/boardDoc'
import { readAllItems } from '../../../../shared/model/board/items'
import { findBoardTemplate } from '../../../../shared/model/board/templates'
import { replicaOf, syncReplicas } from '../../../../shared/model/board/testing'
import { createBoard, getBoard, type BoardSummary } from '../../../../shared/model/boards'
import { registerOpenBoard, renameBoardEverywhere } from './boardTitle'
import { createBoardInList, isBoardStarted, startBoard } from './newBoard'

const swot = { title: 'SWOT for varme', template: 'swot', language: 'nb' } as const
const ada = { name: 'Ada', id: 'person-ada' }

/** A workspace root with one board made by `ada` at time 5, and the board's record. */
function listed(start: { title: string; template: string | undefined; language: 'nb' | 'en' }): {
  root: Y.Doc
  record: BoardSummary
} {
  const root = new Y.Doc()
  const id = createBoardInList(root, { ...start, author: ada, now: 5 })
  const record = getBoard(root, id)
  if (record === undefined) throw new Error('not listed')
  return { root, record }
}

function record(root: Y.Doc, id: BoardId): BoardSummary {
  const found = getBoard(root, id)
  if (found === undefined) throw new Error(`no record ${id}`)
  return found
}

/** What a replica's board holds, comparable across replicas (text included). */
function contents(doc: Y.Doc): unknown {
  return { meta: readBoardMeta(doc), items: readAllItems(doc) }
}

describe('creating a board', () => {
  it('lists it at once with everything its start needs: template, language and maker', () => {
    const { record } = listed(swot)
    expect(record).toMatchObject({
      title: 'SWOT for varme',
      template: 'swot',
      language: 'nb',
      createdAt: 5,
      createdBy: 'Ada',
      createdById: 'person-ada',
    })
  })

  it('starts the board from its record, meta and template in one update', () => {
    const { record } = listed(swot)
    const board = new Y.Doc()
    let updates = 0
    board.on('update', () => updates++)
    expect(startBoard(board, record)).toBe(true)
    expect(updates).toBe(1)
    expect(isBoardStarted(board)).toBe(true)
    expect(readBoardMeta(board)).toMatchObject({
      title: 'SWOT for varme',
      createdAt: 5,
      createdBy: 'Ada',
      createdById: 'person-ada',
      template: 'swot',
    })
    const items = readAllItems(board)
    const frames = items.filter((item) => item.kind === 'frame')
    expect(frames.map((frame) => frame.text).sort()).toEqual(
      ['Muligheter', 'Styrker', 'Svakheter', 'Trusler'].sort(),
    )
    // Made by the board's creator at the board's time, whoever started it.
    for (const item of items) {
      expect(item).toMatchObject({ author: 'Ada', authorId: 'person-ada', createdAt: 5 })
    }
  })

  it('never lays the template out twice, however often it is started', () => {
    const { record } = listed(swot)
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    expect(startBoard(mine, record)).toBe(true)
    syncReplicas(mine, theirs)
    // Someone who opens the board after it synced finds it started.
    expect(startBoard(theirs, record)).toBe(false)
    expect(startBoard(mine, record)).toBe(false)
    syncReplicas(mine, theirs)
    expect(readAllItems(theirs)).toHaveLength(readAllItems(mine).length)
    expect(readAllItems(mine).filter((item) => item.kind === 'frame')).toHaveLength(4)
  })

  it('starts a blank board with a title and no items', () => {
    const { record } = listed({ title: 'Tomt', template: undefined, language: 'en' })
    const board = new Y.Doc()
    expect(startBoard(board, record)).toBe(true)
    expect(readBoardMeta(board)).toMatchObject({ title: 'Tomt', template: undefined })
    expect(readAllItems(board)).toEqual([])
  })

  it('lays the template out in the language it was created in', () => {
    const { record } = listed({ title: 'Retro', template: 'retrospective', language: 'en' })
    const board = new Y.Doc()
    startBoard(board, record)
    const texts = readAllItems(board).map((item) => item.text)
    expect(texts).toContain('What went well')
    expect(texts).not.toContain('Hva gikk bra')
  })
})

describe('starting a board on two replicas at once', () => {
  it('converges to one copy of every template item and one meta', () => {
    const { record } = listed({ title: 'Idémyldring', template: 'brainstorm', language: 'en' })
    const template = findBoardTemplate('brainstorm')
    if (template === undefined) throw new Error('no brainstorm template')
    const expected = template.frames.length + template.texts.length

    // Both opened the board before either's start reached the other.
    const anne = new Y.Doc()
    const bjorn = new Y.Doc()
    expect(startBoard(anne, record)).toBe(true)
    expect(startBoard(bjorn, record)).toBe(true)
    expect(contents(bjorn)).toEqual(contents(anne))

    // Updates travel both ways, each as the network would deliver it.
    const fromAnne = Y.encodeStateAsUpdate(anne)
    const fromBjorn = Y.encodeStateAsUpdate(bjorn)
    Y.applyUpdate(anne, fromBjorn)
    Y.applyUpdate(bjorn, fromAnne)

    for (const doc of [anne, bjorn]) {
      expect(boardItems(doc).size).toBe(expected)
      const items = readAllItems(doc)
      expect(items).toHaveLength(expected)
      expect(items.filter((item) => item.text === 'Ideas')).toHaveLength(1)
      expect(new Set(items.map((item) => item.z)).size).toBe(expected)
      expect(readBoardMeta(doc)).toMatchObject({
        title: 'Idémyldring',
        createdAt: 5,
        createdById: 'person-ada',
        template: 'brainstorm',
      })
    }
    expect(contents(bjorn)).toEqual(contents(anne))
    // The text inside a frame still points at a frame that exists (ids agree).
    const items = readAllItems(anne)
    const ids = new Set(items.map((item) => item.id as string))
    for (const item of items)
      if (item.frameId !== undefined) expect(ids.has(item.frameId)).toBe(true)

    // A third who opens it afterwards finds it started and adds nothing.
    const cari = replicaOf(anne)
    expect(startBoard(cari, record)).toBe(false)
    expect(boardItems(cari).size).toBe(expected)
  })

  it('writes nothing from the starter’s clock', () => {
    const { record } = listed(swot)
    const a = new Y.Doc()
    const b = new Y.Doc()
    vi.useFakeTimers()
    try {
      vi.setSystemTime(1_000)
      startBoard(a, record)
      vi.setSystemTime(9_000_000)
      startBoard(b, record)
    } finally {
      vi.useRealTimers()
    }
    expect(contents(a)).toEqual(contents(b))
    syncReplicas(a, b)
    expect(readAllItems(a)).toHaveLength(5)
    expect(contents(a)).toEqual(contents(b))
  })
})

describe('a board its creator never opened', () => {
  it('is started by the next person who opens it, as its creator chose', () => {
    // Ada lists the board, and her session is gone before it opens the board.
    const host = new Y.Doc()
    const adas = new Y.Doc()
    const id = createBoardInList(adas, {
      title: 'Retro uke 12',
      template: 'retrospective',
      language: 'en',
      author: ada,
      now: 42,
    })
    syncReplicas(adas, host)
    adas.destroy()

    // Bjørn, whose app is in Bokmål, opens it later: his copy of the root has the record,
    // and the board's document syncs empty.
    const bjornsRoot = replicaOf(host)
    const board = new Y.Doc()
    expect(isBoardStarted(board)).toBe(false)
    expect(startBoard(board, record(bjornsRoot, id))).toBe(true)
    expect(readBoardMeta(board)).toMatchObject({
      title: 'Retro uke 12',
      createdAt: 42,
      createdBy: 'Ada',
      createdById: 'person-ada',
      template: 'retrospective',
    })
    const texts = readAllItems(board).map((item) => item.text)
    expect(texts).toContain('What went well')
    expect(readAllItems(board).every((item) => item.authorId === 'person-ada')).toBe(true)
  })

  it('still starts from a record made before records kept a language or maker id', () => {
    const root = new Y.Doc()
    const id = createBoard(root, {
      title: 'Gammel SWOT',
      author: { name: 'Kari' },
      now: 3,
      template: 'swot',
    })
    const old = record(root, id)
    expect(old).toMatchObject({ language: undefined, createdById: undefined })

    const a = new Y.Doc()
    const b = new Y.Doc()
    expect(startBoard(a, old)).toBe(true)
    expect(startBoard(b, old)).toBe(true)
    syncReplicas(a, b)
    expect(readBoardMeta(a)).toMatchObject({ title: 'Gammel SWOT', createdBy: 'Kari' })
    // Bokmål, the app's first language, on every replica.
    const frames = readAllItems(a).filter((item) => item.kind === 'frame')
    expect(frames.map((frame) => frame.text).sort()).toEqual(
      ['Muligheter', 'Styrker', 'Svakheter', 'Trusler'].sort(),
    )
    expect(readAllItems(a)).toHaveLength(5)
    expect(contents(a)).toEqual(contents(b))
  })

  it('is left for a newer peer when its template is one this version does not know', () => {
    const { record } = listed({ title: 'Ny mal', template: 'from-the-future', language: 'nb' })
    const board = new Y.Doc()
    expect(startBoard(board, record)).toBe(false)
    expect(isBoardStarted(board)).toBe(false)
  })

  it('the example board starts as its host seeds it, and the two meet as one', () => {
    const root = new Y.Doc()
    seedDemoWorkspace(root, 77_000)
    const demo = record(root, DEMO_BOARD.id)
    const host = new Y.Doc()
    seedDemoBoard(host, 77_000)
    const guest = new Y.Doc()
    expect(startBoard(guest, demo)).toBe(true)
    expect(contents(guest)).toEqual(contents(host))
    syncReplicas(host, guest)
    expect(boardItems(guest).size).toBe(boardItems(replicaOf(host)).size)
    expect(contents(guest)).toEqual(contents(host))
  })
})

describe('renaming a board', () => {
  it('renames the list entry and, while the board is open, its own title', () => {
    const root = new Y.Doc()
    const id = createBoard(root, { title: 'Gammel', author: { name: 'Ada' }, now: 1 })
    const board = new Y.Doc()
    startBoard(board, record(root, id))

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
