import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import {
  listNoteVersions,
  noteVersionsMap,
  type NoteVersion,
} from '../../../../shared/model/history'
import { noteBodyFragment } from '../../../../shared/model/noteBody'
import { arraysEqual, createObservedStore, type ExternalStore } from '../../lib/externalStore'

function sameVersion(a: NoteVersion, b: NoteVersion): boolean {
  return (
    a.id === b.id &&
    a.at === b.at &&
    a.label === b.label &&
    a.kind === b.kind &&
    a.restoredFrom === b.restoredFrom &&
    arraysEqual(a.by, b.by, Object.is)
  )
}

const versionStores = new WeakMap<Y.Doc, ExternalStore<readonly NoteVersion[]>>()

/** A note's versions, newest first (one store per body document). */
export function useNoteVersions(bodyDoc: Y.Doc): readonly NoteVersion[] {
  let store = versionStores.get(bodyDoc)
  if (store === undefined) {
    const map = noteVersionsMap(bodyDoc)
    store = createObservedStore<readonly NoteVersion[]>(
      (onChange) => {
        map.observeDeep(onChange)
        return () => map.unobserveDeep(onChange)
      },
      () => listNoteVersions(bodyDoc),
      (a, b) => arraysEqual(a, b, sameVersion),
    )
    versionStores.set(bodyDoc, store)
  }
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/**
 * A value derived from the live body, recomputed when the body changes (for comparing a
 * version with the current text while people keep typing).
 */
export function useBodyDerived<T>(bodyDoc: Y.Doc, read: (fragment: Y.XmlFragment) => T): T {
  const store = useMemo(() => {
    const fragment = noteBodyFragment(bodyDoc)
    return createObservedStore<T>(
      (onChange) => {
        fragment.observeDeep(onChange)
        return () => fragment.unobserveDeep(onChange)
      },
      () => read(fragment),
    )
  }, [bodyDoc, read])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
