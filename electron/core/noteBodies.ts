import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type * as Y from 'yjs'
import type { BoardId, NoteId } from '../../shared/ids'
import { isNoteId } from '../../shared/rooms'
import { computeBodyDigest, DIGESTS_FILE, saveDigests, takeSavedDigests } from './bodyDigests'
import { openDocStore, type DocStore, type StorageWarning } from './storage/docStore'

/** Folder of a workspace that holds one store per note body. */
export const NOTES_DIR = 'notes'

/** Folder of a workspace that holds one store per board. */
export const BOARDS_DIR = 'boards'

/** Digest cache of the boards (the note bodies' is `DIGESTS_FILE`). */
export const BOARD_DIGESTS_FILE = 'board-digests.json'

/** How long an unused body stays open, so quickly switching back to a note is instant. */
export const DEFAULT_BODY_IDLE_MS = 15_000

type Slot = {
  opening: Promise<DocStore>
  store: DocStore | null
  refs: number
  idle: NodeJS.Timeout | null
  /** Stops observing the body's updates. */
  unobserve: () => void
}

/** An update applied to an open body, with its transaction origin and the body document. */
export type BodyUpdateListener<Id extends string = NoteId> = (
  noteId: Id,
  update: Uint8Array,
  origin: unknown,
  doc: Y.Doc,
) => void

export type NoteBodyStoresOptions<Id extends string = NoteId> = {
  /** The workspace folder; bodies live in `<dir>/notes/<noteId>/`. */
  dir: string
  idleMs?: number
  now?: () => number
  onWarning?: (noteId: Id, warning: StorageWarning) => void
  log?: (line: string) => void
}

/** Where one kind of sub-document lives in the workspace folder. */
export type SubDocLayout = {
  /** Folder under the workspace folder, one store per document: `<dir>/<folder>/<id>/`. */
  folder: string
  /** Digest cache file in the workspace folder. */
  digestsFile: string
  /** What one document is called in errors and log lines ("note", "board"). */
  noun: string
}

/** What a peer link needs from a set of sub-documents, for any kind of id. */
export interface SubDocSet<Id extends string> {
  acquire(id: Id): Promise<DocStore>
  release(id: Id, idleMs?: number): void
  onUpdate(listener: BodyUpdateListener<Id>): () => void
  digests(): Promise<Map<Id, Uint8Array>>
}

/**
 * The sub-documents of one kind (note bodies, boards) of one workspace, opened on demand. A
 * workspace with 10k notes loads only its root document at start; a body is read from disk
 * when someone opens the note, kept while anyone uses it, and closed a little after the last
 * one leaves. One implementation for every kind; {@link NoteBodyStores} and
 * {@link BoardStores} only fix the folder.
 */
export class SubDocStores<Id extends string> implements SubDocSet<Id> {
  private readonly slots = new Map<Id, Slot>()
  /** Bodies being closed; reopening one waits, since a store may be open only once. */
  private readonly closing = new Map<Id, Promise<void>>()
  private readonly idleMs: number
  private readonly log: (line: string) => void
  private readonly updateListeners = new Set<BodyUpdateListener<Id>>()
  /**
   * Digest of every body known to be current; bodies changed since are in `changed` and get
   * their digest when asked or when they close. Peer links compare digests instead of opening
   * every body (see docs/PROTOCOL.md, "Peer links").
   */
  private readonly digestCache = new Map<Id, Uint8Array>()
  private readonly changed = new Map<Id, Y.Doc>()
  private readonly loadingDigests: Promise<void>
  private scanned: Promise<void> | null = null
  private closed = false

  constructor(
    private readonly options: NoteBodyStoresOptions<Id>,
    private readonly layout: SubDocLayout,
  ) {
    this.idleMs = options.idleMs ?? DEFAULT_BODY_IDLE_MS
    this.log = options.log ?? (() => {})
    // Taken (and the file removed) before any body opens, so a crash never leaves stale digests.
    this.loadingDigests = takeSavedDigests(options.dir, layout.digestsFile).then(
      (saved) => {
        for (const [id, digest] of saved) {
          if (!this.digestCache.has(id as Id)) this.digestCache.set(id as Id, digest)
        }
      },
      () => {},
    )
  }

  /** Opens (or shares) a body's store. Every successful acquire needs one `release`. */
  async acquire(noteId: Id): Promise<DocStore> {
    if (this.closed) throw new Error('the workspace is closed')
    if (!isNoteId(noteId)) throw new Error(`not a ${this.layout.noun} id: ${String(noteId)}`)
    let slot = this.slots.get(noteId)
    if (!slot) {
      const pendingClose = Promise.all([this.closing.get(noteId), this.loadingDigests])
      const opening = pendingClose.then(() =>
        openDocStore({
          dir: path.join(this.options.dir, this.layout.folder, noteId),
          ...(this.options.now ? { now: this.options.now } : {}),
          onWarning: (warning) => this.options.onWarning?.(noteId, warning),
        }),
      )
      const created: Slot = { opening, store: null, refs: 0, idle: null, unobserve: () => {} }
      slot = created
      this.slots.set(noteId, created)
      opening.then(
        (store) => {
          created.store = store
          created.unobserve = this.observe(noteId, store.doc)
        },
        () => this.slots.delete(noteId),
      )
    }
    slot.refs++
    if (slot.idle) {
      clearTimeout(slot.idle)
      slot.idle = null
    }
    try {
      return await slot.opening
    } catch (error) {
      slot.refs--
      throw error
    }
  }

