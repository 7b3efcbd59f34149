import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { MatchMark } from '../../../../shared/model/competence/matchStatus'
import { observeMatchMarks } from '../../../../shared/model/competence/matchStatus'
import type { CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { readMatchMarks } from '../../../../shared/model/competence/pipeline'
import { createObservedStore, type ExternalStore } from '../../lib/externalStore'

const versions = new WeakMap<Y.Doc, ExternalStore<object>>()

/**
 * A token that changes whenever a match mark changes (someone marked a match, here or on
 * another screen). The marks themselves are read from the document with the index's
 * resolver, so a mark made before a merge lands on the merged competence.
 */
function marksVersion(doc: Y.Doc): ExternalStore<object> {
  let store = versions.get(doc)
  if (store === undefined) {
    store = createObservedStore(
      (onChange) => observeMatchMarks(doc, onChange),
      () => ({}),
    )
    versions.set(doc, store)
  }
  return store
}

/** The workspace's match marks, keyed by the match as it stands now; live. */
export function useMatchMarks(doc: Y.Doc, index: CompetenceIndex): ReadonlyMap<string, MatchMark> {
  const store = marksVersion(doc)
  const version = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return useMemo(
    () => {
      void version
      return readMatchMarks(doc, index.resolve)
    },
    // `version` is the change of marks; `index` the change of merges.
    [doc, index, version],
  )
}
