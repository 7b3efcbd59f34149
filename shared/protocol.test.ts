import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import {
  decodeStoredMessage,
  encodeStoredMessage,
  MessageType,
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
