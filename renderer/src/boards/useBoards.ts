import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { BoardId } from '../../../shared/ids'
import { listBoards, observeBoardList, type BoardSummary } from '../../../shared/model/boards'
import { arraysEqual, createObservedStore, type ExternalStore } from '../lib/externalStore'

/** One store per workspace document: one observer and one sorted list, however many readers. */
const boardListStores = new WeakMap<Y.Doc, ExternalStore<readonly BoardSummary[]>>()

export function sameBoardSummary(a: BoardSummary, b: BoardSummary): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.createdAt === b.createdAt &&
    a.createdBy === b.createdBy &&
    a.updatedAt === b.updatedAt &&
    a.template === b.template
  )
}

/**
 * The workspace's boards, most recently changed first (the root document's `boards` map, see
 * shared/model/boards.ts). Re-read only when that map or a board's own fields change, and a
 * list equal to the previous one keeps its reference, so readers do not re-render for
 * unrelated edits to the workspace.
 */
export function boardListStore(doc: Y.Doc): ExternalStore<readonly BoardSummary[]> {
  let store = boardListStores.get(doc)
  if (store === undefined) {
    store = createObservedStore<readonly BoardSummary[]>(
      (onChange) => observeBoardList(doc, onChange),
      () => listBoards(doc),
      (a, b) => arraysEqual(a, b, sameBoardSummary),
    )
    boardListStores.set(doc, store)
  }
  return store
}

export function useBoards(doc: Y.Doc): readonly BoardSummary[] {
  const store = boardListStore(doc)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** One board's list entry, or undefined when it is not (or no longer) in the list. */
export function useBoardSummary(doc: Y.Doc, id: BoardId): BoardSummary | undefined {
  const store = boardListStore(doc)
  return useSyncExternalStore(store.subscribe, () =>
    store.getSnapshot().find((board) => board.id === id),
  )
}
