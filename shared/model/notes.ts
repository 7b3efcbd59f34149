import * as Y from 'yjs'
import { newNoteId, type CompanyId, type CompetenceId, type NoteId, type WorkspaceId } from '../ids'
import { isNoteType, type NoteType } from './noteTypes'
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
 * `{ id, title, createdAt, createdBy, updatedAt, updatedBy, companyId?, type?, copiedFrom?,
 *    tags: Y.Map<label>, competences: Y.Map<true>, links: Y.Map<true> }`.
 * Scalars are last-writer-wins fields. Tags, competences and links are sets (a Y.Map keyed by
 * the member), so two people adding different tags at once both keep theirs. `links` holds the
 * ids of the notes this note's body links to; hosts derive it from the body (see
 * shared/model/links.ts), so backlinks never need the bodies. The body itself is a document of
 * its own (shared/model/noteBody.ts).
 */
export type NoteSummary = {
  id: NoteId
  title: string
  createdAt: number
  createdBy: string
  updatedAt: number
  updatedBy: string
  companyId: CompanyId | undefined
  type: NoteType | undefined
  /** Display labels, sorted. */
  tags: readonly string[]
  competenceIds: readonly CompetenceId[]
  /** Notes this note links to (from its body), sorted. */
  links: readonly NoteId[]
  copiedFrom: NoteOrigin | undefined
}

/** Where a copied note came from ("share to workspace…" from a private notebook). */
export type NoteOrigin = { workspaceId: WorkspaceId; noteId: NoteId; workspaceName: string }

/** Set-valued fields of a note. */
export const NOTE_SETS = { tags: 'tags', competences: 'competences', links: 'links' } as const
export type NoteSet = (typeof NOTE_SETS)[keyof typeof NOTE_SETS]

export const MAX_TAG_LENGTH = 40

/** A tag as shown: single spaces, no leading '#', at most {@link MAX_TAG_LENGTH} characters. */
export function cleanTag(tag: string): string {
  return tag
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^#+\s*/, '')
    .slice(0, MAX_TAG_LENGTH)
    .trim()
}

/** Tags are one set whatever their case: "Robotics" and "robotics" are the same tag. */
export function tagKey(tag: string): string {
  return cleanTag(tag).toLocaleLowerCase('nb')
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
    type?: NoteType
    tags?: readonly string[]
    competenceIds?: readonly CompetenceId[]
    copiedFrom?: NoteOrigin
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
      type: input.type,
      copiedFrom: input.copiedFrom,
    })
    const tags = new Y.Map<string>()
    for (const tag of input.tags ?? []) {
      if (cleanTag(tag) !== '') tags.set(tagKey(tag), cleanTag(tag))
    }
    const competences = new Y.Map<true>()
    for (const competenceId of input.competenceIds ?? []) competences.set(competenceId, true)
    note.set(NOTE_SETS.tags, tags)
    note.set(NOTE_SETS.competences, competences)
    note.set(NOTE_SETS.links, new Y.Map<true>())
    notesMap(doc).set(id, note)
  }, COMMAND_ORIGIN)
  return id
}

function requireNote(doc: Y.Doc, id: NoteId): YRecord {
  const note = notesMap(doc).get(id)
  if (!(note instanceof Y.Map)) throw new Error(`No note ${id}`)
  return note
}

/**
 * A note's set field, created when missing (notes written before the field existed, or by a
 * peer that does not know it). Call inside a transaction. Two replicas creating it at once
 * is resolved by Yjs keeping one map; the members written into the other are lost, which
 * only matters for the first concurrent write to an old note.
 */
function noteSet(note: YRecord, field: NoteSet): Y.Map<unknown> {
  const existing = note.get(field)
  if (existing instanceof Y.Map) return existing
  const created = new Y.Map<unknown>()
  note.set(field, created)
  return created
}

function touched(note: YRecord, input: { author: Author; now: number }): void {
  note.set('updatedAt', input.now)
  note.set('updatedBy', input.author.name)
}

type Edit = { author: Author; now: number }

/** Sets (or, with undefined, removes) one last-writer-wins field and records the edit. */
function setNoteField(doc: Y.Doc, id: NoteId, key: string, value: string | undefined, edit: Edit) {
  const note = requireNote(doc, id)
  doc.transact(() => {
    if (value === undefined) note.delete(key)
    else note.set(key, value)
    touched(note, edit)
  }, COMMAND_ORIGIN)
}

export function setNoteCompany(
  doc: Y.Doc,
  id: NoteId,
  input: Edit & { companyId: CompanyId | undefined },
): void {
  setNoteField(doc, id, 'companyId', input.companyId, input)
}

export function setNoteType(
  doc: Y.Doc,
  id: NoteId,
  input: Edit & { type: NoteType | undefined },
): void {
  setNoteField(doc, id, 'type', input.type, input)
}

/** Adds a tag (no-op when a tag with the same key is there). Returns the label kept. */
export function addNoteTag(doc: Y.Doc, id: NoteId, input: Edit & { tag: string }): string {
  const label = cleanTag(input.tag)
  if (label === '') throw new Error('A tag needs at least one letter.')
  const note = requireNote(doc, id)
  const key = tagKey(label)
  const existing = note.get(NOTE_SETS.tags)
  if (existing instanceof Y.Map && typeof existing.get(key) === 'string') {
    return existing.get(key) as string
  }
  doc.transact(() => {
    noteSet(note, NOTE_SETS.tags).set(key, label)
    touched(note, input)
  }, COMMAND_ORIGIN)
  return label
}

