import { useEffect } from 'react'
import type { WorkspaceId } from '../../../../shared/ids'
import { readStoredJson, writeStored } from '../../lib/browserStorage'
import { createValueStore, type ValueStore } from '../../lib/externalStore'
import { currentRoute, type Route } from '../../lib/route'

/**
 * What this user opened lately in a workspace — notes, boards, company pages, however they got
 * there (the lists, links, the palette, a search) — newest first, for the palette's empty
 * query. Kept in this browser or window only (localStorage), never in the document: it is
 * one person's trail, not the cluster's.
 */
export const RECENT_KINDS = ['note', 'board', 'company'] as const
export type RecentKind = (typeof RECENT_KINDS)[number]
export type RecentItem = { kind: RecentKind; id: string }

export const MAX_RECENT = 8

const storageKey = (workspaceId: WorkspaceId): string => `kryss.palette.recent.${workspaceId}`

/** What the main area shows for a route, if it is something to come back to. */
export function routeItem(route: Route): RecentItem | undefined {
  if (route.search !== undefined) return undefined
  if (route.board !== undefined) return { kind: 'board', id: route.board }
  if (route.map !== undefined) {
    return route.map.company === undefined ? undefined : { kind: 'company', id: route.map.company }
  }
  return route.note === undefined ? undefined : { kind: 'note', id: route.note }
}

/** `item` first, once; the list cut to {@link MAX_RECENT}. */
export function withRecent(list: readonly RecentItem[], item: RecentItem): RecentItem[] {
  return [item, ...list.filter((entry) => entry.kind !== item.kind || entry.id !== item.id)].slice(
    0,
    MAX_RECENT,
  )
}

/** A stored list, whatever was stored: unknown entries are dropped. */
export function readRecentItems(value: unknown): RecentItem[] {
  if (!Array.isArray(value)) return []
  return value
    .filter(
      (entry): entry is RecentItem =>
        typeof entry === 'object' &&
        entry !== null &&
        (RECENT_KINDS as readonly unknown[]).includes((entry as RecentItem).kind) &&
        typeof (entry as RecentItem).id === 'string' &&
        (entry as RecentItem).id.length <= 128,
    )
    .slice(0, MAX_RECENT)
}

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

/** Records what the workspace's main area opens, for as long as the caller is mounted. */
export function useRecordRecent(workspaceId: WorkspaceId): void {
  useEffect(() => {
    const record = (): void => {
      const route = currentRoute.getSnapshot()
      if (route.workspace !== workspaceId) return
      const item = routeItem(route)
      if (item !== undefined) remember(workspaceId, item)
    }
    record()
    return currentRoute.subscribe(record)
  }, [workspaceId])
}
