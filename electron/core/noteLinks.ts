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
  const pending = new Map<NoteId, { timer: NodeJS.Timeout; doc: Y.Doc }>()
  let closed = false

  // The body document that changed is read directly — never re-opened: a body stays open
  // far longer than the delay, and an import writing 10k bodies must not keep them all open.
  const run = (noteId: NoteId): void => {
    const entry = pending.get(noteId)
    if (entry === undefined) return
    clearTimeout(entry.timer)
    pending.delete(noteId)
    try {
      syncNoteLinks(root, noteId, noteBodyFragment(entry.doc), LINKS_ORIGIN)
    } catch (error) {
      log(`kryss: cannot update the links of ${noteId}: ${String(error)}`)
    }
  }

  const off = bodies.onUpdate((noteId, _update, _origin, doc) => {
    if (closed) return
    const existing = pending.get(noteId)
    if (existing !== undefined) clearTimeout(existing.timer)
    const timer = setTimeout(() => run(noteId), delayMs)
    timer.unref()
    pending.set(noteId, { timer, doc })
  })

  const flush = (): Promise<void> => {
    for (const noteId of [...pending.keys()]) run(noteId)
    return Promise.resolve()
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
