import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { CompanyId, NoteId } from '../../../shared/ids'
import type { Company, Competence } from '../../../shared/model/companies'
import type { NoteSummary } from '../../../shared/model/notes'
import {
  backlinksStore,
  companyListStore,
  companyNamesStore,
  competenceListStore,
  noteListStore,
  noteStore,
} from './noteStores'

/** The workspace's notes, newest edit first; re-renders only when the list itself changes. */
export function useNoteList(doc: Y.Doc): readonly NoteSummary[] {
  const store = noteListStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

const NO_NOTES: readonly NoteSummary[] = []
const noNotes = { subscribe: () => () => {}, getSnapshot: () => NO_NOTES }

/** The note list while `active`, else an empty list that costs nothing to keep. */
export function useNoteListWhile(doc: Y.Doc, active: boolean): readonly NoteSummary[] {
  const store = active ? noteListStore(doc) : noNotes
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

export function useCompanies(doc: Y.Doc): readonly Company[] {
  const store = companyListStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** The competence vocabulary, by name. */
export function useCompetences(doc: Y.Doc): readonly Competence[] {
  const store = competenceListStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** The notes that link to `id`, sorted by id. */
export function useBacklinks(doc: Y.Doc, id: NoteId): readonly NoteId[] {
  const store = backlinksStore(doc, id)
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
