import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
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
