import { open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { encodeHeader } from './frame'
import type { FileKind } from './frame'

/**
 * File operations the document store builds its crash safety on: write-temp → fsync →
 * rename → fsync the directory, short writes looped, quarantine names that never collide.
 */

/** Deletes leftovers of a crash during compaction or log creation. */
export async function removeStrayTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.endsWith('.tmp')) await unlink(path.join(dir, name))
  }
}

/** Replaces `dir/name` atomically with header + frames: write temp, fsync, rename, fsync dir. */
export async function writeFileDurably(
  dir: string,
  name: string,
  tmpName: string,
  kind: FileKind,
  frames: Uint8Array[],
): Promise<void> {
  const tmp = path.join(dir, tmpName)
  const handle = await open(tmp, 'w')
  try {
    let pos = 0
    for (const chunk of [encodeHeader(kind), ...frames]) {
      await writeAll(handle, chunk, pos)
      pos += chunk.length
    }
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tmp, path.join(dir, name))
  await fsyncDir(dir)
}

/** Creates `file` (never overwriting) with `bytes`, fsynced. */
export async function writeNewFile(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx')
  try {
    await writeAll(handle, bytes, 0)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** `write` may write less than asked (e.g. a signal or nearly full disk): loop until done. */
export async function writeAll(
  handle: FileHandle,
  bytes: Uint8Array,
  position: number,
): Promise<void> {
  let done = 0
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done)
    done += bytesWritten
  }
}

/** Makes a rename or file creation in `dir` durable. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** `base`, or `base-1`, `base-2`… if taken, so one quarantine never replaces another. */
export async function freeName(dir: string, base: string): Promise<string> {
  const taken = new Set(await readdir(dir))
  let name = base
  for (let i = 1; taken.has(name); i++) name = `${base}-${i}`
  return path.join(dir, name)
}

export function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total)
  let pos = 0
  for (const chunk of chunks) {
    out.set(chunk, pos)
    pos += chunk.length
  }
  return out
}