  /** Gives a reference back; the body closes `idleMs` after the last one (0: right away). */
  release(noteId: Id, idleMs = this.idleMs): void {
    const slot = this.slots.get(noteId)
    if (!slot || slot.refs === 0) return
    slot.refs--
    if (slot.refs > 0 || this.closed) return
    slot.idle = setTimeout(() => {
      if (slot.refs > 0 || this.slots.get(noteId) !== slot) return
      this.slots.delete(noteId)
      const closed = this.closeSlot(noteId, slot).finally(() => {
        if (this.closing.get(noteId) === closed) this.closing.delete(noteId)
      })
      this.closing.set(noteId, closed)
    }, idleMs)
    slot.idle.unref()
  }

  /** Runs `task` on a body and waits until what it wrote is on disk. */
  async withBody<T>(noteId: Id, task: (store: DocStore) => T): Promise<T> {
    const store = await this.acquire(noteId)
    try {
      const result = task(store)
      await store.whenDurable()
      return result
    } finally {
      this.release(noteId)
    }
  }

  /** Number of bodies open now (for tests and the memory benchmark). */
  get openCount(): number {
    return this.slots.size
  }

  /** Calls `listener` for every update to any open body. Returns the disposer. */
  onUpdate(listener: BodyUpdateListener<Id>): () => void {
    this.updateListeners.add(listener)
    return () => this.updateListeners.delete(listener)
  }

  /**
   * The digest of every body in this workspace. The first call after a start without a saved
   * cache (first run, or after a crash) opens each body once to compute it.
   */
  async digests(): Promise<Map<Id, Uint8Array>> {
    await this.loadingDigests
    this.scanned ??= this.scan()
    await this.scanned
    for (const [noteId, doc] of this.changed) this.digestCache.set(noteId, computeBodyDigest(doc))
    this.changed.clear()
    return new Map(this.digestCache)
  }

  /** Flushes and closes every open body, and saves the digests for the next start. */
  async close(): Promise<void> {
    this.closed = true
    const slots = [...this.slots.entries()]
    this.slots.clear()
    await Promise.all([
      ...slots.map(([noteId, slot]) => this.closeSlot(noteId, slot)),
      ...this.closing.values(),
    ])
    await this.loadingDigests
    await this.scanned?.catch(() => {})
    // Only a complete cache is worth saving: a partial one would hide bodies from peers.
    if (this.scanned) {
      await saveDigests(this.options.dir, this.digestCache, this.layout.digestsFile).catch(
        (error: unknown) => {
          this.log(`kryss: cannot save ${this.layout.noun} digests: ${String(error)}`)
        },
      )
    }
  }

  private observe(noteId: Id, doc: Y.Doc): () => void {
    if (!this.digestCache.has(noteId)) this.changed.set(noteId, doc)
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      this.changed.set(noteId, doc)
      for (const listener of this.updateListeners) listener(noteId, update, origin, doc)
    }
    doc.on('update', onUpdate)
    return () => doc.off('update', onUpdate)
  }

  /** Computes the digest of every body on disk the cache does not know. */
  private async scan(): Promise<void> {
    let names: string[]
    try {
      names = await readdir(path.join(this.options.dir, this.layout.folder))
    } catch {
      return
    }
    for (const name of names) {
      if (this.closed) return
      if (!isNoteId(name)) continue
      const id = name as string as Id
      if (this.digestCache.has(id) || this.changed.has(id)) continue
      try {
        const store = await this.acquire(id)
        this.digestCache.set(id, computeBodyDigest(store.doc))
        this.release(id, 0)
      } catch (error) {
        this.log(`kryss: cannot read ${this.layout.noun} ${name}: ${String(error)}`)
      }
    }
  }

  private async closeSlot(noteId: Id, slot: Slot): Promise<void> {
    if (slot.idle) clearTimeout(slot.idle)
    try {
      const store = await slot.opening
      slot.unobserve()
      const doc = this.changed.get(noteId)
      if (doc === store.doc) {
        this.digestCache.set(noteId, computeBodyDigest(doc))
        this.changed.delete(noteId)
      }
      await store.close()
      store.doc.destroy()
    } catch (error) {
      this.log(`kryss: closing ${this.layout.noun} ${noteId} failed: ${String(error)}`)
    }
  }
}

/** The note bodies of a workspace: `<workspace>/notes/<noteId>/`. */
export class NoteBodyStores extends SubDocStores<NoteId> {
  constructor(options: NoteBodyStoresOptions<NoteId>) {
    super(options, { folder: NOTES_DIR, digestsFile: DIGESTS_FILE, noun: 'note' })
  }
}

/** The boards of a workspace (each a Y.Doc of its own): `<workspace>/boards/<boardId>/`. */
export class BoardStores extends SubDocStores<BoardId> {
  constructor(options: NoteBodyStoresOptions<BoardId>) {
    super(options, { folder: BOARDS_DIR, digestsFile: BOARD_DIGESTS_FILE, noun: 'board' })
  }
}
