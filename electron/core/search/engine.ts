import path from 'node:path'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { boardItems } from '../../../shared/model/board/boardDoc'
import { boardsMap } from '../../../shared/model/boards'
import { NOTE_SETS } from '../../../shared/model/notes'
import { ROOT, notesMap, readString } from '../../../shared/model/schema'
import {
  boardContext,
  boardItemDocPrefix,
  boardItemSearchDoc,
  boardSearchDocs,
  changedItemIds,
  copyIndexedDoc,
  noteBodyDocText,
  noteDocId,
  noteIds,
  noteSearchDoc,
  readNoteMeta,
  rootSearchDocs,
  sameIndexedDoc,
  type IndexedDoc,
} from '../../../shared/search/documents'
import {
  createFullTextIndex,
  loadFullTextIndex,
  type FullTextIndex,
} from '../../../shared/search/fullText'
import type { SearchResponse, SearchStatus } from '../../../shared/search/protocol'
import { BOARDS_DIR, NOTES_DIR } from '../noteBodies'
import { diskStamp, readDiskDoc } from './diskDoc'
import type { SubDocKind } from './messages'
import { loadIndexFile, quarantine, saveIndexFile } from './persist'
import { answerQuery } from './query'

/** How long after a document's last update it is re-read: typing a word costs one pass. */
export const DEFAULT_INDEX_DELAY_MS = 150
/** How long the index must stay unchanged before it is saved. */
export const DEFAULT_SAVE_DELAY_MS = 3_000
/** Disk reads in flight during a rebuild (libuv's pool is shared with the host's writes). */
const READ_CONCURRENCY = 2
/** `stat`s in flight while checking which documents changed. */
const STAT_CONCURRENCY = 16
/** A stamp for a sub-document that has no folder on disk (an empty body). */
const NO_FILES = 'none'

export type EngineOptions = {
  dir: string
  /** Status changes, to pass on to the search connections. */
  onStatus: (status: SearchStatus) => void
  /** The root as read from disk; the host answers with what it has beyond (`applyRoot`). */
  onRootVector: (vector: Uint8Array) => void
  log: (line: string) => void
  delayMs?: number
  saveDelayMs?: number
  now?: () => number
}

/** A note body or board the host has open and changing, followed update by update. */
type Replica = {
  kind: SubDocKind
  id: string
  doc: Y.Doc
  timer: NodeJS.Timeout | null
  /** Board items changed since the last pass ('all' after the first state). */
  changed: Set<string> | 'all'
}

const subKey = (kind: SubDocKind, id: string): string =>
  `${kind === 'note' ? NOTES_DIR : BOARDS_DIR}/${id}`

/** Runs `task` over `items`, at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const run = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run))
}

/** Keys of `map` whose entries a transaction touched, however deep. */
function changedKeys(
  map: Y.Map<unknown>,
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
): Set<string> {
  const keys = new Set<string>()
  for (const event of events) {
    if (event.target === map && event instanceof Y.YMapEvent) {
      for (const key of (event as Y.YMapEvent<unknown>).keysChanged as Set<string>) keys.add(key)
      continue
    }
    let type: Y.AbstractType<unknown> | null = event.target
    while (type !== null && type.parent !== map) type = type.parent as Y.AbstractType<unknown>
    const key = type?._item?.parentSub
    if (typeof key === 'string') keys.add(key)
  }
  return keys
}

/**
 * One workspace's search, inside the worker: a replica of the root document, replicas of the
 * note bodies and boards the host has open and changing, the full-text index and every indexed
 * document's text. Live changes are indexed {@link DEFAULT_INDEX_DELAY_MS} after a document's
 * last update; documents changed while the host was stopped (or all of them, without a saved
 * index) are read from disk in the background, a live replica always winning over a disk
 * read of the same document.
 */
