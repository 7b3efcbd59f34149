import { mkdir, open, readdir, rename } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import path from 'node:path'
import * as Y from 'yjs'
import {
  concat,
  freeName,
  fsyncDir,
  readIfExists,
  removeStrayTempFiles,
  writeAll,
  writeFileDurably,
  writeNewFile,
} from './durableFile'
import { checkHeader, decodeFrames, encodeFrame, HEADER_BYTES } from './frame'

/**
 * Transaction origin of updates loaded from disk. Observers use it to tell disk from local and
 * remote edits; the store itself never re-persists updates carrying it.
 */
export const STORAGE_ORIGIN: unique symbol = Symbol('kryss:storage')

export const SNAPSHOT_FILE = 'snapshot.bin'
export const LOG_FILE = 'updates.log'
const SNAPSHOT_TMP = 'snapshot.tmp'
const DEFAULT_COMPACT_AFTER_BYTES = 4 * 1024 * 1024

/** Directories with an open store in this process. */
const openDirs = new Set<string>()

export type StorageWarning = {
  kind: 'quarantined-tail' | 'quarantined-snapshot' | 'quarantined-log'
  /** The damaged file (absolute path). */
  file: string
  /** Side file now holding the damaged bytes (absolute path). */
  quarantinedTo: string
  bytes: number
  reason: string
}

/**
 * Workspace data exists but cannot be read. Nothing has been written over it: the files are
 * where they were, or moved into a quarantine file named by `quarantinedTo`.
 */
export class DocumentLoadError extends Error {
  override readonly name = 'DocumentLoadError'
  constructor(
    message: string,
    readonly dir: string,
    readonly quarantinedTo?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export interface DocStore {
  readonly doc: Y.Doc
  readonly warnings: readonly StorageWarning[]
  /** Resolves once every update applied to `doc` before this call is fsynced on disk. */
  whenDurable(): Promise<void>
  /** Compact log into snapshot now (also triggered automatically past a size/frames threshold). */
  compact(): Promise<void>
  /** Flush pending writes, stop observing the doc, close file handles. */
  close(): Promise<void>
}

export type OpenDocStoreOptions = {
  /** Workspace directory; created if missing. One process may have it open at a time. */
  dir: string
  /** Document to load into; anything it already holds is persisted too. Default: a new Y.Doc. */
  doc?: Y.Doc
  /** Log size (bytes of frames) past which the writer folds the log into the snapshot. */
  compactAfterBytes?: number
  /** Clock for quarantine file names. */
  now?: () => number
  onWarning?: (warning: StorageWarning) => void
}

/**
 * Opens the crash-safe store of one workspace: loads `snapshot.bin` and `updates.log` into the
 * doc (one transaction, origin {@link STORAGE_ORIGIN}), then appends every later update of the
 * doc to the log with group commit, compacting into the snapshot past `compactAfterBytes`.
 *
 * A damaged log tail is moved to a quarantine side file and reported as a warning; the good
 * prefix loads. A damaged snapshot is moved aside and the open fails with
 * {@link DocumentLoadError}, as does every later open until someone deals with the quarantined
 * snapshot (see README.md).
 */
export async function openDocStore(options: OpenDocStoreOptions): Promise<DocStore> {
  const dir = path.resolve(options.dir)
  const doc = options.doc ?? new Y.Doc()
  const now = options.now ?? Date.now

  // WARNING: two writers on one log interleave frames at the same offsets. This guards one
  // process only; the host must make sure a data directory has a single owning process.
  if (openDirs.has(dir)) throw new Error(`document store ${dir} is already open`)
  openDirs.add(dir)
  try {
    return await openClaimed(dir, doc, options, now)
  } catch (error) {
    openDirs.delete(dir)
    throw error
  }
}

async function openClaimed(
  dir: string,
  doc: Y.Doc,
  options: OpenDocStoreOptions,
  now: () => number,
): Promise<DocStore> {
  const warnings: StorageWarning[] = []
  const warn = (warning: StorageWarning) => {
    warnings.push(warning)
    options.onWarning?.(warning)
  }

  await mkdir(dir, { recursive: true })
  await removeStrayTempFiles(dir)

  const snapshot = await loadSnapshot(dir, now, warn)
  const log = await loadLog(dir, now, warn)

  // Whatever the caller's doc already holds never came from this directory: persist it too.
  const preexisting = doc.store.clients.size > 0 ? Y.encodeStateAsUpdateV2(doc) : null

  try {
    doc.transact(() => {
      if (snapshot) Y.applyUpdateV2(doc, snapshot, STORAGE_ORIGIN)
      for (const update of log.updates) Y.applyUpdateV2(doc, update, STORAGE_ORIGIN)
    }, STORAGE_ORIGIN)
  } catch (cause) {
    await log.handle.close()
    // WARNING: the frames passed their CRC, so the bytes are what we wrote; Yjs rejecting them
    // means a bug or a foreign format. Leave every file exactly as it is.
    throw new DocumentLoadError(`cannot apply stored updates in ${dir}`, dir, undefined, { cause })
  }

  const store = new FileDocStore(dir, doc, log.handle, log.size, warnings, {
    compactAfterBytes: options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES,
  })
  if (preexisting) store.enqueue(preexisting)
  store.maybeCompactAfterLoad()
  return store
}

class FileDocStore implements DocStore {
  private queue: Uint8Array[] = []
  private queuedBytes = 0
  /** Updates handed to the writer so far, and how many of them are fsynced. */
  private enqueuedSeq = 0
  private durableSeq = 0
  private durableWaiters: { seq: number; resolve: () => void; reject: (e: Error) => void }[] = []
  private compactWaiters: { resolve: () => void; reject: (e: Error) => void }[] = []
  private compactRequested = false
  private writer: Promise<void> | null = null
  /** Set when a write or fsync failed. WARNING: after a failed fsync the kernel may have dropped
   * the dirty pages, so retrying on the same handle could report success for lost data. The store
   * refuses further work; reopen it (passing the same doc) to persist the in-memory state. */
  private failure: Error | null = null
  private closed: Promise<void> | null = null
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== STORAGE_ORIGIN) this.enqueue(update)
  }

