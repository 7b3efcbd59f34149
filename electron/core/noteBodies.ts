import path from 'node:path'
import type { NoteId } from '../../shared/ids'
import { isNoteId } from '../../shared/rooms'
import { openDocStore, type DocStore, type StorageWarning } from './storage/docStore'

/** Folder of a workspace that holds one store per note body. */
export const NOTES_DIR = 'notes'

/** How long an unused body stays open, so quickly switching back to a note is instant. */
export const DEFAULT_BODY_IDLE_MS = 15_000

type Slot = {
  opening: Promise<DocStore>
  store: DocStore | null
  refs: number
  idle: NodeJS.Timeout | null
}

export type NoteBodyStoresOptions = {
  /** The workspace folder; bodies live in `<dir>/notes/<noteId>/`. */
  dir: string
  idleMs?: number
  now?: () => number
  onWarning?: (noteId: NoteId, warning: StorageWarning) => void
  log?: (line: string) => void
}

/**
 * The note-body documents of one workspace, opened on demand. A workspace with 10k notes
 * loads only its root document at start; a body is read from disk when someone opens the
 * note, kept while anyone uses it, and closed a little after the last one leaves.
 */
export class NoteBodyStores {
  private readonly slots = new Map<NoteId, Slot>()
  /** Bodies being closed; reopening one waits, since a store may be open only once. */
  private readonly closing = new Map<NoteId, Promise<void>>()
  private readonly idleMs: number
  private readonly log: (line: string) => void
  private closed = false

  constructor(private readonly options: NoteBodyStoresOptions) {
    this.idleMs = options.idleMs ?? DEFAULT_BODY_IDLE_MS
    this.log = options.log ?? (() => {})
  }

  /** Opens (or shares) a body's store. Every successful acquire needs one `release`. */
  async acquire(noteId: NoteId): Promise<DocStore> {
    if (this.closed) throw new Error('the workspace is closed')
    if (!isNoteId(noteId)) throw new Error(`not a note id: ${String(noteId)}`)
    let slot = this.slots.get(noteId)
    if (!slot) {
      const pendingClose = this.closing.get(noteId) ?? Promise.resolve()
      const opening = pendingClose.then(() =>
        openDocStore({
          dir: path.join(this.options.dir, NOTES_DIR, noteId),
          ...(this.options.now ? { now: this.options.now } : {}),
          onWarning: (warning) => this.options.onWarning?.(noteId, warning),
        }),
      )
      const created: Slot = { opening, store: null, refs: 0, idle: null }
      slot = created
      this.slots.set(noteId, created)
      opening.then(
        (store) => (created.store = store),
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

  release(noteId: NoteId): void {
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
    }, this.idleMs)
    slot.idle.unref()
  }

  /** Runs `task` on a body and waits until what it wrote is on disk. */
  async withBody<T>(noteId: NoteId, task: (store: DocStore) => T): Promise<T> {
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

  /** Flushes and closes every open body. */
  async close(): Promise<void> {
    this.closed = true
    const slots = [...this.slots.entries()]
    this.slots.clear()
    await Promise.all([
      ...slots.map(([noteId, slot]) => this.closeSlot(noteId, slot)),
      ...this.closing.values(),
    ])
  }

  private async closeSlot(noteId: NoteId, slot: Slot): Promise<void> {
    if (slot.idle) clearTimeout(slot.idle)
    try {
      const store = await slot.opening
      await store.close()
      store.doc.destroy()
    } catch (error) {
      this.log(`kryss: closing the body of ${noteId} failed: ${String(error)}`)
    }
  }
}