export class SearchEngine {
  private readonly root = new Y.Doc()
  private index: FullTextIndex = createFullTextIndex()
  private readonly docs = new Map<string, IndexedDoc>()
  /** Body text per note read since the start, also for a note whose record is not there yet. */
  private readonly bodyTexts = new Map<string, string>()
  /** Doc ids of each board's items. */
  private readonly boardDocs = new Map<string, Set<string>>()
  /** Ids of the companies, competences and offers/needs indexed. */
  private rootDocIds = new Set<string>()
  /** Disk stamp of each sub-document when it was indexed from disk (saved with the index). */
  private readonly stamps = new Map<string, string>()
  /** Sub-documents indexed from a live replica since the last save (stamped at save). */
  private readonly liveIndexed = new Set<string>()
  /** Bumped whenever a live replica of a sub-document is created or indexed. */
  private readonly liveGeneration = new Map<string, number>()
  private readonly replicas = new Map<string, Replica>()
  /** Notes whose title changed (or that came or went) since the last look at who links to them. */
  private readonly relinkTargets = new Set<string>()
  /** Notes whose bodies link to one of those: their text is read again from disk. */
  private readonly relinkQueue = new Set<string>()
  private relinking: Promise<void> | null = null
  private readonly delayMs: number
  private readonly saveDelayMs: number
  private readonly now: () => number

  private loaded = false
  private building = false
  /** Changes to the index since the engine started (the status's `changes`). */
  private changeCount = 0
  private pending = 0
  /** Documents the saved index held when it was loaded, and how long loading it took. */
  private savedCount = 0
  private loadMs = 0
  /** Sub-documents read from disk by the running build. */
  private readCount = 0
  private closed = false
  private rootTimer: NodeJS.Timeout | null = null
  private readonly changedNotes = new Set<string>()
  private readonly changedBoards = new Set<string>()
  private rootDirty = false
  private saveTimer: NodeJS.Timeout | null = null
  private saving: Promise<void> | null = null
  private updateSeq = 0
  private readonly lastUpdate = new Map<string, number>()
  private statusTimer: NodeJS.Timeout | null = null
  private lastStatus = ''
  private opened: Promise<void>
  private build: Promise<void> = Promise.resolve()

  constructor(private readonly options: EngineOptions) {
    this.delayMs = options.delayMs ?? DEFAULT_INDEX_DELAY_MS
    this.saveDelayMs = options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS
    this.now = options.now ?? Date.now
    const notes = notesMap(this.root)
    notes.observeDeep((events) => {
      for (const key of changedKeys(notes as Y.Map<unknown>, events)) this.changedNotes.add(key)
      this.scheduleRoot()
    })
    const boards = boardsMap(this.root)
    boards.observeDeep((events) => {
      for (const key of changedKeys(boards as Y.Map<unknown>, events)) this.changedBoards.add(key)
      this.scheduleRoot()
    })
    for (const name of [ROOT.companies, ROOT.competences, ROOT.competenceCells]) {
      this.root.getMap(name).observeDeep(() => {
        this.rootDirty = true
        this.scheduleRoot()
      })
    }
    this.opened = this.open()
  }

  /** Resolves once the saved index is loaded and the root read (the build goes on after). */
  whenOpened(): Promise<void> {
    return this.opened
  }

  /** Resolves once a background build (if any) has finished. */
  whenBuilt(): Promise<void> {
    return this.opened.then(() => this.build)
  }

  /** Resolves once the bodies that link to a renamed note have been indexed again. */
  async whenRelinked(): Promise<void> {
    while (this.relinking !== null) await this.relinking
  }

  status(): SearchStatus {
    const size = this.docs.size
    const changes = this.changeCount
    return this.building || !this.loaded
      ? { state: 'building', indexed: size, total: size + this.pending, changes }
      : { state: 'ready', indexed: size, total: size, changes }
  }

  query(json: string): SearchResponse {
    return answerQuery(json, this.index, this.docs, this.status())
  }

