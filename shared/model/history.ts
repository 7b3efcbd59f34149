import { diffArrays } from 'diff'
import * as Y from 'yjs'
import { randomId, type Brand } from '../ids'
import { noteBodyFragment, NOTE_BODY_FIELD } from './noteBody'
import { COMMAND_ORIGIN, readNumber, readString } from './schema'

/**
 * Note history: versions of a note's body, kept in the body document itself under the Y.Map
 * `versions` (version id → Y.Map `{ at, by, label?, kind, restoredFrom?, update }`). `update`
 * is `Y.encodeStateAsUpdate` of a fresh document whose `body` fragment holds a deep copy of
 * the body at that moment. Images are not copied: they stay in the body's `files` map (never
 * deleted), and a version refers to them by `fileId` as the body does.
 *
 * A map keyed by random ids, not an array, so that two replicas capturing or pruning at the
 * same time converge: adds never collide and deleting a key twice is deleting it once.
 * Restoring is an ordinary change of the live body, so peers keep converging.
 */
export const NOTE_VERSIONS_FIELD = 'versions'

/** Versions kept per note; the oldest unnamed ones go first. */
export const MAX_NOTE_VERSIONS = 50
/**
 * And at most this much in all: every replica that opens the note loads its versions. Images
 * are not copied into versions, so only very long texts come near it.
 */
export const MAX_NOTE_VERSION_BYTES = 16 * 1024 * 1024
export const MAX_VERSION_LABEL_LENGTH = 80
const MAX_AUTHORS = 20
const MAX_NAME_LENGTH = 80

export type NoteVersionId = Brand<string, 'NoteVersionId'>

/**
 * Why a version exists: taken while editing (`auto`), saved by someone (`manual`), the text
 * just before a restore (`before-restore`), or the text a restore produced (`restored`).
 */
export const NOTE_VERSION_KINDS = ['auto', 'manual', 'before-restore', 'restored'] as const
export type NoteVersionKind = (typeof NOTE_VERSION_KINDS)[number]

export type NoteVersion = {
  id: NoteVersionId
  /** When it was taken (the capturing computer's clock, ms). */
  at: number
  /** Who edited the note since the version before it (names, as shown). */
  by: readonly string[]
  label: string | undefined
  kind: NoteVersionKind
  /** For `restored` and `before-restore`: the version that was restored. */
  restoredFrom: NoteVersionId | undefined
}

export function noteVersionsMap(bodyDoc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return bodyDoc.getMap<Y.Map<unknown>>(NOTE_VERSIONS_FIELD)
}

function isKind(value: unknown): value is NoteVersionKind {
  return typeof value === 'string' && (NOTE_VERSION_KINDS as readonly string[]).includes(value)
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH)
}

/** A version's name as stored: single spaces, at most {@link MAX_VERSION_LABEL_LENGTH}. */
export function cleanVersionLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().slice(0, MAX_VERSION_LABEL_LENGTH)
}

function cleanAuthors(names: Iterable<string>): string[] {
  const seen = new Set<string>()
  for (const name of names) {
    const clean = cleanName(name)
    if (clean !== '') seen.add(clean)
  }
  return [...seen].slice(0, MAX_AUTHORS)
}

/** Reads one version defensively (a newer or hostile peer may have written it). */
function readVersion(id: string, record: unknown): NoteVersion | undefined {
  if (!(record instanceof Y.Map)) return undefined
  const map = record as Y.Map<unknown>
  if (!(map.get('update') instanceof Uint8Array)) return undefined
  const by = map.get('by')
  const label = cleanVersionLabel(readString(map, 'label'))
  const kind = map.get('kind')
  const restoredFrom = readString(map, 'restoredFrom')
  return {
    id: id as NoteVersionId,
    at: readNumber(map, 'at'),
    by: Array.isArray(by)
      ? cleanAuthors(by.filter((name): name is string => typeof name === 'string'))
      : [],
    label: label === '' ? undefined : label,
    kind: isKind(kind) ? kind : 'auto',
    restoredFrom: restoredFrom === '' ? undefined : (restoredFrom as NoteVersionId),
  }
}

