import { useEffect } from 'react'
import type { WorkspaceId } from '../../../../shared/ids'
import { afterNextPaint } from '../../lib/afterNextPaint'
import { readStoredJson, writeStored } from '../../lib/browserStorage'
import { createValueStore, type ValueStore } from '../../lib/externalStore'
import { currentRoute } from '../../lib/route'
import { readRecentItems, routeItem, withRecent, type RecentItem } from './recentList'

export type { RecentItem } from './recentList'

/**
 * What this user opened lately in a workspace — notes, boards, company pages, however they got
 * there (the lists, links, the palette, a search) — newest first, for the palette's empty
 * query. Kept in this browser or window only (localStorage), never in the document: it is
 * one person's trail, not the cluster's.
 */
const storageKey = (workspaceId: WorkspaceId): string => `kryss.palette.recent.${workspaceId}`

const stores = new Map<WorkspaceId, ValueStore<readonly RecentItem[]>>()

export function recentItemsStore(workspaceId: WorkspaceId): ValueStore<readonly RecentItem[]> {
  let store = stores.get(workspaceId)
  if (store === undefined) {
    store = createValueStore<readonly RecentItem[]>(
      readRecentItems(readStoredJson('local', storageKey(workspaceId))),
    )
    stores.set(workspaceId, store)
  }
  return store
}

function remember(workspaceId: WorkspaceId, item: RecentItem): void {
  const store = recentItemsStore(workspaceId)
  const current = store.getSnapshot()
  if (current[0]?.kind === item.kind && current[0].id === item.id) return
  const next = withRecent(current, item)
  store.set(next)
  writeStored('local', storageKey(workspaceId), JSON.stringify(next))
}

/**
 * Records what the workspace's main area opens, for as long as the caller is mounted. After
 * the place has painted: the localStorage write is not what the click is waiting for.
 */
export function useRecordRecent(workspaceId: WorkspaceId): void {
  useEffect(() => {
    let pending: (() => void) | undefined
    const record = (): void => {
      pending?.()
      pending = afterNextPaint(() => {
        pending = undefined
        const route = currentRoute.getSnapshot()
        if (route.workspace !== workspaceId) return
        const item = routeItem(route)
        if (item !== undefined) remember(workspaceId, item)
      })
    }
    record()
    const stop = currentRoute.subscribe(record)
    return () => {
      stop()
      pending?.()
    }
  }, [workspaceId])
}