  /** An update of the root (live, or the host's answer to the disk read's state vector). */
  applyRoot(update: Uint8Array): void {
    if (this.closed) return
    Y.applyUpdate(this.root, update)
  }

  /** A note body or board changed on the host (its whole state the first time). */
  applyDoc(kind: SubDocKind, id: string, update: Uint8Array, full: boolean): void {
    if (this.closed) return
    const key = subKey(kind, id)
    let replica = this.replicas.get(key)
    if (replica === undefined) {
      // Only a whole state starts a replica: a lone update would leave holes.
      if (!full) return
      const doc = new Y.Doc()
      const created: Replica = { kind, id, doc, timer: null, changed: 'all' }
      replica = created
      if (kind === 'board') {
        const items = boardItems(doc)
        items.observeDeep((events) => {
          if (created.changed === 'all') return
          for (const item of changedItemIds(doc, events)) created.changed.add(item)
        })
      }
      this.replicas.set(key, created)
      this.liveGeneration.set(key, (this.liveGeneration.get(key) ?? 0) + 1)
    }
    this.updateSeq++
    this.lastUpdate.set(key, this.updateSeq)
    Y.applyUpdate(replica.doc, update)
    const target = replica
    if (target.timer !== null) clearTimeout(target.timer)
    target.timer = setTimeout(() => this.indexReplica(target), this.delayMs)
  }

  /** The host closed a document: index what is pending, drop the replica. */
  closeDoc(kind: SubDocKind, id: string): void {
    const key = subKey(kind, id)
    const replica = this.replicas.get(key)
    if (replica === undefined) return
    this.indexReplica(replica)
    this.replicas.delete(key)
    replica.doc.destroy()
  }

  /** Indexes everything pending now, and saves. */
  async flush(): Promise<void> {
    await this.opened
    this.flushPending()
    await this.save()
  }

