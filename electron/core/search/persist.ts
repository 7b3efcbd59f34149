import { open, readFile, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import { targetOfDocId, type IndexedDoc } from '../../../shared/search/documents'
import type { SearchTarget } from '../../../shared/search/protocol'
import { fsyncDir, freeName, writeAll } from '../storage/durableFile'

/**
 * The search index on disk, in the workspace folder: `search-index.bin`. Written crash-safely
 * (temp file, fsync, rename, fsync the folder — storage/durableFile.ts) after changes settle
 * and when the workspace closes; read once when the workspace opens.
 *
 * Layout: the 8-byte header `KRYSIDX` + format version digit, then three sections, each
 * `length: u32 LE | crc32: u32 LE | payload`: (1) JSON {stamps} — what each note body and
 * board looked like on disk when it was indexed; (2) the documents: `count: u32`, then
 * `3 × count + 1` offsets, then per document three UTF-8 strings — its id, a JSON head (kind,
 * title, date, context, filters) and its body (the snippets are cut from these); (3) the
 * index as bytes (shared/search/fullText.ts `toBytes`).
 *
 * Loading must be quick (the target is 300 ms for 10k notes; parsing the documents as one
 * JSON took 50–100 ms of it alone): only ids are decoded up front; a document's head and body
 * are decoded the first time something reads them ({@link StoredDoc}), mostly never for
 * bodies that are not shown.
 *
 * A file whose header names another version is ignored (rebuilt); anything unreadable is
 * moved aside to `search-index.bin.corrupt-<ts>` with one log line, and rebuilt. A
 * `search-index.bin.tmp` found at open is what a save left when the process died before its
 * rename (the index beside it is the last whole one): it is deleted, with one log line.
 */
export const INDEX_FILE = 'search-index.bin'
export const TMP_FILE = 'search-index.bin.tmp'
const MAGIC = 'KRYSIDX'
/**
 * Bump when the layout, what documents hold or what the index holds changes: older files are
 * then rebuilt. 3: loose forms of words with æøå in the index (terms.ts `looseTerm`).
 */
export const INDEX_FORMAT_VERSION = 3
const SECTIONS = 3

export type SavedIndex = {
  /** Sub-document (`notes/<id>`, `boards/<id>`) → its disk stamp when indexed. */
  stamps: Record<string, string>
  /** Loaded ones read their fields from the file's bytes on first use. */
  docs: IndexedDoc[]
  /** The index's bytes (`FullTextIndex.toBytes`). */
  index: Uint8Array
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
  const meta = Buffer.from(JSON.stringify({ stamps: saved.stamps }))
  const strings: Buffer[] = []
  for (const doc of saved.docs) {
    const head: Head = {
      kind: doc.kind,
      title: doc.title,
      updatedAt: doc.updatedAt,
      ...(doc.context === undefined ? {} : { context: doc.context }),
      filters: doc.filters,
    }
    strings.push(Buffer.from(doc.id), Buffer.from(JSON.stringify(head)), Buffer.from(doc.body))
  }
  const offsets = Buffer.alloc(4 * (strings.length + 2))
  offsets.writeUInt32LE(saved.docs.length, 0)
  let at = 0
  strings.forEach((text, i) => {
    offsets.writeUInt32LE(at, 4 * (i + 1))
    at += text.length
  })
  offsets.writeUInt32LE(at, 4 * (strings.length + 1))
  const index = Buffer.from(saved.index.buffer, saved.index.byteOffset, saved.index.byteLength)
  return [
    Buffer.from(`${MAGIC}${INDEX_FORMAT_VERSION}`, 'latin1'),
    ...section(meta),
    ...section(Buffer.concat([offsets, ...strings])),
    ...section(index),
  ]
}

type Head = Pick<IndexedDoc, 'kind' | 'title' | 'updatedAt' | 'context' | 'filters'>

/** A document from the file: decoded field by field when first read. */
class StoredDoc implements IndexedDoc {
  private head: Head | undefined
  private text: string | undefined
  private where: SearchTarget | undefined

  constructor(
    readonly id: string,
    private readonly bytes: Buffer,
    private readonly headAt: [number, number],
    private readonly bodyAt: [number, number],
  ) {}

  private read(): Head {
    this.head ??= JSON.parse(this.bytes.toString('utf8', ...this.headAt)) as Head
    return this.head
  }
  get kind(): IndexedDoc['kind'] {
    return this.read().kind
  }
  get title(): string {
    return this.read().title
  }
  get updatedAt(): number {
    return this.read().updatedAt
  }
  get context(): string | undefined {
    return this.read().context
  }
  get filters(): IndexedDoc['filters'] {
    return this.read().filters
  }
  get body(): string {
    this.text ??= this.bytes.toString('utf8', ...this.bodyAt)
    return this.text
  }
  get target(): SearchTarget {
    this.where ??= targetOfDocId(this.id)
    if (this.where === undefined) throw new Error(`no target for ${this.id}`)
    return this.where
  }
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
  for (let i = 0; i < SECTIONS; i++) {
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
    const meta = JSON.parse(sections[0]!.toString()) as { stamps?: unknown }
    if (typeof meta.stamps !== 'object' || meta.stamps === null) {
      return { kind: 'corrupt', reason: 'unexpected content' }
    }
    const texts = sections[1]!
    const count = texts.length < 4 ? -1 : texts.readUInt32LE(0)
    const first = 4 * (3 * count + 2)
    if (count < 0 || first > texts.length) return { kind: 'corrupt', reason: 'documents torn' }
    const offsets = new Uint32Array(3 * count + 1)
    for (let i = 0; i < offsets.length; i++) {
      offsets[i] = first + texts.readUInt32LE(4 * (i + 1))
      if (i > 0 && offsets[i]! < offsets[i - 1]!)
        return { kind: 'corrupt', reason: 'documents torn' }
    }
    if (count > 0 && offsets[3 * count]! > texts.length) {
      return { kind: 'corrupt', reason: 'documents torn' }
    }
    const docs: IndexedDoc[] = []
    for (let i = 0; i < count; i++) {
      const at = 3 * i
      const id = texts.toString('utf8', offsets[at], offsets[at + 1])
      if (targetOfDocId(id) === undefined) return { kind: 'corrupt', reason: `bad id ${id}` }
      docs.push(
        new StoredDoc(
          id,
          texts,
          [offsets[at + 1]!, offsets[at + 2]!],
          [offsets[at + 2]!, offsets[at + 3]!],
        ),
      )
    }
    return {
      kind: 'ok',
      saved: { stamps: meta.stamps as Record<string, string>, docs, index: sections[2]! },
    }
  } catch (error) {
    return { kind: 'corrupt', reason: `not JSON: ${(error as Error).message}` }
  }
}

/**
 * Reads the saved index of a workspace folder; a corrupt file is moved aside (and said so), a
 * save's leftover temp file deleted. Called once per open, before anything saves there.
 */
export async function loadIndexFile(
  dir: string,
  log: (line: string) => void,
  now: () => number = Date.now,
): Promise<LoadedIndex> {
  await removeStaleTemp(dir, log)
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

/**
 * Deletes the temp file of a save that never reached its rename (the process was killed): it
 * is never read — the index beside it, if any, is the last complete one.
 */
async function removeStaleTemp(dir: string, log: (line: string) => void): Promise<void> {
  const tmp = path.join(dir, TMP_FILE)
  try {
    await unlink(tmp)
    log(`kryss: search: removed ${tmp}, left by a save that did not finish`)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      log(`kryss: search: cannot remove ${tmp}: ${String(error)}`)
    }
  }
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
