import type { Awareness } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { Surface } from '../connection/hostSession'
import type { ExternalStore } from '../lib/externalStore'
import { sameStatus } from './combineStatus'
import { CountingWebSocket } from './countingWebSocket'

/**
 * - `offline`: no connection; edits stay in this document and sync on reconnect.
 * - `saving`: connected, but not yet synced or the host has not confirmed everything on disk.
 * - `saved`: everything this client sent is on the host's disk, and nobody else is here.
 * - `connected`: as `saved`, with other people present.
 * - `refused`: the host closed the connection for good (e.g. a revoked invite).
 */
export type SyncState = 'offline' | 'saving' | 'saved' | 'connected' | 'refused'

export type SyncStatus = {
  state: SyncState
  /** People present in the workspace, me included. */
  people: number
  /** Where "saved" means saved: the desktop's own host, or a remote one. */
  savedWhere: 'computer' | 'host'
  /** True while local edits exist that the host has not confirmed (worth a leave warning). */
  unsaved: boolean
  /** True once the first sync with the host completed on the current connection. */
  synced: boolean
}

export type SyncStatusStore = ExternalStore<SyncStatus> & { destroy(): void }

/** Awareness states that describe a person (tools and half-initialised clients are skipped). */
export function countPeople(awareness: Awareness): number {
  let people = 0
  awareness.getStates().forEach((state) => {
    if (typeof (state as { user?: unknown }).user === 'object') people++
  })
  return Math.max(people, 1)
}

/**
 * Derives the sync status from the provider, the socket's counters and awareness, and
 * notifies when it changes. The returned store owns its listeners; `destroy` removes them.
 */
export function createSyncStatusStore(input: {
  doc: Y.Doc
  provider: WebsocketProvider
  awareness: Awareness
  surface: Surface
}): SyncStatusStore & { countsChanged(): void; refuse(): void } {
  const { doc, provider, awareness } = input
  const savedWhere = input.surface === 'desktop' ? 'computer' : 'host'
  let refused = false
  let unsaved = false
  let everSynced = false
  let snapshot: SyncStatus = { state: 'offline', people: 1, savedWhere, unsaved, synced: false }
  const listeners = new Set<() => void>()

  const compute = (): SyncStatus => {
    const socket = provider.ws
    const people = countPeople(awareness)
    let state: SyncState
    if (refused) state = 'refused'
    else if (!provider.wsconnected) state = 'offline'
    else if (!provider.synced || !(socket instanceof CountingWebSocket) || !socket.allStored)
      state = 'saving'
    else state = people > 1 ? 'connected' : 'saved'
    if (state === 'saved' || state === 'connected') unsaved = false
    // Once synced, the document has the host's content even while offline later on.
    if (provider.synced) everSynced = true
    return { state, people, savedWhere, unsaved, synced: everSynced }
  }

  const update = (): void => {
    const next = compute()
    if (sameStatus(next, snapshot)) return
    snapshot = next
    for (const listener of [...listeners]) listener()
  }

  // `afterTransaction`, not `update`: a listener on `update` makes Yjs encode every
  // transaction, the 2 MiB first sync of a large board included, only for us to ignore it.
  const onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === provider) return
    if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return
    unsaved = true
    // After the transaction's `update` event, when the provider has sent (and counted) it.
    queueMicrotask(update)
  }
  const onClosed = (): void => {
    refused = true
    update()
  }
  provider.on('status', update)
  provider.on('sync', update)
  provider.on('closed', onClosed)
  awareness.on('change', update)
  doc.on('afterTransaction', onTransaction)

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => snapshot,
    countsChanged: update,
    refuse: onClosed,
    destroy() {
      provider.off('status', update)
      provider.off('sync', update)
      provider.off('closed', onClosed)
      awareness.off('change', update)
      doc.off('afterTransaction', onTransaction)
      listeners.clear()
    },
  }
}
