import type { SyncState, SyncStatus, SyncStatusStore } from './syncStatus'

export function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (
    a.state === b.state && a.people === b.people && a.unsaved === b.unsaved && a.synced === b.synced
  )
}

const STATE_RANK: Record<SyncState, number> = {
  refused: 4,
  offline: 3,
  saving: 2,
  connected: 1,
  saved: 0,
}

/**
 * The status of a workspace as a person means it: its root document and the note body open
 * in it. The least settled state wins ("saving" while the body waits for its ack); who is
 * here comes from the root's presence.
 */
export function combineStatuses(root: SyncStatus, parts: readonly SyncStatus[]): SyncStatus {
  let state = root.state
  let unsaved = root.unsaved
  for (const part of parts) {
    if (
      part.state !== 'connected' &&
      part.state !== 'saved' &&
      STATE_RANK[part.state] > STATE_RANK[state]
    )
      state = part.state
    unsaved ||= part.unsaved
  }
  if (state === 'saved' && root.people > 1) state = 'connected'
  return { ...root, state, unsaved }
}

export type CombinedSyncStatusStore = SyncStatusStore & {
  /** Adds a document (an open note body) to the status. Returns the detacher. */
  attach(part: SyncStatusStore): () => void
}

export function combineSyncStatus(root: SyncStatusStore): CombinedSyncStatusStore {
  const parts = new Map<SyncStatusStore, () => void>()
  const listeners = new Set<() => void>()
  let snapshot = root.getSnapshot()

  const update = (): void => {
    const next = combineStatuses(
      root.getSnapshot(),
      [...parts.keys()].map((part) => part.getSnapshot()),
    )
    if (sameStatus(next, snapshot)) return
    snapshot = next
    for (const listener of [...listeners]) listener()
  }
  const disposeRoot = root.subscribe(update)

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => snapshot,
    attach(part) {
      parts.set(part, part.subscribe(update))
      update()
      return () => {
        parts.get(part)?.()
        parts.delete(part)
        update()
      }
    },
    destroy() {
      disposeRoot()
      for (const dispose of parts.values()) dispose()
      parts.clear()
      listeners.clear()
    },
  }
}
