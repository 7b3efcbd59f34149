import { useSyncExternalStore } from 'react'
import type { SyncStatus, SyncStatusStore } from './syncStatus'

export function useSyncStatus(store: SyncStatusStore): SyncStatus {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
