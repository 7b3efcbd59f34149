import type { Route } from '../../lib/route'

/**
 * The list behind the palette's "Recently opened" (recentItems.ts keeps it per workspace):
 * what a route shows in the main area, newest first, each once, at most eight.
 */
export const RECENT_KINDS = ['note', 'board', 'company'] as const
export type RecentKind = (typeof RECENT_KINDS)[number]
export type RecentItem = { kind: RecentKind; id: string }

export const MAX_RECENT = 8

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
