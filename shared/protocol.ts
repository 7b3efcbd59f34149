import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { TOKEN_PATTERN } from './ids'

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
  /**
   * Host → client, first on a board room for a client that asked with `preview=1`: the
   * board's items as JSON text (shared/model/board/preview.ts), to draw before the document
   * has arrived and applied.
   */
  boardPreview: 110,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/**
 * URL query parameter with which a client (besides `kryss=1`) asks for a `boardPreview`
 * before a board's document. A capability of its own, so older hosts and clients need not
 * change the protocol version: a host that does not know it sends no preview.
 */
export const BOARD_PREVIEW_PARAM = 'preview'

export function encodeBoardPreviewMessage(json: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.boardPreview)
  encoding.writeVarString(encoder, json)
  return encoding.toUint8Array(encoder)
}

/** Reads the body of a `boardPreview` message whose type was already consumed. */
export function readBoardPreviewMessage(decoder: decoding.Decoder): string {
  return decoding.readVarString(decoder)
}

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

/**
 * Version of the host-to-host peer protocol (docs/PROTOCOL.md, "Peer links"). A peer link is a
 * connection to a workspace's root room with `peer=<hostId>` besides `kryss=1`; both ends then
 * speak the peer messages below. Stock clients never see them.
 */
export const PEER_PROTOCOL_VERSION = 3

/**
 * Oldest peer protocol version a host still links with. Version 3 names sub-documents by kind
 * (`notes/<id>`, `boards/<id>`) in `manifest` and `doc`, where v1 and v2 sent a bare note id:
 * the two cannot be mixed on one link without taking a board for a note, so an older peer is
 * refused at `hello` (close 4400 "peer version", and a log line on both hosts).
 */
export const MIN_PEER_PROTOCOL_VERSION = 3

/** First peer protocol version that understands the `token` message. */
export const PEER_TOKEN_VERSION = 2

/** URL query parameter carrying the dialling host's id: the link is a peer link. */
export const PEER_PARAM = 'peer'

/** Message types of the peer protocol, above the `stored` acknowledgement. */
export const PeerMessageType = {
  /** First message each way: protocol version and the sender's host id. */
  hello: 101,
  /** One digest per sub-document (note body, board) the sender has, so the other side learns which differ. */
  manifest: 102,
  /** A y-protocols sync message (step 1, step 2, update) for one sub-document. */
  doc: 103,
  /**
   * v2, accepting host → dialling host: "the workspace token is now this"; sent on rotation to a
   * link that authenticated with the old token, just before the link is closed with 4401.
   */
  token: 104,
} as const
export type PeerMessageType = (typeof PeerMessageType)[keyof typeof PeerMessageType]

/** Host ids are short ASCII strings (random base-36 in practice); the wire accepts these. */
export const HOST_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/

/** What each side says first on a peer link. */
export type PeerHello = { version: number; hostId: string }

/**
 * The kinds of sub-documents a workspace has besides its root, and the path segment each is
 * named by on the wire (the same as in room names and folders: `notes/<id>`, `boards/<id>`).
 */
export const SUB_DOC_FOLDERS = { note: 'notes', board: 'boards' } as const
export type SubDocKind = keyof typeof SUB_DOC_FOLDERS

/** A sub-document named on a peer link: its kind and id. */
export type SubDocRef = { kind: SubDocKind; id: string }

const SUB_DOC_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/

/** The wire name of a sub-document (v3): `notes/<id>` or `boards/<id>`. */
export function formatSubDocId(ref: SubDocRef): string {
  return `${SUB_DOC_FOLDERS[ref.kind]}/${ref.id}`
}

/** Reads a wire name; undefined for anything else (a v2 bare note id among them). */
export function parseSubDocId(name: string): SubDocRef | undefined {
  const slash = name.indexOf('/')
  if (slash < 0) return undefined
  const folder = name.slice(0, slash)
  const id = name.slice(slash + 1)
  if (!SUB_DOC_ID_PATTERN.test(id)) return undefined
  for (const kind of Object.keys(SUB_DOC_FOLDERS) as SubDocKind[]) {
    if (SUB_DOC_FOLDERS[kind] === folder) return { kind, id }
  }
  return undefined
}

/**
 * One sub-document's entry in a manifest: its wire name ({@link formatSubDocId}) and a digest
 * of its state (vector + delete set).
 */
