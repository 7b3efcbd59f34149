import * as Y from 'yjs'
import { newNoteId, type CompanyId, type NoteId } from '../ids'
import {
  COMMAND_ORIGIN,
  notesMap,
  readNumber,
  readString,
  recordToYMap,
  type YRecord,
} from './schema'

/**
 * A note is a Y.Map in the `notes` root map, keyed by its id:
 * `{ id, title, createdAt, createdBy, updatedAt, updatedBy, companyId?, body: Y.XmlFragment }`.
 * The body is the TipTap document; everything else is a last-writer-wins field.
 */
export type NoteSummary = {
  id: NoteId
  title: string
  createdAt: number
  createdBy: string
  updatedAt: number
  updatedBy: string
  companyId: CompanyId | undefined
}

export type Author = { name: string }

export const MAX_TITLE_LENGTH = 300

function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH)
}

/**
 * Adds a note to the list and returns its id. One transaction. The body starts empty in its
 * own document; the creating replica may fill it with `appendNoteBody`.
 */
export function createNote(
  doc: Y.Doc,
  input: {
    title: string
    author: Author
    now: number
    companyId?: CompanyId
    id?: NoteId
  },
): NoteId {
  const id = input.id ?? newNoteId()
  doc.transact(() => {
    const note = recordToYMap({
      id,
      title: cleanTitle(input.title),
      createdAt: input.now,
      createdBy: input.author.name,
      updatedAt: input.now,
      updatedBy: input.author.name,
      companyId: input.companyId,
    })
    notesMap(doc).set(id, note)
  }, COMMAND_ORIGIN)
  return id
}

export function renameNote(
  doc: Y.Doc,
  id: NoteId,
  input: { title: string; author: Author; now: number },
): void {
  const note = notesMap(doc).get(id)
  if (note === undefined) throw new Error(`No note ${id}`)
  doc.transact(() => {
    note.set('title', cleanTitle(input.title))
    note.set('updatedAt', input.now)
    note.set('updatedBy', input.author.name)
  }, COMMAND_ORIGIN)
}

/** Records that someone edited the body, for "updated" sorting and "last edited by". */
export function touchNote(doc: Y.Doc, id: NoteId, input: { author: Author; now: number }): void {
  const note = notesMap(doc).get(id)
  if (note === undefined) return
  doc.transact(() => {
    note.set('updatedAt', input.now)
    note.set('updatedBy', input.author.name)
  }, COMMAND_ORIGIN)
}

export function deleteNote(doc: Y.Doc, id: NoteId): void {
  doc.transact(() => notesMap(doc).delete(id), COMMAND_ORIGIN)
}

function toSummary(id: string, note: YRecord): NoteSummary {
  const companyId = note.get('companyId')
  return {
    id: id as NoteId,
    title: readString(note, 'title'),
    createdAt: readNumber(note, 'createdAt'),
    createdBy: readString(note, 'createdBy'),
    updatedAt: readNumber(note, 'updatedAt'),
    updatedBy: readString(note, 'updatedBy'),
    companyId: typeof companyId === 'string' ? (companyId as CompanyId) : undefined,
  }
}

/** All notes, most recently updated first (ties by title, then id, so order is stable). */
export function listNotes(doc: Y.Doc): NoteSummary[] {
  const notes: NoteSummary[] = []
  notesMap(doc).forEach((note, id) => {
    if (note instanceof Y.Map) notes.push(toSummary(id, note))
  })
  return notes.sort(
    (a, b) => b.updatedAt - a.updatedAt || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1),
  )
}

export function getNote(doc: Y.Doc, id: NoteId): NoteSummary | undefined {
  const note = notesMap(doc).get(id)
  return note instanceof Y.Map ? toSummary(id, note) : undefined
}

/**
 * Calls `onChange` when a note is added, removed, or one of its fields changes. Only the
 * root map and each note's own fields count, so nested values a newer peer may add (and
 * anything else deep) never make the note list recompute.
 */
export function observeNoteList(doc: Y.Doc, onChange: () => void): () => void {
  const notes = notesMap(doc)
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (events.some((event) => event.target === notes || event.target.parent === notes)) onChange()
  }
  notes.observeDeep(handler)
  return () => notes.unobserveDeep(handler)
}