/** Newest first; equal times by id, so every replica lists them in the same order. */
function compareNewestFirst(a: NoteVersion, b: NoteVersion): number {
  if (a.at !== b.at) return b.at - a.at
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

/** All versions of a note, newest first. */
export function listNoteVersions(bodyDoc: Y.Doc): NoteVersion[] {
  const versions: NoteVersion[] = []
  noteVersionsMap(bodyDoc).forEach((record, id) => {
    const version = readVersion(id, record)
    if (version !== undefined) versions.push(version)
  })
  return versions.sort(compareNewestFirst)
}

export function getNoteVersion(bodyDoc: Y.Doc, id: NoteVersionId): NoteVersion | undefined {
  return readVersion(id, noteVersionsMap(bodyDoc).get(id))
}

function versionUpdate(bodyDoc: Y.Doc, id: NoteVersionId): Uint8Array | undefined {
  const update = noteVersionsMap(bodyDoc).get(id)?.get('update')
  return update instanceof Uint8Array ? update : undefined
}

/** A deep copy of a body fragment, as an update of a fresh document with a `body` fragment. */
export function snapshotFragment(fragment: Y.XmlFragment): Uint8Array {
  const copy = new Y.Doc()
  const target = copy.getXmlFragment(NOTE_BODY_FIELD)
  target.insert(0, cloneChildren(bodyNodes(fragment)))
  const update = Y.encodeStateAsUpdate(copy)
  copy.destroy()
  return update
}

type BodyNode = Y.XmlElement | Y.XmlText

/** Body children that can be copied (y-prosemirror writes no XmlHooks). */
function bodyNodes(fragment: Y.XmlFragment): BodyNode[] {
  return fragment
    .toArray()
    .filter((node): node is BodyNode => node instanceof Y.XmlElement || node instanceof Y.XmlText)
}

function cloneChildren(nodes: readonly BodyNode[]): BodyNode[] {
  return nodes.map((node) => node.clone())
}

/** Yjs's XML serialization of a block: attributes and marks in sorted order. */
function nodeKey(node: BodyNode): string {
  return (node as { toString(): string }).toString()
}

/**
 * A version's body in a document of its own (to show it read-only, compare or restore it).
 * The caller owns the document and destroys it.
 */
export function openNoteVersion(bodyDoc: Y.Doc, id: NoteVersionId): Y.Doc | undefined {
  const update = versionUpdate(bodyDoc, id)
  if (update === undefined) return undefined
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, update)
  } catch {
    doc.destroy()
    return undefined
  }
  return doc
}

/**
 * A string that is equal for two bodies exactly when their content is (elements, attributes,
 * text and marks; Yjs serializes attributes in sorted order).
 */
export function bodyContentKey(fragment: Y.XmlFragment): string {
  return bodyNodes(fragment).map(nodeKey).join('')
}

// Versions never change once written, so their content keys can be cached by their bytes.
const versionKeys = new WeakMap<Uint8Array, string>()

function versionContentKey(bodyDoc: Y.Doc, id: NoteVersionId): string | undefined {
  const update = versionUpdate(bodyDoc, id)
  if (update === undefined) return undefined
  const cached = versionKeys.get(update)
  if (cached !== undefined) return cached
  const doc = openNoteVersion(bodyDoc, id)
  if (doc === undefined) return undefined
  const key = bodyContentKey(noteBodyFragment(doc))
  doc.destroy()
  versionKeys.set(update, key)
  return key
}

/**
 * Nothing written: no blocks, or only empty paragraphs (what an editor puts into a new note
 * as it opens it, which is not worth a version).
 */
function isBlankBody(fragment: Y.XmlFragment): boolean {
  return fragment
    .toArray()
    .every(
      (node) =>
        node instanceof Y.XmlElement &&
        node.nodeName === 'paragraph' &&
        node.toArray().every((child) => child instanceof Y.XmlText && child.length === 0),
    )
}

/**
 * Whether the live body has the same content as the newest version; with no version yet,
 * whether it is still blank.
 */
