import * as Y from 'yjs'
import type { BoardActor } from './boardDoc'

/**
 * Helpers for board tests (and benches): actors and replica sync. Plain functions over Y
 * docs, no test framework, so they may be used from any test layer.
 */
export const ANNE: BoardActor = { id: 'u-anne', name: 'Anne' }
export const BJORN: BoardActor = { id: 'u-bjorn', name: 'Bjørn' }
export const CARI: BoardActor = { id: 'u-cari', name: 'Cari' }

/** Sends each replica what the other lacks, as a network eventually would. */
export function syncReplicas(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB)
  Y.applyUpdate(a, toA)
}

/** A second replica holding what `doc` holds now. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}
