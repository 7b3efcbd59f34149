import { readlinkSync } from 'node:fs'
import { constants, setPriority } from 'node:os'

/**
 * Gives the calling thread a lower scheduling priority than the rest of the process, where the
 * system has a priority per thread (Linux: `/proc/thread-self` names the thread, and
 * `setpriority` on a thread id changes only that thread). Returns the thread's id, or
 * undefined where it could not: elsewhere `os.setPriority` would change the whole process,
 * and with it the host's sync.
 *
 * The search worker runs like this: building an index from scratch takes one core for seconds
 * (~9 s at 10k notes), and on a two-core laptop the window and the host's sync come first.
 * When nothing else wants the core, a lower priority costs the build nothing.
 */
export function lowerThreadPriority(): number | undefined {
  if (process.platform !== 'linux') return undefined
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(tid) || tid <= 0) return undefined
    setPriority(tid, constants.priority.PRIORITY_BELOW_NORMAL)
    return tid
  } catch {
    // A sandbox without /proc, or a system that refuses: the worker runs as before.
    return undefined
  }
}
