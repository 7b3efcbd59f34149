import * as Y from 'yjs'
import type { NoteId } from '../ids'
import { isNoteId } from '../rooms'
import { NOTE_SETS, setNoteLinks } from './notes'
import { notesMap } from './schema'

/**
 * Links between notes. In a body, a link to another note is an inline node
 * `<noteLink id="note-…">` (written by the editor's `[[` autocomplete). Each note's outgoing
 * links are mirrored into its root-document record (`links`, a set), so the backlinks of any
 * note come from the root document alone — 10k bodies never need to be opened for them.
 */
export const NOTE_LINK_NODE = 'noteLink'

/** The ids of the notes a body links to (itself excluded). */
export function extractNoteLinks(fragment: Y.XmlFragment, self?: NoteId): Set<NoteId> {
  const targets = new Set<NoteId>()
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): void => {
    if (!(node instanceof Y.XmlElement)) return
    if (node.nodeName === NOTE_LINK_NODE) {
      const id = node.getAttribute('id')
      if (isNoteId(id) && id !== self) targets.add(id)
      return
    }
    for (const child of node.toArray()) visit(child)
  }
  for (const child of fragment.toArray()) visit(child)
  return targets
}

/**
 * Brings a note's `links` set in the root document in line with its body. Writes only the
 * difference (see `setNoteLinks`) and nothing when it is already right, so every host that
 * holds the body may run it after a change without the replicas fighting.
 */
export function syncNoteLinks(
  root: Y.Doc,
  noteId: NoteId,
  body: Y.XmlFragment,
  origin?: object,
): boolean {
  return setNoteLinks(root, noteId, extractNoteLinks(body, noteId), origin)
}

export type BacklinkIndex = {
  /** Notes that link to `id`, in no particular order. */
  backlinks(id: NoteId): ReadonlySet<NoteId>
  /** Calls `listener` with the notes whose backlinks changed. Returns the disposer. */
  subscribe(listener: (changed: ReadonlySet<NoteId>) => void): () => void
  destroy(): void
}

const NONE: ReadonlySet<NoteId> = new Set()

/**
 * Backlinks of every note, built from the root document's `links` sets and kept current from
 * Yjs events: a link added or removed, a note added or deleted. A cold build walks each note's
 * set once; an update touches only the notes in the event.
 */
export function createBacklinkIndex(doc: Y.Doc): BacklinkIndex {
  const notes = notesMap(doc)
  /** target → sources */
  const incoming = new Map<NoteId, Set<NoteId>>()
  /** source → targets, to undo a note's links when it is deleted or its set replaced */
  const outgoing = new Map<NoteId, Set<NoteId>>()
  const listeners = new Set<(changed: ReadonlySet<NoteId>) => void>()

  const link = (source: NoteId, target: NoteId, changed: Set<NoteId>): void => {
    let sources = incoming.get(target)
    if (sources === undefined) incoming.set(target, (sources = new Set()))
    if (!sources.has(source)) {
      sources.add(source)
      changed.add(target)
    }
  }
  const unlink = (source: NoteId, target: NoteId, changed: Set<NoteId>): void => {
    const sources = incoming.get(target)
    if (sources?.delete(source) === true) {
      changed.add(target)
      if (sources.size === 0) incoming.delete(target)
    }
  }
  /** Re-reads one note's set and applies the difference. */
  const refresh = (source: NoteId, changed: Set<NoteId>): void => {
    const note = notes.get(source)
    const set = note instanceof Y.Map ? note.get(NOTE_SETS.links) : undefined
    const next = new Set<NoteId>()
    if (set instanceof Y.Map) {
      for (const target of set.keys()) if (isNoteId(target)) next.add(target)
    }
    const previous = outgoing.get(source) ?? NONE
    for (const target of previous) if (!next.has(target)) unlink(source, target, changed)
    for (const target of next) if (!previous.has(target)) link(source, target, changed)
    if (next.size === 0) outgoing.delete(source)
    else outgoing.set(source, next)
  }

  const initial = new Set<NoteId>()
  for (const id of notes.keys()) if (isNoteId(id)) refresh(id, initial)

  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const sources = new Set<NoteId>()
    for (const event of events) {
      const target = event.target
      if (target === notes) {
        for (const key of event.changes.keys.keys()) if (isNoteId(key)) sources.add(key)
      } else if (target.parent === notes) {
        // A note's own field changed; only a replaced `links` set matters.
        if (event.changes.keys.has(NOTE_SETS.links)) {
          const id = target._item?.parentSub
          if (isNoteId(id)) sources.add(id)
        }
      } else if (target.parent?.parent === notes && target._item?.parentSub === NOTE_SETS.links) {
        const id = target.parent._item?.parentSub
        if (isNoteId(id)) sources.add(id)
      }
    }
    if (sources.size === 0) return
    const changed = new Set<NoteId>()
    for (const source of sources) refresh(source, changed)
    if (changed.size === 0) return
    for (const listener of [...listeners]) listener(changed)
  }
  notes.observeDeep(handler)

  return {
    backlinks: (id) => incoming.get(id) ?? NONE,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      notes.unobserveDeep(handler)
      listeners.clear()
    },
  }
}
