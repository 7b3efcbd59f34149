import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { observeCells } from '../../../shared/model/competence/cells'
import {
  buildCompetenceIndex,
  type CompetenceIndex,
} from '../../../shared/model/competence/matrixIndex'
import { observeVocabulary } from '../../../shared/model/competence/vocabulary'
import { companiesMap } from '../../../shared/model/schema'
import type { ExternalStore } from '../lib/externalStore'

const stores = new WeakMap<Y.Doc, ExternalStore<CompetenceIndex>>()

/**
 * The competence map of a workspace (shared/model/competence/matrixIndex.ts) as one store,
 * built in one pass when read after a change to the companies, the vocabulary or the offers
 * and needs. Every map view reads from this one index.
 *
 * From its first use it watches the document for as long as the document lives, and keeps
 * the last index while nobody reads it: the watchers only mark it stale, so going from one
 * view of the map to the next (the old one unsubscribes before the new one subscribes), or
 * coming back to the map, rebuilds nothing unless something changed (a build is ~25 ms at
 * 50 × 300 in Chromium; bench/competenceBrowser.ts).
 */
export function competenceIndexStore(doc: Y.Doc): ExternalStore<CompetenceIndex> {
  let store = stores.get(doc)
  if (store === undefined) {
    store = createIndexStore(doc)
    stores.set(doc, store)
  }
  return store
}

function createIndexStore(doc: Y.Doc): ExternalStore<CompetenceIndex> {
  let snapshot: CompetenceIndex | undefined
  const listeners = new Set<() => void>()
  const onChange = (): void => {
    snapshot = undefined
    for (const listener of [...listeners]) listener()
  }
  const companies = companiesMap(doc)
  const onCompanies = (): void => onChange()
  companies.observeDeep(onCompanies)
  const stops = [observeCells(doc, onChange), observeVocabulary(doc, onChange)]
  doc.once('destroy', () => {
    companies.unobserveDeep(onCompanies)
    for (const stop of stops) stop()
  })
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot() {
      snapshot ??= buildCompetenceIndex(doc)
      return snapshot
    },
  }
}

export function useCompetenceIndex(doc: Y.Doc): CompetenceIndex {
  const store = competenceIndexStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
