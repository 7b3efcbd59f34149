import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  checkHeader,
  crc32,
  decodeFrames,
  encodeFrame,
  encodeHeader,
  FRAME_OVERHEAD,
  HEADER_BYTES,
} from './frame'

const bytes = (...values: number[]) => new Uint8Array(values)
const text = (s: string) => new TextEncoder().encode(s)

/** A log file as the store writes it: header, then frames. */
function logFile(payloads: Uint8Array[]): Uint8Array {
  const parts = [encodeHeader('log'), ...payloads.map(encodeFrame)]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let pos = 0
  for (const p of parts) {
    out.set(p, pos)
    pos += p.length
  }
  return out
}

const tmpDirs: string[] = []
async function roundTripThroughDisk(buf: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kryss-frame-'))
  tmpDirs.push(dir)
  const file = path.join(dir, 'updates.log')
  await writeFile(file, buf)
  return new Uint8Array(await readFile(file))
}

afterEach(async () => {
  await Promise.all(tmpDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

describe('crc32', () => {
  it('matches the IEEE check value and can be fed in pieces', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926)
    expect(crc32(text('56789'), crc32(text('1234')))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })
})

describe('decodeFrames', () => {
  const payloads = [text('hello'), new Uint8Array(), text('x'.repeat(70_000)), bytes(0, 255, 7)]

  it('round-trips frames through a real file', async () => {
    const buf = await roundTripThroughDisk(logFile(payloads))
    expect(checkHeader(buf, 'log')).toBe('ok')
    const result = decodeFrames(buf, HEADER_BYTES)
    expect(result.stop).toBe('end')
    expect(result.end).toBe(buf.length)
    expect(result.frames.map((f) => Array.from(f))).toEqual(payloads.map((p) => Array.from(p)))
  })

  it('reports a torn tail at every cut point and keeps the frames before it', () => {
    const buf = logFile(payloads)
    const firstTwo = HEADER_BYTES + 2 * FRAME_OVERHEAD + payloads[0]!.length
    for (const cut of [firstTwo + 1, firstTwo + 7, firstTwo + 8, firstTwo + 9, buf.length - 1]) {
      const result = decodeFrames(buf.subarray(0, cut), HEADER_BYTES)
      expect(result.stop).toBe('torn')
      expect(result.end).toBeLessThan(cut)
      expect(result.frames.length).toBe(cut === buf.length - 1 ? 3 : 2)
    }
  })

  it('reports a flipped byte as a crc failure, in the payload or in the length', () => {
    const buf = logFile(payloads)
    const secondFrame = HEADER_BYTES + FRAME_OVERHEAD + payloads[0]!.length
    const thirdFrame = secondFrame + FRAME_OVERHEAD
    const inPayload = buf.slice()
    inPayload[thirdFrame + FRAME_OVERHEAD + 100]! ^= 0x01
    expect(decodeFrames(inPayload, HEADER_BYTES)).toMatchObject({ stop: 'crc', end: thirdFrame })

    // Shrinking the length keeps the frame inside the buffer; only the CRC can notice.
    const inLength = buf.slice()
    inLength[thirdFrame]! ^= 0x01
    expect(decodeFrames(inLength, HEADER_BYTES)).toMatchObject({ stop: 'crc', end: thirdFrame })
  })

  it('does not read a zero-filled tail as empty frames', () => {
    const buf = logFile([text('a')])
    const padded = new Uint8Array(buf.length + 64)
    padded.set(buf)
    const result = decodeFrames(padded, HEADER_BYTES)
    expect(result).toMatchObject({ stop: 'crc', end: buf.length })
    expect(result.frames).toHaveLength(1)
  })

  it('rejects an absurd length as oversize instead of trusting it', () => {
    const buf = logFile([text('a'), text('b')])
    const second = HEADER_BYTES + FRAME_OVERHEAD + 1
    new DataView(buf.buffer).setUint32(second, 0xfffffff0, true)
    expect(decodeFrames(buf, HEADER_BYTES)).toMatchObject({ stop: 'oversize', end: second })
    expect(decodeFrames(logFile([text('abcdef')]), HEADER_BYTES, 4).stop).toBe('oversize')
  })
})

describe('checkHeader', () => {
  it('tells a wrong header (corrupt) from a newer version (unsupported)', () => {
    expect(checkHeader(encodeHeader('snapshot'), 'snapshot')).toBe('ok')
    expect(checkHeader(encodeHeader('snapshot'), 'log')).toBe('corrupt')
    expect(checkHeader(text('KRYSLOG2'), 'log')).toBe('unsupported')
    expect(checkHeader(text('KRYZLOG1'), 'log')).toBe('corrupt')
    expect(checkHeader(text('KRYSLOG'), 'log')).toBe('corrupt')
    expect(checkHeader(new Uint8Array(), 'log')).toBe('corrupt')
    expect(checkHeader(new Uint8Array(8), 'log')).toBe('corrupt')
  })
})