export function removeNoteTag(doc: Y.Doc, id: NoteId, input: Edit & { tag: string }): void {
  const note = requireNote(doc, id)
  doc.transact(() => {
    noteSet(note, NOTE_SETS.tags).delete(tagKey(input.tag))
    touched(note, input)
  }, COMMAND_ORIGIN)
}

export function addNoteCompetence(
  doc: Y.Doc,
  id: NoteId,
  input: Edit & { competenceId: CompetenceId },
): void {
  const note = requireNote(doc, id)
  doc.transact(() => {
    noteSet(note, NOTE_SETS.competences).set(input.competenceId, true)
    touched(note, input)
  }, COMMAND_ORIGIN)
}

export function removeNoteCompetence(
  doc: Y.Doc,
  id: NoteId,
  input: Edit & { competenceId: CompetenceId },
): void {
  const note = requireNote(doc, id)
  doc.transact(() => {
    noteSet(note, NOTE_SETS.competences).delete(input.competenceId)
    touched(note, input)
  }, COMMAND_ORIGIN)
}

/**
 * Makes a note's `links` set equal to `targets` by adding and removing only the difference,
 * so replicas that each saw part of a change converge on the union of their edits. Does
 * nothing (no transaction, no update) when the set is already right. Returns whether it wrote.
 */
export function setNoteLinks(
  doc: Y.Doc,
  id: NoteId,
  targets: ReadonlySet<NoteId>,
  origin: object = COMMAND_ORIGIN,
): boolean {
  const note = notesMap(doc).get(id)
  if (!(note instanceof Y.Map)) return false
  const current = note.get(NOTE_SETS.links)
  const have = current instanceof Y.Map ? new Set(current.keys()) : new Set<string>()
  const add = [...targets].filter((target) => !have.has(target))
  const remove = [...have].filter((target) => !targets.has(target as NoteId))
  if (add.length === 0 && remove.length === 0 && current instanceof Y.Map) return false
  doc.transact(() => {
    const links = noteSet(note, NOTE_SETS.links)
    for (const target of remove) links.delete(target)
    for (const target of add) links.set(target, true)
  }, origin)
  return true
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

function setMembers(note: YRecord, field: NoteSet): string[] {
  const set = note.get(field)
  return set instanceof Y.Map ? [...set.keys()].sort() : []
}

function tagLabels(note: YRecord): string[] {
  const set = note.get(NOTE_SETS.tags)
  if (!(set instanceof Y.Map)) return []
  const labels: string[] = []
  set.forEach((label) => {
    if (typeof label === 'string') labels.push(label)
  })
  return labels.sort((a, b) => a.localeCompare(b, 'nb'))
}

function readOrigin(value: unknown): NoteOrigin | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { workspaceId, noteId, workspaceName } = value as Record<string, unknown>
  if (typeof workspaceId !== 'string' || typeof noteId !== 'string') return undefined
  return {
    workspaceId: workspaceId as WorkspaceId,
    noteId: noteId as NoteId,
    workspaceName: typeof workspaceName === 'string' ? workspaceName : '',
  }
}

function toSummary(id: string, note: YRecord): NoteSummary {
  const companyId = note.get('companyId')
  const type = note.get('type')
  return {
    id: id as NoteId,
    title: readString(note, 'title'),
    createdAt: readNumber(note, 'createdAt'),
    createdBy: readString(note, 'createdBy'),
    updatedAt: readNumber(note, 'updatedAt'),
    updatedBy: readString(note, 'updatedBy'),
    companyId: typeof companyId === 'string' ? (companyId as CompanyId) : undefined,
    type: isNoteType(type) ? type : undefined,
    tags: tagLabels(note),
    competenceIds: setMembers(note, NOTE_SETS.competences) as CompetenceId[],
    links: setMembers(note, NOTE_SETS.links) as NoteId[],
    copiedFrom: readOrigin(note.get('copiedFrom')),
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}

/** Field-by-field equality of two summaries (lists compared by members). */
export function sameNoteSummary(a: NoteSummary, b: NoteSummary): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.createdAt === b.createdAt &&
    a.createdBy === b.createdBy &&
    a.updatedAt === b.updatedAt &&
    a.updatedBy === b.updatedBy &&
    a.companyId === b.companyId &&
    a.type === b.type &&
    sameList(a.tags, b.tags) &&
    sameList(a.competenceIds, b.competenceIds) &&
    sameList(a.links, b.links) &&
    a.copiedFrom?.workspaceId === b.copiedFrom?.workspaceId &&
    a.copiedFrom?.noteId === b.copiedFrom?.noteId &&
    a.copiedFrom?.workspaceName === b.copiedFrom?.workspaceName
  )
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
 * Calls `onChange` when a note is added, removed, or one of its fields or sets changes. Only
 * the root map, each note's own fields and its known sets count, so nested values a newer peer
 * may add (and anything else deep) never make the note list recompute.
 */
export function observeNoteList(doc: Y.Doc, onChange: () => void): () => void {
  const notes = notesMap(doc)
  const known = new Set<string>(Object.values(NOTE_SETS))
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const relevant = events.some((event) => {
      const target = event.target
      if (target === notes || target.parent === notes) return true
      const key = target._item?.parentSub
      return target.parent?.parent === notes && typeof key === 'string' && known.has(key)
    })
    if (relevant) onChange()
  }
  notes.observeDeep(handler)
  return () => notes.unobserveDeep(handler)
}
