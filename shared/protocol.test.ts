import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import {
  decodePeerMessage,
  decodeStoredMessage,
  encodeManifest,
  encodePeerDoc,
  encodePeerHello,
  encodePeerToken,
  encodeStoredMessage,
  formatSubDocId,
  MessageType,
  parseSubDocId,
  PEER_PROTOCOL_VERSION,
  PeerMessageType,
  readStoredMessage,
} from './protocol'

describe('Kryss wire additions', () => {
  it('round-trips a stored acknowledgement', () => {
    for (const count of [0, 1, 127, 128, 2 ** 31]) {
      expect(decodeStoredMessage(encodeStoredMessage(count))).toBe(count)
    }
  })

  it('reads the body the way a y-websocket message handler receives it', () => {
    const decoder = decoding.createDecoder(encodeStoredMessage(42))
    expect(decoding.readVarUint(decoder)).toBe(MessageType.stored)
    expect(readStoredMessage(decoder)).toBe(42)
  })

  it('refuses other message types and truncated input', () => {
    expect(() => decodeStoredMessage(new Uint8Array([0, 1]))).toThrow(/not a stored message/)
    expect(() => decodeStoredMessage(new Uint8Array([100]))).toThrow()
  })
})

describe('peer protocol', () => {
  it('round-trips hello, manifest and body messages', () => {
    const hello = { version: PEER_PROTOCOL_VERSION, hostId: 'host-abc123' }
    expect(decodePeerMessage(encodePeerHello(hello))).toEqual({
      type: PeerMessageType.hello,
      hello,
    })

    const entries = [
      { docId: 'notes/note-one', digest: new Uint8Array([1, 2, 3]) },
      { docId: 'boards/board-two', digest: new Uint8Array(16).fill(7) },
    ]
    expect(decodePeerMessage(encodeManifest(entries))).toEqual({
      type: PeerMessageType.manifest,
      entries,
    })
    expect(decodePeerMessage(encodeManifest([]))).toEqual({
      type: PeerMessageType.manifest,
      entries: [],
    })

    const doc = { docId: 'notes/note-one', sync: new Uint8Array([2, 3, 9, 9, 9]) }
    const decoded = decodePeerMessage(encodePeerDoc(doc))
    expect(decoded.type === PeerMessageType.doc && [...decoded.doc.sync]).toEqual([2, 3, 9, 9, 9])
  })

  it('names sub-documents by kind, and reads no bare or unknown name as one', () => {
    expect(formatSubDocId({ kind: 'note', id: 'note-one' })).toBe('notes/note-one')
    expect(formatSubDocId({ kind: 'board', id: 'board-one' })).toBe('boards/board-one')
    expect(parseSubDocId('boards/board-one')).toEqual({ kind: 'board', id: 'board-one' })
    expect(parseSubDocId('notes/note-one')).toEqual({ kind: 'note', id: 'note-one' })
    // A v2 peer's bare note id, another kind, a bad id or a nested path are none.
    for (const name of ['note-one', 'pages/x-one', 'boards/../x', 'boards/a', 'notes/a/b', '']) {
      expect(parseSubDocId(name)).toBeUndefined()
    }
  })

  it('uses types that do not collide with y-websocket or the stored ack', () => {
    const standard = new Set<number>(Object.values(MessageType))
    for (const type of Object.values(PeerMessageType)) expect(standard.has(type)).toBe(false)
  })

  it('refuses bad host ids, lying counts, empty body messages and other types', () => {
    const badId = encodePeerHello({ version: 1, hostId: 'ok-id' }).slice()
    badId[badId.length - 1] = 0x2f // '/'
    expect(() => decodePeerMessage(badId)).toThrow(/host id/)
    expect(() => decodePeerMessage(new Uint8Array([102, 0xff, 0xff, 0x03]))).toThrow(/bad count/)
    expect(() => decodePeerMessage(new Uint8Array([103, 1, 0x61]))).toThrow(/empty/)
    expect(() => decodePeerMessage(new Uint8Array([102, 1, 5, 0x61]))).toThrow()
    expect(() => decodePeerMessage(new Uint8Array([0, 0]))).toThrow(/not a peer message/)
  })

  it('round-trips a token and refuses one that is not a token', () => {
    const token = 'abcdefghijklmnop_-0123456789'
    expect(decodePeerMessage(encodePeerToken(token))).toEqual({
      type: PeerMessageType.token,
      token,
    })
    expect(() => decodePeerMessage(encodePeerToken('short'))).toThrow(/not a token/)
    expect(() => decodePeerMessage(encodePeerToken('x'.repeat(20) + '/'))).toThrow(/not a token/)
  })
})
