import { useSyncExternalStore } from 'react'
import type { WorkspaceId } from '../../../shared/ids'
import { foldTerm } from '../../../shared/search/terms'
import { readStoredJson, writeStoredJson } from '../lib/browserStorage'
import { createValueStore } from '../lib/externalStore'

/**
 * The last searches per workspace, shown on the search page while its field is empty: the
 * newest first, at most {@link MAX_RECENT}, one entry per wording (case, accents and æ/ø/å
 * spelled ae/oe/aa count as the same). Kept in this device's local storage only — what someone
 * looked for is not the cluster's business.
 */
export const MAX_RECENT = 8
const MAX_LENGTH = 200

/** `list` with `text` put first (a repeat moves up, it is not doubled). */
export function addRecent(list: readonly string[], text: string): string[] {
  const entry = text.trim().replace(/\s+/g, ' ').slice(0, MAX_LENGTH)
  if (entry === '') return [...list]
  const key = foldTerm(entry)
  return [entry, ...list.filter((other) => foldTerm(other) !== key)].slice(0, MAX_RECENT)
}

export function removeRecent(list: readonly string[], text: string): string[] {
  return list.filter((other) => other !== text)
}

/** What storage held, kept only if it is a list of strings (anything else: nothing). */
export function readRecentList(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value
    .filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
    .slice(0, MAX_RECENT)
}

const storageKey = (workspaceId: WorkspaceId): string => `kryss.search.recent.${workspaceId}`

const stores = new Map<WorkspaceId, ReturnType<typeof createValueStore<readonly string[]>>>()

function recentStore(workspaceId: WorkspaceId) {
  let store = stores.get(workspaceId)
  if (store === undefined) {
    store = createValueStore<readonly string[]>(
      readRecentList(readStoredJson('local', storageKey(workspaceId))),
    )
    stores.set(workspaceId, store)
  }
  return store
}

function change(workspaceId: WorkspaceId, next: (list: readonly string[]) => string[]): void {
  const store = recentStore(workspaceId)
  const list = next(store.getSnapshot())
  store.set(list)
  writeStoredJson('local', storageKey(workspaceId), list)
}

export function rememberSearch(workspaceId: WorkspaceId, text: string): void {
  change(workspaceId, (list) => addRecent(list, text))
}

export function forgetSearch(workspaceId: WorkspaceId, text: string): void {
  change(workspaceId, (list) => removeRecent(list, text))
}

export function clearRecentSearches(workspaceId: WorkspaceId): void {
  change(workspaceId, () => [])
}

export function useRecentSearches(workspaceId: WorkspaceId): readonly string[] {
  const store = recentStore(workspaceId)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
