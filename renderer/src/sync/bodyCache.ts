import type { NoteId } from '../../../shared/ids'
import type { DocSync } from './docSync'
import type { PresenceState } from './presenceState'

/** How many note bodies stay open (and in sync) after their note was left, most recent first. */
export const DEFAULT_WARM_BODIES = 8
/** How long an unused body stays open before its socket is closed. */
export const DEFAULT_WARM_MS = 120_000

type Entry = {
  sync: DocSync
  leases: number
  /** When the last lease ended (or the prefetch happened); 0 while leased. */
  idleSince: number
  timer: ReturnType<typeof setTimeout> | undefined
}

export type BodyCache = {
  /**
   * A lease on a note's body: an open, syncing document. Destroying the lease does not close
   * the document at once — it stays warm, so going back to a note is instant.
   */
  open(noteId: NoteId, presence: PresenceState): DocSync
  /**
   * The body if it is open now (warm or leased), without taking a lease: lets a view show a
   * warm note in its first render. Never destroy what this returns.
   */
  peek(noteId: NoteId): DocSync | undefined
  /** Starts syncing a body the person is likely to open next (pointer or focus on its row). */
  prefetch(noteId: NoteId, presence: PresenceState): void
  /** Bodies open now (leased or warm). */
  readonly size: number
  destroy(): void
}

/**
 * Note bodies a client keeps open. Opening a note means a socket, the host reading the body
 * and a sync round trip; doing that when the row is pointed at, and keeping recently left
 * notes in sync for a while, takes all of it off the click. Warm bodies stay live (edits from
 * others keep arriving), so what shows on opening is current. At most `capacity` unused
 * bodies are kept, each for at most `warmMs`.
 */
export function createBodyCache(input: {
  openBody: (noteId: NoteId, presence: PresenceState) => DocSync
  capacity?: number
  warmMs?: number
  now?: () => number
}): BodyCache {
  const capacity = input.capacity ?? DEFAULT_WARM_BODIES
  const warmMs = input.warmMs ?? DEFAULT_WARM_MS
  const now = input.now ?? (() => Date.now())
  const entries = new Map<NoteId, Entry>()

  const close = (noteId: NoteId, entry: Entry): void => {
    if (entry.timer !== undefined) clearTimeout(entry.timer)
    entries.delete(noteId)
    entry.sync.destroy()
  }

  const rest = (noteId: NoteId, entry: Entry): void => {
    entry.idleSince = now()
    // My caret leaves with me; the document stays.
    entry.sync.awareness.setLocalStateField('cursor', null)
    if (entry.timer !== undefined) clearTimeout(entry.timer)
    entry.timer = setTimeout(() => {
      if (entries.get(noteId) === entry && entry.leases === 0) close(noteId, entry)
    }, warmMs)
    trim()
  }

  /** Closes the least recently used idle bodies beyond the capacity. */
  const trim = (): void => {
    const idle = [...entries].filter(([, entry]) => entry.leases === 0)
    idle.sort(([, a], [, b]) => b.idleSince - a.idleSince)
    for (const [noteId, entry] of idle.slice(capacity)) close(noteId, entry)
  }

  const ensure = (noteId: NoteId, presence: PresenceState): Entry => {
    let entry = entries.get(noteId)
    if (entry === undefined) {
      entry = { sync: input.openBody(noteId, presence), leases: 0, idleSince: 0, timer: undefined }
      entries.set(noteId, entry)
    }
    return entry
  }

  return {
    open(noteId, presence) {
      const entry = ensure(noteId, presence)
      if (entry.timer !== undefined) clearTimeout(entry.timer)
      entry.timer = undefined
      entry.leases++
      entry.idleSince = 0
      entry.sync.awareness.setLocalStateField('user', presence.user)
      let released = false
      return {
        ...entry.sync,
        destroy() {
          if (released) return
          released = true
          entry.leases--
          if (entry.leases === 0 && entries.get(noteId) === entry) rest(noteId, entry)
        },
      }
    },
    peek(noteId) {
      return entries.get(noteId)?.sync
    },
    prefetch(noteId, presence) {
      const entry = ensure(noteId, presence)
      if (entry.leases === 0) rest(noteId, entry)
    },
    get size() {
      return entries.size
    },
    destroy() {
      for (const [noteId, entry] of [...entries]) close(noteId, entry)
    },
  }
}
