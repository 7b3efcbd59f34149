import { mkdir, open, readFile, unlink } from 'node:fs/promises'
import path from 'node:path'

export const LOCK_FILE = 'kryss.lock'

/** Another running Kryss (desktop app or hub) uses this data directory. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError'
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Kryss (process ${pid}). ` +
        `Stop it, or choose another directory with --data-dir. If no Kryss is running, delete ${path.join(dataDir, LOCK_FILE)}.`,
    )
  }
}

/** Lock files this process holds; a stale lock can carry our own pid after a restart in a container. */
const held = new Set<string>()

/**
 * Takes the data directory for this process. WARNING: two processes appending to the same
 * workspace logs would overwrite each other's frames, so a second host on one directory must
 * be refused, not merely warned about. Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE)
  await mkdir(dataDir, { recursive: true })
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx')
      try {
        await handle.writeFile(`${JSON.stringify({ pid: process.pid })}\n`)
      } finally {
        await handle.close()
      }
      held.add(file)
      return async () => {
        if (!held.delete(file)) return
        await unlink(file).catch(() => {})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error
    }
    const pid = await readLockPid(file)
    if (pid !== null && isRunning(pid) && (pid !== process.pid || held.has(file))) {
      throw new DataDirInUseError(dataDir, pid)
    }
    // Left by a process that is gone: take it over.
    await unlink(file).catch(() => {})
  }
}

async function readLockPid(file: string): Promise<number | null> {
  try {
    const { pid } = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown }
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
