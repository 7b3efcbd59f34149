import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * Kryss's additions to the y-websocket wire protocol (see docs/PROTOCOL.md).
 *
 * The wire stays the standard y-websocket protocol (y-protocols sync = 0, awareness = 1,
 * auth = 2, query-awareness = 3), so a stock `WebsocketProvider` syncs with any Kryss host.
 * A client that understands the additions says so with the URL parameter
 * `kryss=<KRYSS_PROTOCOL_VERSION>`; only then does the host send them, because a stock client
 * logs an error for message types it does not know.
 */
export const KRYSS_PROTOCOL_VERSION = 1

/** URL query parameter with which a client opts in to the additions. */
export const KRYSS_PROTOCOL_PARAM = 'kryss'

/** Standard y-websocket message types, for readers of the host code. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Kryss v1: "the first `count` sync messages you sent on this connection are on disk". */
  stored: 100,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/**
 * Encodes a `stored` acknowledgement. `count` is the number of sync-protocol messages
 * (type 0) received from this connection whose effects the host has made durable.
 */
export function encodeStoredMessage(count: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.stored)
  encoding.writeVarUint(encoder, count)
  return encoding.toUint8Array(encoder)
}

/**
 * Reads the body of a `stored` message whose type varint was already consumed by the
 * caller (as y-websocket's message handlers receive it).
 */
export function readStoredMessage(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder)
}

/** Decodes a whole `stored` message, for tests and tools. */
export function decodeStoredMessage(message: Uint8Array): number {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  if (type !== MessageType.stored) throw new Error(`not a stored message (type ${type})`)
  return readStoredMessage(decoder)
}