  /** Stops the build, indexes what is pending, saves, and lets everything go. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.opened.catch(() => {})
    this.flushPending()
    this.closed = true
    await this.build.catch(() => {})
    await this.whenRelinked()
    if (this.saveTimer !== null) clearTimeout(this.saveTimer)
    if (this.statusTimer !== null) clearTimeout(this.statusTimer)
    await this.save(true)
    for (const replica of this.replicas.values()) {
      if (replica.timer !== null) clearTimeout(replica.timer)
      replica.doc.destroy()
    }
    this.replicas.clear()
    this.root.destroy()
  }

  // --- opening and building ---------------------------------------------------------------

  private async open(): Promise<void> {
    const { dir, log } = this.options
    this.postStatus(true)
    const loadStart = performance.now()
    const saved = await loadIndexFile(dir, log, this.now)
    if (saved.kind === 'ok') {
      try {
        this.index = loadFullTextIndex(saved.saved.index)
        for (const doc of saved.saved.docs) {
          this.docs.set(doc.id, doc)
          this.track(doc)
        }
        for (const [key, stamp] of Object.entries(saved.saved.stamps)) this.stamps.set(key, stamp)
        this.savedCount = this.docs.size
        this.loadMs = performance.now() - loadStart
      } catch (error) {
        await quarantine(dir, `cannot load: ${String(error)}`, log, this.now)
        this.index = createFullTextIndex()
        this.docs.clear()
        this.bodyTexts.clear()
        this.boardDocs.clear()
        this.rootDocIds.clear()
        this.stamps.clear()
      }
    }
    // The root as stored; what the host holds beyond it comes back through applyRoot.
    const { doc: disk } = await readDiskDoc(dir)
    Y.applyUpdate(this.root, Y.encodeStateAsUpdate(disk))
    disk.destroy()
    this.options.onRootVector(Y.encodeStateVector(this.root))
    this.loaded = true
    this.building = true
    this.postStatus(true)
    this.build = this.rebuild().catch((error: unknown) => {
      log(`kryss: search: building the index of ${dir} failed: ${String(error)}`)
    })
  }

  /** Brings the index in line with the documents: the root at once, sub-documents from disk. */
  private async rebuild(): Promise<void> {
    this.changedNotes.clear()
    this.changedBoards.clear()
    this.rootDirty = false
    const ids = noteIds(this.root)
    const known = new Set<string>(ids)
    for (const id of ids) this.indexNoteMeta(id)
    for (const id of [...this.docs.keys()]) {
      if (id.startsWith('note:') && !known.has(id.slice(5))) this.removeNote(id.slice(5))
    }
    const boards = new Map<string, string>()
    boardsMap(this.root).forEach((record, id) => {
      if (record instanceof Y.Map) boards.set(id, readString(record, 'title'))
    })
    for (const boardId of [...this.boardDocs.keys()]) {
      if (!boards.has(boardId)) this.removeBoard(boardId)
      else this.recontext(boardId)
    }
    this.indexRootDocs()
    // Bodies indexed live before the root was read showed their links as nothing.
    for (const replica of this.replicas.values()) {
      if (replica.kind === 'note' && replica.timer === null && known.has(replica.id))
        this.setBodyText(replica.id, noteBodyDocText(replica.doc, this.titleOf))
    }
    this.relinkLinkers()
    for (const key of [...this.stamps.keys()]) {
      const [folder, id = ''] = key.split('/')
      if (folder === NOTES_DIR ? !known.has(id) : !boards.has(id)) this.stamps.delete(key)
    }

    // Sub-documents whose files changed since they were indexed (all of them the first time):
    // every stamp first, many at a time (a stat each), then the changed ones read, two at once.
    const keys = [
      ...ids.map((id) => subKey('note', id)),
      ...[...boards.keys()].map((id) => subKey('board', id)),
    ]
    this.pending = keys.length
    this.postStatus()
    const stamps = new Map<string, string>()
    const statStart = performance.now()
    await inParallel(keys, STAT_CONCURRENCY, async (key) => {
      if (this.closed) return
      stamps.set(key, (await diskStamp(path.join(this.options.dir, key))) ?? NO_FILES)
    })
    const statMs = Math.round(performance.now() - statStart)
    const changed = keys.filter((key) => this.stamps.get(key) !== stamps.get(key))
    this.pending = changed.length
    this.postStatus()
    this.readCount = 0
    const readStart = performance.now()
    await inParallel(changed, READ_CONCURRENCY, async (key) => {
      if (this.closed) return
      await this.refresh(key, stamps.get(key) ?? NO_FILES)
      this.pending--
      this.postStatus()
    })
    const readMs = Math.round(performance.now() - readStart)
    this.options.log(
      `kryss: search: ${this.options.dir}: ${this.savedCount} documents from the saved index (${Math.round(this.loadMs)} ms), ${this.readCount} of ${keys.length} notes and boards read from disk (${readMs} ms; stamps checked in ${statMs} ms)`,
    )
    this.pending = 0
    this.building = false
    if (this.closed) return
    this.postStatus(true)
    this.scheduleSave()
  }

  /** Re-reads one sub-document from disk (its files changed since it was indexed). */
  private async refresh(key: string, stamp: string): Promise<void> {
    if (this.replicas.has(key)) return
    this.readCount++
    const generation = this.liveGeneration.get(key) ?? 0
    const [kindDir, id = ''] = key.split('/')
    if (stamp === NO_FILES) {
      if (kindDir === NOTES_DIR) this.setBodyText(id, '')
      this.stamps.set(key, stamp)
      return
    }
    const read = await readDiskDoc(path.join(this.options.dir, key), stamp)
    try {
      // The host changed it meanwhile: the live replica's text is newer than this read.
      if (
        this.closed ||
        this.replicas.has(key) ||
        (this.liveGeneration.get(key) ?? 0) !== generation
      ) {
        return
      }
      if (kindDir === NOTES_DIR) this.setBodyText(id, noteBodyDocText(read.doc, this.titleOf))
      else this.replaceBoard(id, read.doc)
      this.stamps.set(key, read.stamp ?? NO_FILES)
    } finally {
      read.doc.destroy()
    }
  }

