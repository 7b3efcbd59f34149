import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_BOARD, seedDemoBoard, seedDemoWorkspace } from './demo'
import { readBoardMeta } from './model/board/boardDoc'
import { containsPoint, itemCenter, readAllItems } from './model/board/items'
import { findBoardTemplate } from './model/board/templates'
import { listBoards } from './model/boards'
import type { NoteId } from './ids'
import { listCompanies, listCompetences } from './model/companies'
import { createBacklinkIndex, extractNoteLinks } from './model/links'
import { noteBodyFragment, noteBodyText, seedNoteBody } from './model/noteBody'
import { listNotes } from './model/notes'
import { NOTE_TYPES } from './model/noteTypes'
import { fragmentToBlocks, type Block } from './model/richText'

/** The example workspace as the host seeds it: root plus every body in its own document. */
function seeded(): { root: Y.Doc; bodies: Map<NoteId, Y.Doc> } {
  const root = new Y.Doc()
  const bodies = new Map<NoteId, Y.Doc>()
  for (const seed of seedDemoWorkspace(root, 1_000_000)) {
    const body = new Y.Doc()
    seedNoteBody(body, seed.blocks)
    bodies.set(seed.noteId, body)
  }
  return { root, bodies }
}

function blockTypes(blocks: readonly Block[]): Set<string> {
  const types = new Set<string>()
  const visit = (block: Block): void => {
    types.add(block.type)
    if (block.type === 'blockquote') block.children.forEach(visit)
  }
  blocks.forEach(visit)
  return types
}

