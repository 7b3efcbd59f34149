import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import * as Y from 'yjs'
import { LOG_FILE, SNAPSHOT_FILE } from '../storage/docStore'
import { checkHeader, decodeFrames, HEADER_BYTES } from '../storage/frame'

/**
 * Reads a document store's folder (`snapshot.bin` + `updates.log`, storage/README.md) into a
 * new Y.Doc without opening the store: nothing is written, truncated, quarantined or locked,
 * so the search worker can read bodies and boards while the host serves them. A damaged tail
 * or a torn last frame (a write in progress) is simply not read; the good prefix is.
 *
 * Also the stamp search keeps per document to tell whether it changed while the host was
 * stopped: sizes and modification times of both files. Every write appends to the log or
 * replaces the snapshot, so any change changes the stamp; reading none of the bytes makes a
 * start over 10k unchanged bodies cost 20k `stat`s rather than 10k decodes. (The stores'
 * digests say the same but need each body decoded once after a crash.)
 */

/** Files of one document store, or null when the folder holds neither. */
export async function diskStamp(dir: string): Promise<string | null> {
  const [snapshot, log] = await Promise.all([
    stat(path.join(dir, SNAPSHOT_FILE)).catch(() => null),
    stat(path.join(dir, LOG_FILE)).catch(() => null),
  ])
  if (snapshot === null && log === null) return null
  const part = (s: { size: number; mtimeMs: number } | null) =>
    s === null ? '-' : `${s.size}@${Math.floor(s.mtimeMs * 1000)}`
  return `${part(snapshot)}|${part(log)}`
}

async function readIfPresent(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file)
  } catch {
    return null
  }
}

/**
 * The document stored in `dir`, and its stamp taken before reading (a change made while
 * reading then shows as a changed stamp at the next start, never the other way round).
 * Retries once when the files changed under the read (a compaction in between).
 */
export async function readDiskDoc(
  dir: string,
  /** The stamp just taken, if the caller has it (saves a `stat`). */
  known?: string | null,
): Promise<{ doc: Y.Doc; stamp: string | null }> {
  let next = known
  for (let attempt = 0; ; attempt++) {
    const stamp = next === undefined ? await diskStamp(dir) : next
    const doc = new Y.Doc()
    const snapshot = await readIfPresent(path.join(dir, SNAPSHOT_FILE))
    const log = await readIfPresent(path.join(dir, LOG_FILE))
    const updates: Uint8Array[] = []
    if (snapshot !== null && checkHeader(snapshot, 'snapshot') === 'ok') {
      const decoded = decodeFrames(snapshot, HEADER_BYTES)
      if (decoded.frames.length > 0) updates.push(decoded.frames[0]!)
    }
    if (log !== null && checkHeader(log, 'log') === 'ok') {
      updates.push(...decodeFrames(log, HEADER_BYTES).frames)
    }
    doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdateV2(doc, update)
        } catch {
          // A frame Yjs cannot read is the store's problem to report; search reads the rest.
        }
      }
    })
    const after = await diskStamp(dir)
    if (attempt >= 1 || after === stamp) return { doc, stamp }
    next = after
    doc.destroy()
  }
}
