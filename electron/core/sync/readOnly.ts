import * as Y from 'yjs'

/**
 * Whether applying `update` would change `doc`: it carries an item the doc lacks, or deletes
 * something the doc has not deleted. A read-only client's sync step 2 (its answer to the host's
 * step 1) holds its whole delete set even when it changed nothing, so "not empty" is not the
 * test; "new to the host" is.
 */
export function updateChangesDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  const stateVector = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    if (struct.id.clock + struct.length > (stateVector.get(struct.id.client) ?? 0)) return true
  }
  if (ds.clients.size === 0) return false
  const own = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; clock++) {
        if (!Y.isDeleted(own, Y.createID(client, clock))) return true
      }
    }
  }
  return false
}
