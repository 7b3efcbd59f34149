/**
 * On-disk framing for the document store.
 *
 * A file is an 8-byte header (`KRYS` + a 3-letter kind + a version digit) followed by frames:
 *
 * ```
 * | length: u32 LE | crc: u32 LE | payload: `length` bytes |
 * ```
 *
 * `crc` is CRC-32 (IEEE) over the four length bytes *and* the payload. Covering the length means
 * a zero-filled tail (what some filesystems leave after a crash that extended the file but lost
 * its data) reads as a bad frame, not as a run of valid empty frames, and a corrupted length
 * that still lands inside the file is caught too.
 */

/** Bytes of `length` + `crc` in front of every payload. */
export const FRAME_OVERHEAD = 8

/**
 * Largest payload we accept. A length above this is treated as garbage rather than trusted for
 * an allocation; it is far above any real Yjs update or snapshot we expect (DESIGN.md scale).
 */
export const MAX_FRAME_BYTES = 512 * 1024 * 1024

/** Why {@link decodeFrames} stopped: clean end of input, or the kind of damage it found. */
export type FrameStop = 'end' | 'torn' | 'crc' | 'oversize'

export type DecodedFrames = {
  /** Payloads of the good frames, in order. Views into the input buffer, not copies. */
  frames: Uint8Array[]
  /** Offset just past the last good frame: the end of the valid prefix. */
  end: number
  /** `'end'` when the whole input was good frames; otherwise what broke at `end`. */
  stop: FrameStop
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/**
 * Continues a CRC-32 (IEEE 802.3, the zlib/PNG one) over `bytes`. Start with `crc = 0`; feed the
 * result back in to checksum data that arrives in pieces.
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return ~c >>> 0
}

/** Wraps one payload in a length + CRC frame. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  if (payload.length > MAX_FRAME_BYTES) {
    throw new RangeError(`frame payload of ${payload.length} bytes exceeds ${MAX_FRAME_BYTES}`)
  }
  const out = new Uint8Array(FRAME_OVERHEAD + payload.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, payload.length, true)
  out.set(payload, FRAME_OVERHEAD)
  view.setUint32(4, crc32(payload, crc32(out.subarray(0, 4))), true)
  return out
}

/**
 * Reads consecutive frames from `buf` starting at `start` until the input ends or a frame is
 * damaged. Everything before `end` is trustworthy; everything from `end` on is not, and the
 * caller decides what to do with it (the store quarantines it; it never skips ahead, because
 * after one bad length there is no reliable way to find the next frame boundary).
 */
export function decodeFrames(
  buf: Uint8Array,
  start: number,
  maxFrameBytes = MAX_FRAME_BYTES,
): DecodedFrames {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const frames: Uint8Array[] = []
  let pos = start
  while (pos < buf.length) {
    if (buf.length - pos < FRAME_OVERHEAD) return { frames, end: pos, stop: 'torn' }
    const length = view.getUint32(pos, true)
    if (length > maxFrameBytes) return { frames, end: pos, stop: 'oversize' }
    const payloadStart = pos + FRAME_OVERHEAD
    if (buf.length - payloadStart < length) return { frames, end: pos, stop: 'torn' }
    const payload = buf.subarray(payloadStart, payloadStart + length)
    const expected = view.getUint32(pos + 4, true)
    if (crc32(payload, crc32(buf.subarray(pos, pos + 4))) !== expected) {
      return { frames, end: pos, stop: 'crc' }
    }
    frames.push(payload)
    pos = payloadStart + length
  }
  return { frames, end: pos, stop: 'end' }
}

const MAGIC = 'KRYS'

/** File kinds and the format version this code writes and reads. */
export const FILE_KINDS = {
  log: 'LOG1',
  snapshot: 'SNP1',
} as const
export type FileKind = keyof typeof FILE_KINDS

/** Length of the header every store file begins with. */
export const HEADER_BYTES = 8

/** The header this code writes for a file of `kind`. */
export function encodeHeader(kind: FileKind): Uint8Array {
  return new TextEncoder().encode(MAGIC + FILE_KINDS[kind])
}

/**
 * Checks the header of a file of `kind`.
 * - `'ok'`: ours, this version.
 * - `'unsupported'`: ours and the right kind, but another format version (a newer app wrote it):
 *   readable by someone, so it must be left alone, not quarantined.
 * - `'corrupt'`: anything else, including a file shorter than the header.
 */
export function checkHeader(buf: Uint8Array, kind: FileKind): 'ok' | 'unsupported' | 'corrupt' {
  if (buf.length < HEADER_BYTES) return 'corrupt'
  const text = String.fromCharCode(...buf.subarray(0, HEADER_BYTES))
  const expected = MAGIC + FILE_KINDS[kind]
  if (text === expected) return 'ok'
  // Same magic and kind letters, different version digit(s).
  if (text.slice(0, 7) === expected.slice(0, 7) && /^[0-9]$/.test(text[7]!)) return 'unsupported'
  return 'corrupt'
}
