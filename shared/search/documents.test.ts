import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId } from '../ids'
import { boardItems } from '../model/board/boardDoc'
import { createItems, setItemText } from '../model/board/commands'
import { startPrivateMode, startSession } from '../model/board/session'
import { ANNE, BJORN } from '../model/board/testing'
import { createBoard } from '../model/boards'
import { createCompany } from '../model/companies'
import { updateCell } from '../model/competence/cells'
import { addCompetence } from '../model/competence/vocabulary'
import { appendNoteBody, noteBodyFragment } from '../model/noteBody'
import { addNoteTag, createNote, renameNote } from '../model/notes'
import {
  boardSearchDocs,
  boardTitles,
  changedItemIds,
  noteBodyDocText,
  noteSearchDoc,
  readNoteMeta,
  rootSearchDocs,
  sameIndexedDoc,
} from './documents'

const AUTHOR = { name: 'Åse' }

function company(root: Y.Doc, name: string): CompanyId {
  return createCompany(root, {
    name,
    industry: 'wood-panels',
    location: 'Løten',
    description: `${name} lager møbler av massivtre.`,
    color: '#336699',
  })
}

describe('search documents', () => {
  it('reads a note from its root record and the text of every block of its body', () => {
    const root = new Y.Doc()
    const companyId = company(root, 'Lien Møbelverk AS')
    const competenceId = addCompetence(root, { name: 'Liming', category: 'processes' })
    const target = createNote(root, { title: 'Herding av lakk', author: AUTHOR, now: 1 })
    const id = createNote(root, {
      title: 'Varmegjenvinning',
      author: AUTHOR,
      now: 5,
      companyId,
      type: 'lesson',
      tags: ['Energi'],
      competenceIds: [competenceId],
    })
    addNoteTag(root, id, { tag: 'Tørke', author: { name: 'Bo' }, now: 9 })
    const body = new Y.Doc()
    appendNoteBody(body, [
      { type: 'heading', level: 2, content: ['Ovnene i hall B'] },
      {
        type: 'paragraph',
        content: [
          'Se ',
          { type: 'noteLink', id: target },
          ' og ',
          { type: 'noteLink', id: 'gone-note' },
          '.',
        ],
      },
      { type: 'taskList', items: [{ checked: false, content: ['Mål temperaturen'] }] },
      {
        type: 'table',
        rows: [[{ header: true, content: ['Ovn'] }], [{ content: ['Tørkeovn 3'] }]],
      },
      {
        type: 'bulletList',
        items: [
          { content: ['Første'], children: [{ type: 'paragraph', content: ['nestet punkt'] }] },
        ],
      },
      { type: 'codeBlock', text: 'temp = 80' },
    ])
    const titles = (noteId: string) => readNoteMeta(root, noteId)?.title
    const text = noteBodyDocText(body, titles)
    expect(text.split('\n')).toEqual([
      'Ovnene i hall B',
      'Se Herding av lakk og .',
      'Mål temperaturen',
      'Ovn',
      'Tørkeovn 3',
      'Første',
      'nestet punkt',
      'temp = 80',
    ])
    const meta = readNoteMeta(root, id)
    expect(meta).toBeDefined()
    const doc = noteSearchDoc(meta!, text)
    expect(doc).toMatchObject({
      id: `note:${id}`,
      kind: 'note',
      title: 'Varmegjenvinning',
      updatedAt: 9,
      target: { type: 'note', note: id },
      filters: {
        companyIds: [companyId],
        competenceIds: [competenceId],
        tags: ['energi', 'tørke'],
        type: 'lesson',
        authors: ['Åse', 'Bo'],
      },
    })
    expect(readNoteMeta(root, 'missing')).toBeUndefined()
    expect(noteBodyFragment(body).length).toBe(6)
  })

  it('reads stickies, frames and text on a board, with the board name, and leaves out hidden ones', () => {
    const root = new Y.Doc()
    const boardId = createBoard(root, { title: 'Workshop april', author: AUTHOR, now: 1 })
    const board = new Y.Doc()
    const [sticky, frame, text, connector] = createItems(
      board,
      [
        { kind: 'sticky', x: 0, y: 0, text: 'Spillvarme fra tørken\nKan varme lageret' },
        { kind: 'frame', x: 0, y: 0, text: 'Energi' },
        { kind: 'text', x: 0, y: 0, text: 'Ideer' },
        { kind: 'sticky', x: 9, y: 9, text: '' },
      ],
      { actor: ANNE, now: 7 },
    )
    const docs = boardSearchDocs(boardId, board, boardTitles(root).get(boardId)!)
    expect(docs.map((doc) => [doc.id, doc.title, doc.body]).sort()).toEqual(
      [
        [`item:${boardId}/${sticky}`, 'Spillvarme fra tørken', 'Kan varme lageret'],
        [`item:${boardId}/${frame}`, 'Energi', ''],
        [`item:${boardId}/${text}`, 'Ideer', ''],
      ].sort(),
    )
    expect(connector).toBeDefined()
    const first = docs.find((doc) => doc.id.endsWith(sticky!))!
    expect(first).toMatchObject({
      kind: 'sticky',
      context: 'Workshop april',
      updatedAt: 7,
      target: { type: 'boardItem', board: boardId, item: sticky },
      filters: { authors: ['Anne'] },
    })

    // Which items a transaction touched, whether their map or their text changed.
    const changed: string[][] = []
    boardItems(board).observeDeep((events) => changed.push([...changedItemIds(board, events)]))
    setItemText(board, sticky!, 'Solceller')
    expect(changed).toEqual([[sticky]])

    // Private mode: a participant's new sticky is hidden from the others, so not searchable.
    startSession(board, ANNE)
    startPrivateMode(board, ANNE, { now: 8 })
    createItems(board, [{ kind: 'sticky', x: 1, y: 1, text: 'Hemmelig' }], { actor: BJORN, now: 9 })
    expect(boardSearchDocs(boardId, board, 'x').some((doc) => doc.title === 'Hemmelig')).toBe(false)
  })

  it('reads companies, competences and offers/needs with words', () => {
    const root = new Y.Doc()
    const companyId = company(root, 'Vestplate AS')
    const competenceId = addCompetence(root, {
      name: 'Sveising',
      nameEn: 'Welding',
      category: 'processes',
      synonyms: ['TIG'],
    })
    const note = createNote(root, { title: 'Sveiseprøver 2025', author: AUTHOR, now: 1 })
    updateCell(root, {
      companyId,
      competenceId,
      offer: 3,
      comment: 'Sertifiserte sveisere',
      addEvidence: [note],
      author: AUTHOR,
      now: 42,
    })
    const other = addCompetence(root, { name: 'Lakkering', category: 'processes' })
    updateCell(root, { companyId, competenceId: other, need: 2, author: AUTHOR, now: 43 })
    const docs = rootSearchDocs(root)
    const byId = new Map(docs.map((doc) => [doc.id, doc]))
    expect(byId.get(`company:${companyId}`)).toMatchObject({
      kind: 'company',
      title: 'Vestplate AS',
      target: { type: 'company', company: companyId },
    })
    expect(byId.get(`company:${companyId}`)?.body).toContain('massivtre')
    expect(byId.get(`competence:${competenceId}`)).toMatchObject({
      kind: 'competence',
      title: 'Sveising',
      body: 'Welding\nTIG',
    })
    expect(byId.get(`cell:${companyId}|${competenceId}`)).toMatchObject({
      kind: 'company',
      title: 'Vestplate AS · Sveising',
      body: 'Sertifiserte sveisere\nSveiseprøver 2025',
      context: 'Vestplate AS',
      updatedAt: 42,
      target: { type: 'company', company: companyId, competence: competenceId },
      filters: { companyIds: [companyId], competenceIds: [competenceId] },
    })
    // A need without words is not a search hit of its own.
    expect(byId.has(`cell:${companyId}|${other}`)).toBe(false)
  })

  it('tells an unchanged document from a changed one', () => {
    const root = new Y.Doc()
    const id = createNote(root, { title: 'A', author: AUTHOR, now: 1 })
    const before = noteSearchDoc(readNoteMeta(root, id)!, 'tekst')
    expect(sameIndexedDoc(before, noteSearchDoc(readNoteMeta(root, id)!, 'tekst'))).toBe(true)
    renameNote(root, id, { title: 'B', author: AUTHOR, now: 2 })
    expect(sameIndexedDoc(before, noteSearchDoc(readNoteMeta(root, id)!, 'tekst'))).toBe(false)
  })
})