export type ManifestEntry = { docId: string; digest: Uint8Array }

/** A sub-document's sync message: `sync` is the y-protocols sync message, step byte included. */
export type PeerDocMessage = { docId: string; sync: Uint8Array }

/** A peer frame that does not decode; the connection that sent it is closed. */
export class PeerProtocolError extends Error {
  override readonly name = 'PeerProtocolError'
}

export function encodePeerHello(hello: PeerHello): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, PeerMessageType.hello)
  encoding.writeVarUint(encoder, hello.version)
  encoding.writeVarString(encoder, hello.hostId)
  return encoding.toUint8Array(encoder)
}

/** Reads a hello body (type already consumed). Throws {@link PeerProtocolError} on bad ids. */
export function readPeerHello(decoder: decoding.Decoder): PeerHello {
  const version = decoding.readVarUint(decoder)
  const hostId = decoding.readVarString(decoder)
  if (!HOST_ID_PATTERN.test(hostId)) throw new PeerProtocolError('not a host id')
  return { version, hostId }
}

/**
 * Encodes a manifest. 10k bodies with 16-byte digests are about 350 KB: one frame, sent once
 * per link, instead of opening 10k body documents.
 */
export function encodeManifest(entries: readonly ManifestEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, PeerMessageType.manifest)
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarString(encoder, entry.docId)
    encoding.writeVarUint8Array(encoder, entry.digest)
  }
  return encoding.toUint8Array(encoder)
}

export function readManifest(decoder: decoding.Decoder): ManifestEntry[] {
  const count = decoding.readVarUint(decoder)
  // Every entry takes at least two bytes; a larger count is a lie about the frame.
  if (count * 2 > decoder.arr.length - decoder.pos) throw new PeerProtocolError('bad count')
  const entries: ManifestEntry[] = []
  for (let i = 0; i < count; i++) {
    const docId = decoding.readVarString(decoder)
    const digest = decoding.readVarUint8Array(decoder)
    entries.push({ docId, digest })
  }
  return entries
}

/** Wraps a y-protocols sync message (as `writeSyncStep1`/`writeUpdate` write it) for a body. */
export function encodePeerDoc(message: PeerDocMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, PeerMessageType.doc)
  encoding.writeVarString(encoder, message.docId)
  encoding.writeUint8Array(encoder, message.sync)
  return encoding.toUint8Array(encoder)
}

/** Reads a body's sync message; `sync` is a view of the rest of the frame. */
export function readPeerDoc(decoder: decoding.Decoder): PeerDocMessage {
  const docId = decoding.readVarString(decoder)
  const sync = decoder.arr.subarray(decoder.pos)
  if (sync.length === 0) throw new PeerProtocolError('empty body sync message')
  decoder.pos = decoder.arr.length
  return { docId, sync }
}

/** Encodes a `token` message: the workspace's new token, for a peer the owner already trusts. */
export function encodePeerToken(token: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, PeerMessageType.token)
  encoding.writeVarString(encoder, token)
  return encoding.toUint8Array(encoder)
}

/** Reads a `token` body (type already consumed). Throws {@link PeerProtocolError} on a bad token. */
export function readPeerToken(decoder: decoding.Decoder): string {
  const token = decoding.readVarString(decoder)
  if (!TOKEN_PATTERN.test(token)) throw new PeerProtocolError('not a token')
  return token
}

/** Decodes any peer message (type included), for tests and tools. */
export function decodePeerMessage(
  message: Uint8Array,
):
  | { type: typeof PeerMessageType.hello; hello: PeerHello }
  | { type: typeof PeerMessageType.manifest; entries: ManifestEntry[] }
  | { type: typeof PeerMessageType.doc; doc: PeerDocMessage }
  | { type: typeof PeerMessageType.token; token: string } {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case PeerMessageType.hello:
      return { type, hello: readPeerHello(decoder) }
    case PeerMessageType.manifest:
      return { type, entries: readManifest(decoder) }
    case PeerMessageType.doc:
      return { type, doc: readPeerDoc(decoder) }
    case PeerMessageType.token:
      return { type, token: readPeerToken(decoder) }
    default:
      throw new PeerProtocolError(`not a peer message (type ${type})`)
  }
}
