import { createHash } from 'node:crypto'
import { readFile, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as Y from 'yjs'
import { isNoteId } from '../../shared/rooms'

/** Cache file of body digests in a workspace folder, written on a clean close only. */
export const DIGESTS_FILE = 'body-digests.json'

const DIGEST_BYTES = 16

/**
 * A digest of a body's state: its state vector and its delete set. Two replicas with the same
 * digest hold the same content. The state vector alone is not enough: deleting text adds to
 * the delete set without advancing any clock. Both encodings sort by client, so equal states
 * give equal bytes.
 */
export function computeBodyDigest(doc: Y.Doc): Uint8Array {
  // A snapshot is exactly the pair (delete set, state vector).
  const snapshot = Y.encodeSnapshot(Y.snapshot(doc))
  return new Uint8Array(createHash('sha256').update(snapshot).digest().subarray(0, DIGEST_BYTES))
}

/**
 * Reads the digests saved at the last clean close and removes the file, so that after a crash
 * (when bodies may have changed since) the digests are rebuilt from the bodies themselves.
 */
export async function takeSavedDigests(
  dir: string,
  fileName: string = DIGESTS_FILE,
): Promise<Map<string, Uint8Array>> {
  const file = path.join(dir, fileName)
  const digests = new Map<string, Uint8Array>()
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return digests
  }
  await unlink(file).catch(() => {})
  try {
    const raw = JSON.parse(text) as { v?: unknown; digests?: Record<string, unknown> }
    if (raw.v !== 1 || typeof raw.digests !== 'object' || raw.digests === null) return digests
    for (const [noteId, value] of Object.entries(raw.digests)) {
      if (isNoteId(noteId) && typeof value === 'string') {
        digests.set(noteId, new Uint8Array(Buffer.from(value, 'base64')))
      }
    }
  } catch {
    // An unreadable cache is rebuilt; it holds nothing that is not in the bodies.
  }
  return digests
}

/** Saves the digests for the next start. A failure only costs a rebuild then. */
export async function saveDigests(
  dir: string,
  digests: ReadonlyMap<string, Uint8Array>,
  fileName: string = DIGESTS_FILE,
): Promise<void> {
  const out: Record<string, string> = {}
  for (const [noteId, digest] of digests) out[noteId] = Buffer.from(digest).toString('base64')
  await writeFile(path.join(dir, fileName), JSON.stringify({ v: 1, digests: out }))
}