  // --- following changes ------------------------------------------------------------------

  private readonly titleOf = (noteId: string): string | undefined => {
    const record = notesMap(this.root).get(noteId)
    return record instanceof Y.Map ? readString(record, 'title') : undefined
  }

  private scheduleRoot(): void {
    if (this.rootTimer !== null || this.closed) return
    this.rootTimer = setTimeout(() => this.indexRoot(), this.delayMs)
  }

  private indexRoot(): void {
    if (this.rootTimer !== null) clearTimeout(this.rootTimer)
    this.rootTimer = null
    // Before the first full pass everything is read anyway.
    if (!this.loaded) return
    for (const id of this.changedNotes) {
      if (readNoteMeta(this.root, id) === undefined) this.removeNote(id)
      else {
        // A note that arrives after a body linking to it (a peer's sync): the link has a title now.
        if (!this.docs.has(noteDocId(id))) this.relinkTargets.add(id)
        this.indexNoteMeta(id)
      }
    }
    this.changedNotes.clear()
    this.relinkLinkers()
    for (const id of this.changedBoards) {
      if (boardsMap(this.root).get(id) instanceof Y.Map) this.recontext(id)
      else this.removeBoard(id)
    }
    this.changedBoards.clear()
    if (this.rootDirty) {
      this.rootDirty = false
      this.indexRootDocs()
    }
  }

  private indexReplica(replica: Replica): void {
    if (replica.timer !== null) clearTimeout(replica.timer)
    replica.timer = null
    if (this.closed) return
    const key = subKey(replica.kind, replica.id)
    this.liveGeneration.set(key, (this.liveGeneration.get(key) ?? 0) + 1)
    this.liveIndexed.add(key)
    this.stamps.delete(key)
    if (replica.kind === 'note') {
      this.setBodyText(replica.id, noteBodyDocText(replica.doc, this.titleOf))
      return
    }
    const changed = replica.changed
    replica.changed = new Set()
    if (changed === 'all') {
      this.replaceBoard(replica.id, replica.doc)
      return
    }
    const title = this.boardTitle(replica.id, replica.doc)
    const items = boardItems(replica.doc)
    for (const item of changed) {
      const doc = boardItemSearchDoc(replica.id, item, items.get(item), title)
      const id = `${boardItemDocPrefix(replica.id)}${item}`
      if (doc === undefined) this.removeDoc(id)
      else this.upsert(doc)
    }
  }

  private flushPending(): void {
    if (this.rootTimer !== null) this.indexRoot()
    for (const replica of this.replicas.values()) {
      if (replica.timer !== null) this.indexReplica(replica)
    }
  }

  // --- the index ----------------------------------------------------------------------------

  private setBodyText(noteId: string, text: string): void {
    this.bodyTexts.set(noteId, text)
    this.indexNoteMeta(noteId)
  }

  private indexNoteMeta(noteId: string): void {
    const meta = readNoteMeta(this.root, noteId)
    if (meta === undefined) return
    const indexed = this.docs.get(noteDocId(noteId))
    // A body read since (live or from disk), else the one indexed (maybe still in the file).
    const body = this.bodyTexts.get(noteId) ?? indexed?.body ?? ''
    this.upsert(noteSearchDoc(meta, body))
    // A body shows a link to this note as its title: the bodies linking here read differently.
    if (indexed !== undefined && indexed.title !== meta.title) this.relinkTargets.add(noteId)
  }

  private removeNote(noteId: string): void {
    const indexed = this.docs.has(noteDocId(noteId))
    this.removeDoc(noteDocId(noteId))
    this.bodyTexts.delete(noteId)
    this.stamps.delete(subKey('note', noteId))
    // Links to a deleted note read as nothing now.
    if (indexed) this.relinkTargets.add(noteId)
  }