describe('the example workspace', () => {
  it('has 6–10 notes, every type, and each note a company, 1–3 tags and known competences', () => {
    const { root } = seeded()
    const notes = listNotes(root)
    expect(notes.length).toBeGreaterThanOrEqual(6)
    expect(notes.length).toBeLessThanOrEqual(10)
    expect(new Set(notes.map((note) => note.type))).toEqual(new Set(NOTE_TYPES))
    const companies = new Set(listCompanies(root).map((company) => company.id))
    const competences = new Set(listCompetences(root).map((competence) => competence.id))
    for (const note of notes) {
      expect(companies.has(note.companyId ?? ('' as never)), note.title).toBe(true)
      expect(note.tags.length, note.title).toBeGreaterThanOrEqual(1)
      expect(note.tags.length, note.title).toBeLessThanOrEqual(3)
      expect(note.competenceIds.length, note.title).toBeGreaterThan(0)
      for (const id of note.competenceIds) expect(competences.has(id), id).toBe(true)
    }
    expect(new Set(notes.map((note) => note.title)).size).toBe(notes.length)
  })

  it('uses the rich blocks where they fit: tasks in meetings and ideas, a table, a quote', () => {
    const { root, bodies } = seeded()
    const typesOf = (type: string): Set<string>[] =>
      listNotes(root)
        .filter((note) => note.type === type)
        .map((note) => blockTypes(fragmentToBlocks(noteBodyFragment(bodies.get(note.id)!))))
    expect(typesOf('meeting').some((types) => types.has('taskList'))).toBe(true)
    expect(typesOf('idea').some((types) => types.has('taskList'))).toBe(true)
    expect(typesOf('competence').some((types) => types.has('table'))).toBe(true)
    expect(typesOf('lesson').some((types) => types.has('blockquote'))).toBe(true)
  })

  it('writes the links sets the host would derive from the bodies, all to existing notes', () => {
    const { root, bodies } = seeded()
    const ids = new Set(listNotes(root).map((note) => note.id))
    let total = 0
    for (const note of listNotes(root)) {
      const fromBody = extractNoteLinks(noteBodyFragment(bodies.get(note.id)!), note.id)
      expect([...note.links].sort(), note.title).toEqual([...fromBody].sort())
      for (const target of note.links) expect(ids.has(target), target).toBe(true)
      total += note.links.length
    }
    expect(total).toBeGreaterThanOrEqual(6)
  })

  it('keeps what the e2e specs start from: ids, titles, no backlinks to two notes', () => {
    const { root, bodies } = seeded()
    const byId = new Map(listNotes(root).map((note) => [note.id as string, note]))
    expect(byId.get('note-demo-binders')?.title).toBe('Biobaserte bindemidler i sponplater')
    expect(byId.get('note-demo-robot')?.title).toBe('Robotcelle for små serier')
    expect(byId.get('note-demo-robot')?.tags).toEqual(['automasjon'])
    expect(byId.get('note-demo-robot')?.companyId).toBe('co-lien')
    expect([...byId.values()].filter((note) => note.companyId === 'co-lien')).toHaveLength(1)
    for (const id of ['note-demo-heat', 'note-demo-starch', 'note-demo-workshop']) {
      expect(byId.has(id), id).toBe(true)
    }
    const robotBody = bodies.get('note-demo-robot' as NoteId)!
    expect(noteBodyText(robotBody)).toContain('Offline-programmering fra CAD')
    const backlinks = createBacklinkIndex(root)
    expect(backlinks.backlinks('note-demo-binders' as NoteId).size).toBe(0)
    expect(backlinks.backlinks('note-demo-robot' as NoteId).size).toBe(0)
    expect(backlinks.backlinks('note-demo-starch' as NoteId).size).toBeGreaterThanOrEqual(2)
    backlinks.destroy()
  })

  it('seeds the same records on two replicas, links included', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    seedDemoWorkspace(a, 5_000)
    seedDemoWorkspace(b, 5_000)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(listNotes(a)).toEqual(listNotes(b))
    expect(listNotes(a)).toHaveLength(seedDemoWorkspace(new Y.Doc(), 0).length)
  })

  it('lists an example board whose document holds columns, stickies by several people and an arrow', () => {
    const { root } = seeded()
    expect(listBoards(root)).toEqual([
      expect.objectContaining({
        id: DEMO_BOARD.id,
        title: DEMO_BOARD.title,
        template: 'idea-to-project',
      }),
    ])
    expect(findBoardTemplate(DEMO_BOARD.template)).toBeDefined()

    const board = new Y.Doc()
    seedDemoBoard(board, 1_000_000)
    expect(readBoardMeta(board)).toMatchObject({
      title: DEMO_BOARD.title,
      createdAt: 1_000_000,
      template: 'idea-to-project',
    })
    const items = readAllItems(board)
    const frames = items.filter((item) => item.kind === 'frame')
    const stickies = items.filter((item) => item.kind === 'sticky')
    expect(frames.map((frame) => frame.text)).toEqual(
      expect.arrayContaining(['Idé', 'Partnere', 'Hva vi trenger', 'Neste steg']),
    )
    expect(stickies.length).toBeGreaterThanOrEqual(8)
    expect(new Set(stickies.map((sticky) => sticky.author)).size).toBeGreaterThanOrEqual(3)
    for (const sticky of stickies) {
      const frame = frames.find((candidate) => candidate.id === sticky.frameId)
      expect(frame, sticky.text).toBeDefined()
      expect(containsPoint(frame!, itemCenter(sticky)), sticky.text).toBe(true)
    }
    const arrows = items.filter((item) => item.kind === 'connector')
    expect(arrows).toHaveLength(1)
    expect(stickies.map((sticky) => sticky.id)).toEqual(
      expect.arrayContaining([arrows[0]!.from, arrows[0]!.to]),
    )
  })

  it('seeds the example board once, and the same items on two replicas', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    seedDemoBoard(a, 5_000)
    seedDemoBoard(b, 5_000)
    const count = readAllItems(a).length
    seedDemoBoard(a, 6_000)
    expect(readAllItems(a)).toHaveLength(count)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const ids = (doc: Y.Doc): string[] =>
      readAllItems(doc)
        .map((item) => item.id)
        .sort()
    expect(ids(a)).toEqual(ids(b))
    expect(ids(a)).toHaveLength(count)
  })
})