  constructor(
    private readonly dir: string,
    readonly doc: Y.Doc,
    private log: FileHandle,
    private logSize: number,
    readonly warnings: readonly StorageWarning[],
    private readonly config: { compactAfterBytes: number },
  ) {
    doc.on('updateV2', this.onUpdate)
  }

  enqueue(update: Uint8Array): void {
    if (this.failure) return
    const frame = encodeFrame(update)
    this.queue.push(frame)
    this.queuedBytes += frame.length
    this.enqueuedSeq++
    this.kick()
  }

  maybeCompactAfterLoad(): void {
    if (this.logSize - HEADER_BYTES > this.config.compactAfterBytes) this.kick()
  }

  whenDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.durableSeq === this.enqueuedSeq) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.durableWaiters.push({ seq: this.enqueuedSeq, resolve, reject })
    })
  }

  compact(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.closed) return Promise.reject(new Error('document store is closed'))
    return new Promise((resolve, reject) => {
      this.compactWaiters.push({ resolve, reject })
      this.compactRequested = true
      this.kick()
    })
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.doc.off('updateV2', this.onUpdate)
      while (this.writer) await this.writer
      try {
        await this.log.close()
      } finally {
        openDirs.delete(this.dir)
      }
      if (this.failure) throw this.failure
    })()
    return this.closed
  }

  private kick(): void {
    if (this.writer || this.failure) return
    // Start on a microtask: never inside the doc's update event, and every update of the
    // current synchronous burst lands in the first batch.
    this.writer = Promise.resolve().then(() => this.runWriter())
  }

  /** The only code that touches the files after open, so appends and compaction never overlap. */
  private async runWriter(): Promise<void> {
    try {
      for (;;) {
        // Compaction goes first so a steady stream of appends cannot postpone it forever.
        if (this.compactRequested || this.logSize - HEADER_BYTES > this.config.compactAfterBytes) {
          await this.compactNow()
        } else if (this.queue.length > 0) {
          await this.writeQueued()
        } else {
          // WARNING: clear `writer` in the same tick as the emptiness check. Clearing it later
          // (in a `.finally`) leaves a window where kick() sees a writer that will never look
          // at the queue again, and whenDurable() hangs.
          this.writer = null
          return
        }
      }
    } catch (error) {
      this.writer = null
      this.fail(error instanceof Error ? error : new Error(String(error)))
    }
  }

  /** Group commit: everything queued goes out in one write and one datasync. */
  private async writeQueued(): Promise<void> {
    const batch = this.queue.length === 1 ? this.queue[0]! : concat(this.queue, this.queuedBytes)
    const seq = this.enqueuedSeq
    this.queue = []
    this.queuedBytes = 0
    await writeAll(this.log, batch, this.logSize)
    await this.log.datasync()
    this.logSize += batch.length
    this.markDurable(seq)
  }

  private markDurable(seq: number): void {
    this.durableSeq = seq
    const waiters = this.durableWaiters
    this.durableWaiters = []
    for (const w of waiters) {
      if (w.seq <= seq) w.resolve()
      else this.durableWaiters.push(w)
    }
  }

  /**
   * Snapshot first, then empty the log. The snapshot holds the whole doc, which includes every
   * update in the log (they were all applied to it), so at each crash point the disk holds either
   * the old snapshot + full log, or the new snapshot + a log it already contains (replay is
   * idempotent in Yjs), or the new snapshot + an empty log.
   *
   * Updates still queued are dropped: `updateV2` fires after a transaction is applied, so the
   * doc (and hence the snapshot) already contains every update enqueued so far.
   */
  private async compactNow(): Promise<void> {
    const waiters = this.compactWaiters
    this.compactWaiters = []
    this.compactRequested = false
    const seq = this.enqueuedSeq
    this.queue = []
    this.queuedBytes = 0
    try {
      const state = Y.encodeStateAsUpdateV2(this.doc)
      const frame = encodeFrame(state)
      await writeFileDurably(this.dir, SNAPSHOT_FILE, SNAPSHOT_TMP, 'snapshot', [frame])
      await this.log.truncate(HEADER_BYTES)
      await this.log.sync()
    } catch (error) {
      // Hand the callers back so fail() rejects them with everyone else.
      this.compactWaiters.unshift(...waiters)
      throw error
    }
    this.logSize = HEADER_BYTES
    this.markDurable(seq)
    for (const w of waiters) w.resolve()
  }

  private fail(error: Error): void {
    this.failure = error
    for (const w of this.durableWaiters) w.reject(error)
    for (const w of this.compactWaiters) w.reject(error)
    this.durableWaiters = []
    this.compactWaiters = []
    this.queue = []
    this.queuedBytes = 0
  }
}

