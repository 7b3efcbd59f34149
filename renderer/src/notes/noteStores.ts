import type * as Y from 'yjs'
import type { CompanyId, NoteId } from '../../../shared/ids'
import { listCompanies } from '../../../shared/model/companies'
import {
  getNote,
  listNotes,
  observeNoteList,
  sameNoteSummary,
  type NoteSummary,
} from '../../../shared/model/notes'
import { companiesMap } from '../../../shared/model/schema'
import {
  arraysEqual,
  createObservedStore,
  type ExternalStore,
} from '../lib/externalStore'

/**
 * Stores over a workspace document's notes, shared by every component that shows them. One
 * store per document (and per note) means one observer and one sorted list, however many
 * components read it.
 */
const noteListStores = new WeakMap<Y.Doc, ExternalStore<readonly NoteSummary[]>>()
const noteStores = new WeakMap<Y.Doc, Map<NoteId, ExternalStore<NoteSummary | undefined>>>()
const companyStores = new WeakMap<Y.Doc, ExternalStore<ReadonlyMap<CompanyId, string>>>()

export const sameSummary = sameNoteSummary

/** All notes, most recently updated first. A new array only when something listed changed. */
export function noteListStore(doc: Y.Doc): ExternalStore<readonly NoteSummary[]> {
  let store = noteListStores.get(doc)
  if (store === undefined) {
    store = createObservedStore<readonly NoteSummary[]>(
      (onChange) => observeNoteList(doc, onChange),
      () => listNotes(doc),
      (a, b) => arraysEqual(a, b, sameSummary),
    )
    noteListStores.set(doc, store)
  }
  return store
}

/** One note's fields (not its body), or undefined when it does not exist (yet). */
export function noteStore(doc: Y.Doc, id: NoteId): ExternalStore<NoteSummary | undefined> {
  let byId = noteStores.get(doc)
  if (byId === undefined) {
    byId = new Map()
    noteStores.set(doc, byId)
  }
  let store = byId.get(id)
  if (store === undefined) {
    store = createObservedStore(
      (onChange) => observeNoteList(doc, onChange),
      () => getNote(doc, id),
      (a, b) => a === b || (a !== undefined && b !== undefined && sameSummary(a, b)),
    )
    byId.set(id, store)
  }
  return store
}

/** Company names by id, for labelling notes with their owning company. */
export function companyNamesStore(doc: Y.Doc): ExternalStore<ReadonlyMap<CompanyId, string>> {
  let store = companyStores.get(doc)
  if (store === undefined) {
    store = createObservedStore<ReadonlyMap<CompanyId, string>>(
      (onChange) => {
        const companies = companiesMap(doc)
        const handler = (): void => onChange()
        companies.observeDeep(handler)
        return () => companies.unobserveDeep(handler)
      },
      () => new Map(listCompanies(doc).map((company) => [company.id, company.name])),
      (a, b) => a.size === b.size && [...a].every(([id, name]) => b.get(id) === name),
    )
    companyStores.set(doc, store)
  }
  return store
}