export function isBodyUnchangedSinceNewestVersion(bodyDoc: Y.Doc): boolean {
  const newest = listNoteVersions(bodyDoc)[0]
  if (newest === undefined) return isBlankBody(noteBodyFragment(bodyDoc))
  return versionContentKey(bodyDoc, newest.id) === bodyContentKey(noteBodyFragment(bodyDoc))
}

export type CaptureInput = {
  now: number
  /** Who edited since the previous version; the capturing person at least. */
  by: Iterable<string>
  label?: string
  kind?: NoteVersionKind
  restoredFrom?: NoteVersionId
  /** Capture even when the content equals the newest version (a named save). */
  force?: boolean
  /** For tests: a fixed id. */
  id?: string
}

/**
 * Stores the body as it is now as a version, then prunes to {@link MAX_NOTE_VERSIONS}.
 * Nothing is stored (and `undefined` returned) when the content equals the newest version,
 * unless forced; a blank note with no versions has nothing worth keeping either.
 * One transaction (joins the caller's, as in a restore).
 */
export function captureNoteVersion(bodyDoc: Y.Doc, input: CaptureInput): NoteVersionId | undefined {
  if (input.force !== true && isBodyUnchangedSinceNewestVersion(bodyDoc)) return undefined
  const id = (input.id ?? `v-${randomId(12)}`) as NoteVersionId
  const label = cleanVersionLabel(input.label ?? '')
  bodyDoc.transact(() => {
    const record = new Y.Map<unknown>()
    record.set('at', input.now)
    record.set('by', cleanAuthors(input.by))
    record.set('kind', input.kind ?? 'auto')
    if (label !== '') record.set('label', label)
    if (input.restoredFrom !== undefined) record.set('restoredFrom', input.restoredFrom)
    record.set('update', snapshotFragment(noteBodyFragment(bodyDoc)))
    noteVersionsMap(bodyDoc).set(id, record)
    pruneNoteVersions(bodyDoc)
  }, COMMAND_ORIGIN)
  return id
}

/**
 * Deletes the oldest unnamed versions while there are more than `limits.count` or they hold
 * more than `limits.bytes`; named versions and the newest one are kept. Deterministic in the
 * versions a replica has, so two replicas pruning the same set delete the same keys.
 */
export function pruneNoteVersions(
  bodyDoc: Y.Doc,
  limits: { count: number; bytes: number } = {
    count: MAX_NOTE_VERSIONS,
    bytes: MAX_NOTE_VERSION_BYTES,
  },
): void {
  const map = noteVersionsMap(bodyDoc)
  const versions = listNoteVersions(bodyDoc)
  let count = versions.length
  let bytes = versions.reduce((sum, version) => sum + versionBytes(map, version.id), 0)
  if (count <= limits.count && bytes <= limits.bytes) return
  bodyDoc.transact(() => {
    for (let i = versions.length - 1; i > 0; i--) {
      if (count <= limits.count && bytes <= limits.bytes) break
      const version = versions[i] as NoteVersion
      if (version.label !== undefined) continue
      bytes -= versionBytes(map, version.id)
      count--
      map.delete(version.id)
    }
  }, COMMAND_ORIGIN)
}

function versionBytes(map: Y.Map<Y.Map<unknown>>, id: string): number {
  const update = map.get(id)?.get('update')
  return update instanceof Uint8Array ? update.byteLength : 0
}

/** Names a version (an empty label removes the name). Last writer wins. */
export function renameNoteVersion(bodyDoc: Y.Doc, id: NoteVersionId, label: string): void {
  const record = noteVersionsMap(bodyDoc).get(id)
  if (!(record instanceof Y.Map)) return
  const clean = cleanVersionLabel(label)
  bodyDoc.transact(() => {
    if (clean === '') record.delete('label')
    else record.set('label', clean)
  }, COMMAND_ORIGIN)
}

export type RestoreResult =
  | { status: 'restored'; before: NoteVersionId | undefined; restored: NoteVersionId | undefined }
  | { status: 'unchanged' }
  | { status: 'missing' }

