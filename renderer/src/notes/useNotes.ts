import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { CompanyId, NoteId } from '../../../shared/ids'
import type { NoteSummary } from '../../../shared/model/notes'
import { companyNamesStore, noteListStore, noteStore } from './noteStores'

/** The workspace's notes, newest edit first; re-renders only when the list itself changes. */
export function useNoteList(doc: Y.Doc): readonly NoteSummary[] {
  const store = noteListStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

export function useNote(doc: Y.Doc, id: NoteId): NoteSummary | undefined {
  const store = noteStore(doc, id)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

export function useCompanyNames(doc: Y.Doc): ReadonlyMap<CompanyId, string> {
  const store = companyNamesStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

const NO_COMPANIES: ReadonlyMap<CompanyId, string> = new Map()
const noCompaniesStore = {
  subscribe: () => () => {},
  getSnapshot: () => NO_COMPANIES,
}

/** Company names of a workspace (if one is open), sorted, for "company" input suggestions. */
export function useCompanySuggestions(doc: Y.Doc | undefined): readonly string[] {
  const store = doc === undefined ? noCompaniesStore : companyNamesStore(doc)
  const names = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return useMemo(() => [...new Set(names.values())].sort((a, b) => a.localeCompare(b)), [names])
}
