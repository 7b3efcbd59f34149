import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { NoteId } from '../../../shared/ids'
import {
  observeSharedTo,
  readSharedTo,
  sameSharedTo,
  type SharedCopy,
} from '../../../shared/model/noteShare'
import { createObservedStore, type ExternalStore } from '../lib/externalStore'

const stores = new WeakMap<Y.Doc, Map<NoteId, ExternalStore<readonly SharedCopy[]>>>()

/** Where a private note was shared, straight from the root document (one store per note). */
export function sharedToStore(doc: Y.Doc, noteId: NoteId): ExternalStore<readonly SharedCopy[]> {
  let byNote = stores.get(doc)
  if (byNote === undefined) {
    byNote = new Map<NoteId, ExternalStore<readonly SharedCopy[]>>()
    stores.set(doc, byNote)
  }
  let store = byNote.get(noteId)
  if (store === undefined) {
    store = createObservedStore<readonly SharedCopy[]>(
      (onChange) => observeSharedTo(doc, noteId, onChange),
      () => readSharedTo(doc, noteId),
      sameSharedTo,
    )
    byNote.set(noteId, store)
  }
  return store
}

export function useSharedTo(doc: Y.Doc, noteId: NoteId): readonly SharedCopy[] {
  const store = sharedToStore(doc, noteId)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
