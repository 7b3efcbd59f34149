import * as Y from 'yjs'
import type { CompanyId, CompetenceId, NoteId, WorkspaceId } from '../ids'
import { isNoteId } from '../rooms'
import { listCompanies, listCompetences } from './companies'
import { NOTE_LINK_NODE } from './links'
import { noteFilesMap } from './noteFiles'
import { COMMAND_ORIGIN, notesMap, readNumber, readString } from './schema'

/**
 * "Share to workspace…": a note of the private notebook is copied into a shared workspace.
 * These are the pure parts over Y types — cloning a body with the files it shows, matching
 * company and competences by name in the target's vocabulary, and the `sharedTo` record on
 * the private original. The host does the copy (electron/core/noteShare.ts), so the private
 * notebook's documents never travel to anyone but the owner.
 */

/** Field of a note record: a Y.Map keyed by the copy's note id, one entry per share. */
export const NOTE_SHARED_TO = 'sharedTo'

/** One copy of a private note in a shared workspace. */
export type SharedCopy = {
  workspaceId: WorkspaceId
  noteId: NoteId
  /** The target's name when it was shared, for "Shared to X" without opening it. */
  workspaceName: string
  at: number
}

/** Records a copy on the private original (additive: two shares are two entries). */
export function recordSharedTo(
  root: Y.Doc,
  noteId: NoteId,
  copy: SharedCopy,
  origin: object = COMMAND_ORIGIN,
): void {
  const note = notesMap(root).get(noteId)
  if (!(note instanceof Y.Map)) throw new Error(`No note ${noteId}`)
  root.transact(() => {
    let shared = note.get(NOTE_SHARED_TO)
    if (!(shared instanceof Y.Map)) {
      shared = new Y.Map<unknown>()
      note.set(NOTE_SHARED_TO, shared)
    }
    const entry = new Y.Map<unknown>()
    entry.set('workspaceId', copy.workspaceId)
    entry.set('workspaceName', copy.workspaceName)
    entry.set('at', copy.at)
    ;(shared as Y.Map<unknown>).set(copy.noteId, entry)
  }, origin)
}

/** Where a note was shared, oldest first. Entries that do not read as a copy are skipped. */
export function readSharedTo(root: Y.Doc, noteId: NoteId): SharedCopy[] {
  const note = notesMap(root).get(noteId)
  const shared = note instanceof Y.Map ? note.get(NOTE_SHARED_TO) : undefined
  if (!(shared instanceof Y.Map)) return []
  const copies: SharedCopy[] = []
  shared.forEach((entry, copyId) => {
    if (!(entry instanceof Y.Map) || !isNoteId(copyId)) return
    const workspaceId = readString(entry as Y.Map<unknown>, 'workspaceId')
    if (workspaceId === '') return
    copies.push({
      workspaceId: workspaceId as WorkspaceId,
      noteId: copyId,
      workspaceName: readString(entry as Y.Map<unknown>, 'workspaceName'),
      at: readNumber(entry as Y.Map<unknown>, 'at'),
    })
  })
  return copies.sort((a, b) => a.at - b.at || (a.noteId < b.noteId ? -1 : 1))
}

/** Field-by-field equality of two `sharedTo` lists. */
export function sameSharedTo(a: readonly SharedCopy[], b: readonly SharedCopy[]): boolean {
  return (
    a.length === b.length &&
    a.every((copy, i) => {
      const other = b[i]
      return (
        other !== undefined &&
        copy.workspaceId === other.workspaceId &&
        copy.noteId === other.noteId &&
        copy.workspaceName === other.workspaceName &&
        copy.at === other.at
      )
    })
  )
}

/** Calls `onChange` when the note's `sharedTo` changes (or the note itself). */
export function observeSharedTo(root: Y.Doc, noteId: NoteId, onChange: () => void): () => void {
  const notes = notesMap(root)
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const relevant = events.some((event) => {
      // The note added or removed, `sharedTo` set on it, or anything under `sharedTo`.
      if (event.target === notes) return event.changes.keys.has(noteId)
      const path = event.path
      if (path[0] !== noteId) return false
      return path.length === 1 ? event.changes.keys.has(NOTE_SHARED_TO) : path[1] === NOTE_SHARED_TO
    })
    if (relevant) onChange()
  }
  notes.observeDeep(handler)
  return () => notes.unobserveDeep(handler)
}

/** Names compared as people see them: case, runs of spaces and outer spaces ignored. */
function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nb')
}

/**
 * The target's company with the same name as the source's `companyId`, or undefined: a
 * company is never created in a shared workspace by a share.
 */
