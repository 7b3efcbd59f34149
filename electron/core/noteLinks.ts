import type * as Y from 'yjs'
import type { NoteId } from '../../shared/ids'
import { syncNoteLinks } from '../../shared/model/links'
import { noteBodyFragment } from '../../shared/model/noteBody'
import type { NoteBodyStores } from './noteBodies'

/** Transaction origin of link-set writes made by the host (not undoable by anyone's editor). */
export const LINKS_ORIGIN = Object.freeze({ kind: 'links' as const })

/** How long after a body's last update its links are re-read: typing a word costs one pass. */
export const DEFAULT_LINKS_DELAY_MS = 250

export type NoteLinkDeriver = {
  /** Re-reads the links of every body with a pending change now. */
  flush(): Promise<void>
  /** Flushes, then stops listening. */
  close(): Promise<void>
}

/**
 * Keeps each note's `links` set in the root document in line with its body. The host sees
 * every change to every body (from its own clients, peers and imports alike), so it is the
 * one place that derives links — a stock y-websocket client or an older app that knows
 * nothing about backlinks still gets them right. Several hosts deriving the same body write
 * the same difference, which Yjs merges to one answer.
 */
export function deriveNoteLinks(
  root: Y.Doc,
  bodies: NoteBodyStores,
  options: { delayMs?: number; log?: (line: string) => void } = {},
): NoteLinkDeriver {
  const delayMs = options.delayMs ?? DEFAULT_LINKS_DELAY_MS
  const log = options.log ?? (() => {})
  const pending = new Map<NoteId, NodeJS.Timeout>()
  let closed = false

  const run = async (noteId: NoteId): Promise<void> => {
    const timer = pending.get(noteId)
    if (timer !== undefined) clearTimeout(timer)
    pending.delete(noteId)
    try {
      await bodies.withBody(noteId, (store) =>
        syncNoteLinks(root, noteId, noteBodyFragment(store.doc), LINKS_ORIGIN),
      )
    } catch (error) {
      log(`kryss: cannot update the links of ${noteId}: ${String(error)}`)
    }
  }

  const off = bodies.onUpdate((noteId) => {
    if (closed) return
    const existing = pending.get(noteId)
    if (existing !== undefined) clearTimeout(existing)
    const timer = setTimeout(() => void run(noteId), delayMs)
    timer.unref()
    pending.set(noteId, timer)
  })

  const flush = async (): Promise<void> => {
    await Promise.all([...pending.keys()].map((noteId) => run(noteId)))
  }

  return {
    flush,
    async close() {
      closed = true
      off()
      await flush()
    },
  }
}
