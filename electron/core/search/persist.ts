import { open, readFile, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import type { IndexedDoc } from '../../../shared/search/documents'
import { fsyncDir, freeName, writeAll } from '../storage/durableFile'

/**
 * The search index on disk, in the workspace folder: `search-index.bin`. Written crash-safely
 * (temp file, fsync, rename, fsync the folder — storage/durableFile.ts) after changes settle
 * and when the workspace closes; read once when the workspace opens.
 *
 * Layout: the 8-byte header `KRYSIDX` + format version digit, then sections, each
 * `length: u32 LE | crc32: u32 LE | payload`: (1) JSON {stamps, docs} — what each note body
 * and board looked like on disk when it was indexed, and every indexed document with its text
 * (the snippets are cut from these); (2) the MiniSearch index as JSON. A file whose header
 * names another version is ignored (rebuilt); anything unreadable is moved aside to
 * `search-index.bin.corrupt-<ts>` with one log line, and rebuilt.
 */
export const INDEX_FILE = 'search-index.bin'
const TMP_FILE = 'search-index.bin.tmp'
const MAGIC = 'KRYSIDX'
/** Bump when the layout or what documents hold changes: older files are then rebuilt. */
export const INDEX_FORMAT_VERSION = 1

export type SavedIndex = {
  /** Sub-document (`notes/<id>`, `boards/<id>`) → its disk stamp when indexed. */
  stamps: Record<string, string>
  docs: IndexedDoc[]
  /** MiniSearch's JSON. */
  index: string
}

export type LoadedIndex =
  | { kind: 'ok'; saved: SavedIndex }
  | { kind: 'missing' }
  | { kind: 'version' }
  | { kind: 'corrupt'; reason: string }

function section(payload: Buffer): Buffer[] {
  const head = Buffer.alloc(8)
  head.writeUInt32LE(payload.length, 0)
  head.writeUInt32LE(crc32(payload), 4)
  return [head, payload]
}

export function encodeIndexFile(saved: SavedIndex): Buffer[] {
  const meta = Buffer.from(JSON.stringify({ stamps: saved.stamps, docs: saved.docs }))
  return [
    Buffer.from(`${MAGIC}${INDEX_FORMAT_VERSION}`, 'latin1'),
    ...section(meta),
    ...section(Buffer.from(saved.index)),
  ]
}

export function decodeIndexFile(bytes: Buffer): LoadedIndex {
  if (bytes.length < 8 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    return { kind: 'corrupt', reason: 'bad header' }
  }
  if (bytes.toString('latin1', MAGIC.length, 8) !== String(INDEX_FORMAT_VERSION)) {
    return { kind: 'version' }
  }
  const sections: Buffer[] = []
  let at = 8
  for (let i = 0; i < 2; i++) {
    if (at + 8 > bytes.length) return { kind: 'corrupt', reason: `section ${i + 1} missing` }
    const length = bytes.readUInt32LE(at)
    const crc = bytes.readUInt32LE(at + 4)
    const payload = bytes.subarray(at + 8, at + 8 + length)
    if (payload.length !== length) return { kind: 'corrupt', reason: `section ${i + 1} torn` }
    if (crc32(payload) !== crc) return { kind: 'corrupt', reason: `section ${i + 1} checksum` }
    sections.push(payload)
    at += 8 + length
  }
  try {
    const meta = JSON.parse(sections[0]!.toString()) as { stamps?: unknown; docs?: unknown }
    if (typeof meta.stamps !== 'object' || meta.stamps === null || !Array.isArray(meta.docs)) {
      return { kind: 'corrupt', reason: 'unexpected content' }
    }
    return {
      kind: 'ok',
      saved: {
        stamps: meta.stamps as Record<string, string>,
        docs: meta.docs as IndexedDoc[],
        index: sections[1]!.toString(),
      },
    }
  } catch (error) {
    return { kind: 'corrupt', reason: `not JSON: ${(error as Error).message}` }
  }
}

/** Reads the saved index of a workspace folder; a corrupt file is moved aside (and said so). */
export async function loadIndexFile(
  dir: string,
  log: (line: string) => void,
  now: () => number = Date.now,
): Promise<LoadedIndex> {
  const file = path.join(dir, INDEX_FILE)
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    return { kind: 'missing' }
  }
  const loaded = decodeIndexFile(bytes)
  if (loaded.kind === 'corrupt') await quarantine(dir, loaded.reason, log, now)
  return loaded
}

/** Moves an unreadable index aside, with one warning line; the caller rebuilds. */
export async function quarantine(
  dir: string,
  reason: string,
  log: (line: string) => void,
  now: () => number = Date.now,
): Promise<void> {
  const file = path.join(dir, INDEX_FILE)
  try {
    const target = await freeName(dir, `${INDEX_FILE}.corrupt-${now()}`)
    await rename(file, target)
    log(
      `kryss: ${file} was unreadable (${reason}); moved to ${target}, rebuilding the search index`,
    )
  } catch (error) {
    log(`kryss: ${file} was unreadable (${reason}) and could not be moved aside: ${String(error)}`)
  }
}

/** Replaces the saved index atomically: temp file, fsync, rename, fsync the folder. */
export async function saveIndexFile(dir: string, saved: SavedIndex): Promise<void> {
  const tmp = path.join(dir, TMP_FILE)
  const handle = await open(tmp, 'w')
  try {
    let position = 0
    for (const chunk of encodeIndexFile(saved)) {
      await writeAll(handle, chunk, position)
      position += chunk.length
    }
    await handle.sync()
  } catch (error) {
    await handle.close()
    await unlink(tmp).catch(() => {})
    throw error
  }
  await handle.close()
  await rename(tmp, path.join(dir, INDEX_FILE))
  await fsyncDir(dir)
}