export function matchCompany(
  from: Y.Doc,
  companyId: CompanyId | undefined,
  to: Y.Doc,
): CompanyId | undefined {
  if (companyId === undefined) return undefined
  const source = listCompanies(from).find((company) => company.id === companyId)
  if (source === undefined || nameKey(source.name) === '') return undefined
  return listCompanies(to).find((company) => nameKey(company.name) === nameKey(source.name))?.id
}

/**
 * The target's competences with the same names as the source's `ids`; competences the target
 * does not have are left out (its vocabulary is the members' to grow, not a share's).
 */
export function matchCompetences(
  from: Y.Doc,
  ids: readonly CompetenceId[],
  to: Y.Doc,
): CompetenceId[] {
  const wanted = new Set(
    listCompetences(from)
      .filter((competence) => ids.includes(competence.id))
      .map((competence) => nameKey(competence.name))
      .filter((key) => key !== ''),
  )
  return listCompetences(to)
    .filter((competence) => wanted.has(nameKey(competence.name)))
    .map((competence) => competence.id)
}

/**
 * What a `noteLink` in the copied body becomes: a link to a note of the target (the linked
 * note was shared there too), or plain text (its title), or nothing.
 */
export type LinkMapping = { kind: 'link'; id: NoteId } | { kind: 'text'; text: string } | null

/**
 * Copies a body into an empty one: every node of `from`'s fragment cloned (no history), and
 * the files its images show. `noteLink` nodes go through `mapLink`. One transaction on `to`.
 * Returns the ids of the files copied.
 */
export function copyNoteBody(
  from: { doc: Y.Doc; fragment: Y.XmlFragment },
  to: { doc: Y.Doc; fragment: Y.XmlFragment },
  mapLink: (id: NoteId) => LinkMapping,
  origin: object = COMMAND_ORIGIN,
): string[] {
  const fileIds = new Set<string>()
  // Cloned children are collected as deltas first, so text around a link that became text
  // ends up in one Y.XmlText, as the editor itself would write it.
  type Part = { kind: 'text'; delta: unknown[] } | { kind: 'element'; element: Y.XmlElement }
  const toNodes = (parts: Part[]): (Y.XmlElement | Y.XmlText)[] => {
    const nodes: (Y.XmlElement | Y.XmlText)[] = []
    let pending: unknown[] | null = null
    const flush = (): void => {
      if (pending === null) return
      const text = new Y.XmlText()
      text.applyDelta(pending)
      nodes.push(text)
      pending = null
    }
    for (const part of parts) {
      if (part.kind === 'text') pending = [...(pending ?? []), ...part.delta]
      else {
        flush()
        nodes.push(part.element)
      }
    }
    flush()
    return nodes
  }
  const clone = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): Part[] => {
    if (node instanceof Y.XmlText) return [{ kind: 'text', delta: node.toDelta() as unknown[] }]
    if (!(node instanceof Y.XmlElement)) return []
    const attributes = node.getAttributes() as Record<string, unknown>
    if (node.nodeName === NOTE_LINK_NODE) {
      const id = attributes.id
      const mapped = isNoteId(id) ? mapLink(id) : null
      if (mapped === null) return []
      if (mapped.kind === 'text') {
        return mapped.text === '' ? [] : [{ kind: 'text', delta: [{ insert: mapped.text }] }]
      }
      attributes.id = mapped.id
    }
    if (node.nodeName === 'image' && typeof attributes.fileId === 'string') {
      fileIds.add(attributes.fileId)
    }
    const element = new Y.XmlElement(node.nodeName)
    for (const [key, value] of Object.entries(attributes)) {
      // Attribute values are JSON (y-prosemirror writes numbers and arrays too).
      element.setAttribute(key, value as string)
    }
    const children = toNodes(node.toArray().flatMap(clone))
    if (children.length > 0) element.insert(0, children)
    return [{ kind: 'element', element }]
  }
  const nodes = toNodes(from.fragment.toArray().flatMap(clone))
  const sourceFiles = noteFilesMap(from.doc)
  const copied: string[] = []
  to.doc.transact(() => {
    if (nodes.length > 0) to.fragment.insert(to.fragment.length, nodes)
    const targetFiles = noteFilesMap(to.doc)
    for (const fileId of [...fileIds].sort()) {
      const file = sourceFiles.get(fileId)
      if (!(file instanceof Y.Map) || targetFiles.has(fileId)) continue
      const copy = new Y.Map<unknown>()
      file.forEach((value, key) => {
        // Bytes and scalars only; a newer peer's nested types are not this copy's business.
        if (!(value instanceof Y.AbstractType)) {
          copy.set(key, value instanceof Uint8Array ? new Uint8Array(value) : value)
        }
      })
      targetFiles.set(fileId, copy)
      copied.push(fileId)
    }
  }, origin)
  return copied
}
