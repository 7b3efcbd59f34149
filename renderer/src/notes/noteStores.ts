import type * as Y from 'yjs'
import type { CompanyId, NoteId } from '../../../shared/ids'
import {
  listCompanies,
  listCompetences,
  type Company,
  type Competence,
} from '../../../shared/model/companies'
import { createBacklinkIndex, type BacklinkIndex } from '../../../shared/model/links'
import {
  getNote,
  listNotes,
  observeNoteList,
  sameNoteSummary,
  type NoteSummary,
} from '../../../shared/model/notes'
import { companiesMap, competencesMap } from '../../../shared/model/schema'
import { arraysEqual, createObservedStore, type ExternalStore } from '../lib/externalStore'

/**
 * Stores over a workspace document's notes, shared by every component that shows them. One
 * store per document (and per note) means one observer and one sorted list, however many
 * components read it.
 */
const noteListStores = new WeakMap<Y.Doc, ExternalStore<readonly NoteSummary[]>>()
const noteStores = new WeakMap<Y.Doc, Map<NoteId, ExternalStore<NoteSummary | undefined>>>()
const companyStores = new WeakMap<Y.Doc, ExternalStore<ReadonlyMap<CompanyId, string>>>()
const companyListStores = new WeakMap<Y.Doc, ExternalStore<readonly Company[]>>()
const competenceStores = new WeakMap<Y.Doc, ExternalStore<readonly Competence[]>>()
const backlinkIndexes = new WeakMap<Y.Doc, BacklinkIndex>()
const backlinkStores = new WeakMap<Y.Doc, Map<NoteId, ExternalStore<readonly NoteId[]>>>()

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

function observeDeep<T>(map: Y.Map<T>, onChange: () => void): () => void {
  const handler = (): void => onChange()
  map.observeDeep(handler)
  return () => map.unobserveDeep(handler)
}

const sameCompany = (a: Company, b: Company): boolean =>
  a.id === b.id &&
  a.name === b.name &&
  a.industry === b.industry &&
  a.location === b.location &&
  a.description === b.description &&
  a.color === b.color &&
  a.sizeBand === b.sizeBand &&
  a.website === b.website &&
  a.contactPerson === b.contactPerson &&
  a.contactEmail === b.contactEmail

/** The workspace's companies, by name, for the owning-company picker. */
export function companyListStore(doc: Y.Doc): ExternalStore<readonly Company[]> {
  let store = companyListStores.get(doc)
  if (store === undefined) {
    store = createObservedStore<readonly Company[]>(
      (onChange) => observeDeep(companiesMap(doc), onChange),
      () => listCompanies(doc),
      (a, b) => arraysEqual(a, b, sameCompany),
    )
    companyListStores.set(doc, store)
  }
  return store
}

/** The workspace's competence vocabulary, by name. */
export function competenceListStore(doc: Y.Doc): ExternalStore<readonly Competence[]> {
  let store = competenceStores.get(doc)
  if (store === undefined) {
    store = createObservedStore<readonly Competence[]>(
      (onChange) => observeDeep(competencesMap(doc), onChange),
      () => listCompetences(doc),
      (a, b) =>
        arraysEqual(
          a,
          b,
          (x, y) => x.id === y.id && x.name === y.name && x.category === y.category,
        ),
    )
    competenceStores.set(doc, store)
  }
  return store
}

/**
 * The backlink index of a document: one per document, built on first use and kept current
 * from Yjs events for as long as the document lives (it is destroyed with the document).
 */
export function backlinkIndex(doc: Y.Doc): BacklinkIndex {
  let index = backlinkIndexes.get(doc)
  if (index === undefined) {
    const created = createBacklinkIndex(doc)
    doc.once('destroy', () => created.destroy())
    backlinkIndexes.set(doc, created)
    index = created
  }
  return index
}

const NO_NOTES: readonly NoteId[] = []

/** The notes linking to `id`, sorted by id; a new array only when that set changed. */
export function backlinksStore(doc: Y.Doc, id: NoteId): ExternalStore<readonly NoteId[]> {
  let byId = backlinkStores.get(doc)
  if (byId === undefined) {
    byId = new Map()
    backlinkStores.set(doc, byId)
  }
  let store = byId.get(id)
  if (store === undefined) {
    const index = backlinkIndex(doc)
    store = createObservedStore<readonly NoteId[]>(
      (onChange) =>
        index.subscribe((changed) => {
          if (changed.has(id)) onChange()
        }),
      () => {
        const sources = index.backlinks(id)
        return sources.size === 0 ? NO_NOTES : [...sources].sort()
      },
      (a, b) => arraysEqual(a, b, (x, y) => x === y),
    )
    byId.set(id, store)
  }
  return store
}