/** Reads the snapshot. WARNING: a damaged snapshot must stop the open. Loading the log alone
 * would yield a partial (often empty) document, and the next compaction would write that over
 * the real data for good. So it is moved aside and every open fails until someone decides. */
async function loadSnapshot(
  dir: string,
  now: () => number,
  warn: (w: StorageWarning) => void,
): Promise<Uint8Array | null> {
  const file = path.join(dir, SNAPSHOT_FILE)
  const quarantined = (await readdir(dir)).filter((n) =>
    n.startsWith(`${SNAPSHOT_FILE}.quarantine-`),
  )
  if (quarantined.length > 0) {
    throw new DocumentLoadError(
      `${dir} has a quarantined snapshot (${quarantined.join(', ')}); recover or remove it before opening`,
      dir,
      path.join(dir, quarantined[0]!),
    )
  }
  const buf = await readIfExists(file)
  if (!buf) return null
  const header = checkHeader(buf, 'snapshot')
  if (header === 'unsupported') {
    throw new DocumentLoadError(`${file} was written by a newer format version`, dir)
  }
  const decoded = header === 'ok' ? decodeFrames(buf, HEADER_BYTES) : null
  if (decoded && decoded.stop === 'end' && decoded.frames.length === 1) return decoded.frames[0]!
  const reason = !decoded
    ? 'bad header'
    : decoded.stop !== 'end'
      ? `${decoded.stop} at byte ${decoded.end}`
      : `${decoded.frames.length} frames instead of 1`
  const target = await freeName(dir, `${SNAPSHOT_FILE}.quarantine-${now()}`)
  await rename(file, target)
  await fsyncDir(dir)
  warn({ kind: 'quarantined-snapshot', file, quarantinedTo: target, bytes: buf.length, reason })
  throw new DocumentLoadError(
    `corrupt snapshot ${file} (${reason}); moved to ${target}`,
    dir,
    target,
  )
}

type LoadedLog = { handle: FileHandle; size: number; updates: Uint8Array[] }

async function loadLog(
  dir: string,
  now: () => number,
  warn: (w: StorageWarning) => void,
): Promise<LoadedLog> {
  const file = path.join(dir, LOG_FILE)
  let buf = await readIfExists(file)
  if (buf) {
    const header = checkHeader(buf, 'log')
    if (header === 'unsupported') {
      throw new DocumentLoadError(`${file} was written by a newer format version`, dir)
    }
    if (header === 'corrupt') {
      // Logs are created whole (temp + rename), so a bad header is real damage, not a torn write.
      const target = await freeName(dir, `${LOG_FILE}.quarantine-${now()}`)
      await rename(file, target)
      await fsyncDir(dir)
      warn({
        kind: 'quarantined-log',
        file,
        quarantinedTo: target,
        bytes: buf.length,
        reason: 'bad header',
      })
      buf = null
    }
  }
  if (!buf) {
    await writeFileDurably(dir, LOG_FILE, `${LOG_FILE}.tmp`, 'log', [])
    return { handle: await open(file, 'r+'), size: HEADER_BYTES, updates: [] }
  }

  const { frames, end, stop } = decodeFrames(buf, HEADER_BYTES)
  const handle = await open(file, 'r+')
  if (stop !== 'end') {
    try {
      // The side file is durable before the log loses those bytes: never a moment with neither.
      const target = await freeName(dir, `${LOG_FILE}.quarantine-${now()}`)
      await writeNewFile(target, buf.subarray(end))
      await fsyncDir(dir)
      await handle.truncate(end)
      await handle.sync()
      warn({
        kind: 'quarantined-tail',
        file,
        quarantinedTo: target,
        bytes: buf.length - end,
        reason: `${stop} at byte ${end}`,
      })
    } catch (error) {
      await handle.close()
      throw error
    }
  }
  return { handle, size: end, updates: frames }
}