/**
 * Makes the body equal to a version, as one ordinary change (COMMAND_ORIGIN) that peers merge
 * like any other. The text before is captured first (`before-restore`), so a restore can be
 * inspected and itself restored away; the result is captured as `restored`.
 *
 * Only the top-level blocks that differ are replaced (blocks equal in both stay the same Yjs
 * items), so what someone else types meanwhile in an untouched block survives the restore.
 */
export function restoreNoteVersion(
  bodyDoc: Y.Doc,
  id: NoteVersionId,
  input: {
    now: number
    /** Who restores. */
    by: Iterable<string>
    /** Who edited since the newest version (for the `before-restore` one); default `by`. */
    editedBy?: Iterable<string>
  },
): RestoreResult {
  const versionDoc = openNoteVersion(bodyDoc, id)
  if (versionDoc === undefined) return { status: 'missing' }
  try {
    const fragment = noteBodyFragment(bodyDoc)
    const source = noteBodyFragment(versionDoc)
    if (bodyContentKey(fragment) === bodyContentKey(source)) return { status: 'unchanged' }
    const by = [...input.by]
    const editedBy = input.editedBy === undefined ? by : [...input.editedBy]
    let before: NoteVersionId | undefined
    let restored: NoteVersionId | undefined
    bodyDoc.transact(() => {
      before = captureNoteVersion(bodyDoc, {
        now: input.now,
        by: editedBy,
        kind: 'before-restore',
        restoredFrom: id,
      })
      replaceChangedBlocks(fragment, source)
      restored = captureNoteVersion(bodyDoc, {
        now: input.now + 1,
        by,
        kind: 'restored',
        restoredFrom: id,
        force: true,
      })
    }, COMMAND_ORIGIN)
    return { status: 'restored', before, restored }
  } finally {
    versionDoc.destroy()
  }
}

/** Turns `target`'s top-level blocks into copies of `source`'s, keeping the equal ones. */
function replaceChangedBlocks(target: Y.XmlFragment, source: Y.XmlFragment): void {
  const wanted = bodyNodes(source)
  const changes = diffArrays(bodyNodes(target).map(nodeKey), wanted.map(nodeKey))
  let index = 0
  let from = 0
  for (const change of changes) {
    if (change.removed) {
      target.delete(index, change.count)
    } else if (change.added) {
      target.insert(index, cloneChildren(wanted.slice(from, from + change.count)))
      index += change.count
      from += change.count
    } else {
      index += change.count
      from += change.count
    }
  }
}

/** With no local edits for this long, the edits so far become a version. */
export const CAPTURE_IDLE_MS = 30_000
/** During continuous editing, a version at least this often. */
export const CAPTURE_MAX_INTERVAL_MS = 5 * 60_000

export type CaptureClock = {
  now: number
  /** The first local edit not yet in a version; undefined when there is none. */
  pendingSince: number | undefined
  lastLocalEditAt: number
  /** When the newest version (anyone's) was taken; undefined when there is none. */
  lastVersionAt: number | undefined
}

/**
 * When the local edits should become a version: `undefined` when there is nothing to keep,
 * otherwise a time (≤ `now` means now). After a pause of {@link CAPTURE_IDLE_MS}, or
 * {@link CAPTURE_MAX_INTERVAL_MS} after the edits began or the newest version was taken
 * (whichever is later), whichever comes first. Leaving the note captures at once (the caller
 * does that without asking). Pure, so the timer that uses it is one `setTimeout`.
 */
export function captureDueAt(clock: CaptureClock): number | undefined {
  if (clock.pendingSince === undefined) return undefined
  // Another computer's clock may run ahead: a version "from the future" counts as now.
  const lastVersionAt = Math.min(clock.lastVersionAt ?? -Infinity, clock.now)
  const since = Math.max(clock.pendingSince, lastVersionAt)
  return Math.min(clock.lastLocalEditAt + CAPTURE_IDLE_MS, since + CAPTURE_MAX_INTERVAL_MS)
}