  /**
   * Notes whose title changed, or that came or went (`relinkTargets`): every note whose body
   * links to one of them (the root's `links` sets, which the host derives from the bodies) gets
   * its text made again — from its live replica at once, else read from disk in the
   * background, two at a time, each note once however many renames came meanwhile (a title
   * typed letter by letter). One pass over the notes for all targets of a root change.
   */
  private relinkLinkers(): void {
    if (this.closed || this.relinkTargets.size === 0) return
    const targets = new Set(this.relinkTargets)
    this.relinkTargets.clear()
    // Each note's links against the targets (a note links to few; a peer's sync may bring
    // thousands of notes at once).
    const linksAny = (links: Y.Map<unknown>): boolean => {
      for (const key of links.keys()) if (targets.has(key)) return true
      return false
    }
    notesMap(this.root).forEach((record, id) => {
      const links = record instanceof Y.Map ? record.get(NOTE_SETS.links) : undefined
      if (!(links instanceof Y.Map) || !linksAny(links as Y.Map<unknown>)) return
      const replica = this.replicas.get(subKey('note', id))
      if (replica !== undefined) this.setBodyText(id, noteBodyDocText(replica.doc, this.titleOf))
      else this.relinkQueue.add(id)
    })
    if (this.relinkQueue.size === 0 || this.relinking !== null) return
    this.relinking = (async () => {
      while (this.relinkQueue.size > 0 && !this.closed) {
        const ids = [...this.relinkQueue]
        this.relinkQueue.clear()
        await inParallel(ids, READ_CONCURRENCY, (id) => this.reread(id))
      }
    })()
      .catch((error: unknown) => {
        this.options.log(`kryss: search: re-reading linking notes failed: ${String(error)}`)
      })
      .finally(() => {
        this.relinking = null
      })
  }

  /** A note body read from disk again (its text shows another note's new title). */
  private async reread(noteId: string): Promise<void> {
    const key = subKey('note', noteId)
    if (this.closed || this.replicas.has(key)) return
    const generation = this.liveGeneration.get(key) ?? 0
    const dir = path.join(this.options.dir, key)
    const stamp = await diskStamp(dir)
    if (stamp === null) return // no body on disk: no links in it
    const read = await readDiskDoc(dir, stamp)
    try {
      if (
        this.closed ||
        this.replicas.has(key) ||
        (this.liveGeneration.get(key) ?? 0) !== generation ||
        readNoteMeta(this.root, noteId) === undefined
      ) {
        return
      }
      this.setBodyText(noteId, noteBodyDocText(read.doc, this.titleOf))
      this.stamps.set(key, read.stamp ?? NO_FILES)
    } finally {
      read.doc.destroy()
    }
  }

  private boardTitle(boardId: string, doc: Y.Doc | undefined): string {
    const record = boardsMap(this.root).get(boardId)
    const listed = record instanceof Y.Map ? readString(record, 'title') : undefined
    return doc === undefined ? (listed ?? '') : boardContext(doc, listed)
  }

  private replaceBoard(boardId: string, doc: Y.Doc): void {
    const docs = boardSearchDocs(boardId, doc, this.boardTitle(boardId, doc))
    const keep = new Set(docs.map((d) => d.id))
    for (const id of [...(this.boardDocs.get(boardId) ?? [])]) {
      if (!keep.has(id)) this.removeDoc(id)
    }
    for (const d of docs) this.upsert(d)
  }

  private removeBoard(boardId: string): void {
    for (const id of [...(this.boardDocs.get(boardId) ?? [])]) this.removeDoc(id)
    this.boardDocs.delete(boardId)
    this.stamps.delete(subKey('board', boardId))
  }

