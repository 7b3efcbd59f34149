import { constants, getPriority } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { tsxImport } from './service'

/** Runs lowerThreadPriority() in a worker thread; resolves with the id it returned. */
function lowerInWorker(): Promise<number | undefined> {
  const source = `
    const { parentPort } = require('node:worker_threads')
    ${tsxImport(fileURLToPath(new URL('./threadPriority.ts', import.meta.url)))}.then(
      ({ lowerThreadPriority }) => parentPort.postMessage(lowerThreadPriority() ?? null),
      (error) => parentPort.postMessage({ error: String(error) }),
    )
    // Stay alive until the test has read the priority.
    setTimeout(() => {}, 5000)
  `
  const worker = new Worker(source, { eval: true })
  return new Promise((resolve, reject) => {
    worker.once('message', (message: number | null | { error: string }) => {
      if (message !== null && typeof message === 'object') reject(new Error(message.error))
      else resolve(message ?? undefined)
      // Read before the thread ends (its id is gone then).
      setTimeout(() => void worker.terminate(), 200)
    })
    worker.once('error', reject)
  })
}

describe.runIf(process.platform === 'linux')('lowerThreadPriority', () => {
  it('lowers the calling thread only, not the process', async () => {
    const before = getPriority(process.pid)
    const tid = await lowerInWorker()
    expect(tid).toBeGreaterThan(0)
    expect(tid).not.toBe(process.pid)
    expect(getPriority(tid)).toBe(constants.priority.PRIORITY_BELOW_NORMAL)
    expect(getPriority(process.pid)).toBe(before)
  })
})
