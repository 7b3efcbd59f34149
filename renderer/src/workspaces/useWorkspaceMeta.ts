import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import {
  observeWorkspaceMeta,
  readWorkspaceMeta,
  type WorkspaceMeta,
} from '../../../shared/model/workspace'
import { createObservedStore, shallowEqual, type ExternalStore } from '../lib/externalStore'

const metaStores = new WeakMap<Y.Doc, ExternalStore<WorkspaceMeta>>()

function metaStore(doc: Y.Doc): ExternalStore<WorkspaceMeta> {
  let store = metaStores.get(doc)
  if (store === undefined) {
    store = createObservedStore(
      (onChange) => observeWorkspaceMeta(doc, onChange),
      () => readWorkspaceMeta(doc),
      shallowEqual,
    )
    metaStores.set(doc, store)
  }
  return store
}

/** The workspace document's own meta record (name, example-data flag, schema version). */
export function useWorkspaceMeta(doc: Y.Doc): WorkspaceMeta {
  const store = metaStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
