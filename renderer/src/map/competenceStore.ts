import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { observeCells } from '../../../shared/model/competence/cells'
import {
  buildCompetenceIndex,
  type CompetenceIndex,
} from '../../../shared/model/competence/matrixIndex'
import { observeVocabulary } from '../../../shared/model/competence/vocabulary'
import { companiesMap } from '../../../shared/model/schema'
import { createObservedStore, type ExternalStore } from '../lib/externalStore'

const stores = new WeakMap<Y.Doc, ExternalStore<CompetenceIndex>>()

/**
 * The competence map of a workspace (shared/model/competence/matrixIndex.ts) as one store:
 * rebuilt, in one pass, after a change to the companies, the vocabulary or the offers and
 * needs, and only while some view is subscribed. Every map view reads from this one index.
 */
export function competenceIndexStore(doc: Y.Doc): ExternalStore<CompetenceIndex> {
  let store = stores.get(doc)
  if (store === undefined) {
    store = createObservedStore(
      (onChange) => {
        const companies = companiesMap(doc)
        const handler = (): void => onChange()
        companies.observeDeep(handler)
        const stops = [observeCells(doc, onChange), observeVocabulary(doc, onChange)]
        return () => {
          companies.unobserveDeep(handler)
          for (const stop of stops) stop()
        }
      },
      () => buildCompetenceIndex(doc),
    )
    stores.set(doc, store)
  }
  return store
}

export function useCompetenceIndex(doc: Y.Doc): CompetenceIndex {
  const store = competenceIndexStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
