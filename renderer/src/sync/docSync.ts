import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider, messageSync } from 'y-websocket'
import * as Y from 'yjs'
import { syncUrlForHost } from '../../../shared/invite'
import {
  KRYSS_PROTOCOL_PARAM,
  KRYSS_PROTOCOL_VERSION,
  MessageType,
  readStoredMessage,
} from '../../../shared/protocol'
import type { Surface, SyncTarget } from '../connection/hostSession'
import { CountingWebSocket, countingWebSocketClass } from './countingWebSocket'
import type { PresenceState } from './presenceState'
import { createSyncStatusStore, type SyncStatusStore } from './syncStatus'

/** One document synced with the host: a workspace root, or one note's body. */
export type DocSync = {
  doc: Y.Doc
  provider: WebsocketProvider
  awareness: Awareness
  status: SyncStatusStore
  destroy(): void
}

/**
 * Opens a room (shared/rooms.ts): a fresh Y.Doc synced with the host over the standard
 * y-websocket protocol, opted in to Kryss's `stored` acknowledgements.
 */
export function openDocSync(input: {
  room: string
  target: SyncTarget
  surface: Surface
  presence: PresenceState
  /** More URL parameters: capabilities this room's client asks for (shared/protocol.ts). */
  params?: Record<string, string>
}): DocSync {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState(input.presence)

  // The socket class needs the status store, which needs the provider: late binding.
  const statusRef: { current?: ReturnType<typeof createSyncStatusStore> } = {}
  const provider = new WebsocketProvider(syncUrlForHost(input.target.hostUrl), input.room, doc, {
    connect: false,
    awareness,
    params: {
      token: input.target.token,
      [KRYSS_PROTOCOL_PARAM]: String(KRYSS_PROTOCOL_VERSION),
      ...input.params,
    },
    WebSocketPolyfill: countingWebSocketClass(() => statusRef.current?.countsChanged()),
    // WARNING: cross-tab BroadcastChannel sync would let one tab's "saved" depend on another
    // tab's socket, and would bypass the host's token check between tabs. Each tab talks to
    // the host itself.
    disableBc: true,
  })
  // The host's durability ack. The handler must leave `encoder` empty: y-websocket sends
  // whatever a handler writes back to the host.
  provider.messageHandlers[MessageType.stored] = (_encoder, decoder, current) => {
    const count = readStoredMessage(decoder)
    if (current.ws instanceof CountingWebSocket) current.ws.acknowledge(count)
  }
  quietProviderUpdates(provider)
  const status = createSyncStatusStore({ doc, provider, awareness, surface: input.surface })
  statusRef.current = status
  provider.connect()

  return {
    doc,
    provider,
    awareness,
    status,
    destroy() {
      status.destroy()
      provider.destroy()
      awareness.destroy()
      doc.destroy()
    },
  }
}

/**
 * Applies what the host sends without Yjs encoding it again. Yjs encodes every transaction
 * into an `update` event as long as anyone listens to `update`, and the provider listens
 * (to send local edits), though it ignores what came from itself. For the first sync of a
 * 10k-sticky board that is a 2 MiB encode for nothing (~80 ms). So while a sync message is
 * applied, the provider's listener is off; it is the document's only `update` listener (the
 * sync status watches transactions instead), so nothing is encoded.
 *
 * WARNING: an observer may write a local change while the message is applied. The first
 * transaction of another origin turns the listener back on at once: `afterTransaction`
 * comes before Yjs decides whether to encode that transaction, so it is still sent.
 */
function quietProviderUpdates(provider: WebsocketProvider): void {
  const handle = provider.messageHandlers[messageSync]
  if (handle === undefined) return
  provider.messageHandlers[messageSync] = (encoder, decoder, current, emitSynced, type) => {
    const { doc } = current
    let quiet = true
    const loud = (): void => {
      if (!quiet) return
      quiet = false
      doc.on('update', current._updateHandler)
    }
    const onTransaction = (transaction: Y.Transaction): void => {
      if (transaction.origin !== current) loud()
    }
    doc.off('update', current._updateHandler)
    doc.on('afterTransaction', onTransaction)
    try {
      handle(encoder, decoder, current, emitSynced, type)
    } finally {
      doc.off('afterTransaction', onTransaction)
      loud()
    }
  }
}