  /** A board renamed in the list: its items' context follows. */
  private recontext(boardId: string): void {
    const replica = this.replicas.get(subKey('board', boardId))
    const title = this.boardTitle(boardId, replica?.doc)
    for (const id of this.boardDocs.get(boardId) ?? []) {
      const doc = this.docs.get(id)
      if (doc !== undefined && doc.context !== title)
        this.upsert(copyIndexedDoc(doc, { context: title }))
    }
  }

  private indexRootDocs(): void {
    const docs = rootSearchDocs(this.root)
    const keep = new Set(docs.map((doc) => doc.id))
    for (const id of this.rootDocIds) if (!keep.has(id)) this.removeDoc(id)
    for (const doc of docs) this.upsert(doc)
  }

  private track(doc: IndexedDoc): void {
    if (doc.target.type === 'boardItem') {
      let ids = this.boardDocs.get(doc.target.board)
      if (ids === undefined) this.boardDocs.set(doc.target.board, (ids = new Set()))
      ids.add(doc.id)
    } else if (doc.target.type !== 'note') {
      this.rootDocIds.add(doc.id)
    }
  }

  private upsert(doc: IndexedDoc): void {
    const previous = this.docs.get(doc.id)
    if (previous !== undefined && sameIndexedDoc(previous, doc)) return
    this.docs.set(doc.id, doc)
    this.index.upsert(doc)
    this.track(doc)
    this.changed()
  }

  private removeDoc(id: string): void {
    const doc = this.docs.get(id)
    if (doc === undefined) return
    this.docs.delete(id)
    this.index.remove(id)
    if (doc.target.type === 'boardItem') this.boardDocs.get(doc.target.board)?.delete(id)
    else if (doc.target.type !== 'note') this.rootDocIds.delete(id)
    this.changed()
  }

  private changed(): void {
    this.changeCount++
    this.scheduleSave()
    this.postStatus()
  }

  // --- status and saving --------------------------------------------------------------------

  /** Sends the status when it changed: at once for `now`, else at most every 250 ms. */
  private postStatus(now = false): void {
    if (this.closed) return
    const send = (): void => {
      this.statusTimer = null
      const status = this.status()
      const text = JSON.stringify(status)
      if (text === this.lastStatus) return
      this.lastStatus = text
      this.options.onStatus(status)
    }
    if (now) {
      if (this.statusTimer !== null) clearTimeout(this.statusTimer)
      send()
    } else {
      this.statusTimer ??= setTimeout(send, 250)
    }
  }

  private scheduleSave(): void {
    if (this.closed || this.building) return
    if (this.saveTimer !== null) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      this.save().catch(() => {})
    }, this.saveDelayMs)
  }

  /** Saves the index; saves run one after the other, each with the state of its turn. */
  private save(final = false): Promise<void> {
    const run = (this.saving ?? Promise.resolve()).then(() => this.writeIndex(final))
    this.saving = run
    return run
  }

  private async writeIndex(final: boolean): Promise<void> {
    if (!this.loaded) return
    if (!final) this.flushPending()
    // Documents indexed from a live replica get the stamp of their files now — unless they
    // changed again while the stamps were being taken (then they are read at the next start).
    const seq = this.updateSeq
    const live = [...this.liveIndexed]
    this.liveIndexed.clear()
    const stamped = await Promise.all(
      live.map(async (key) => [key, await diskStamp(path.join(this.options.dir, key))] as const),
    )
    for (const [key, stamp] of stamped) {
      if ((this.lastUpdate.get(key) ?? 0) > seq) continue
      const replica = this.replicas.get(key)
      if (replica?.timer !== null && replica !== undefined) continue
      this.stamps.set(key, stamp ?? NO_FILES)
    }
    try {
      await saveIndexFile(this.options.dir, {
        stamps: Object.fromEntries(this.stamps),
        docs: [...this.docs.values()],
        index: this.index.toBytes(),
      })
    } catch (error) {
      this.options.log(
        `kryss: search: cannot save the index in ${this.options.dir}: ${String(error)}`,
      )
    }
  }
}
