import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { openDocStore } from '../../electron/core/storage/docStore'
import type { StorageWarning } from '../../electron/core/storage/docStore'
import { seededRandom } from './seededRandom'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const writer = fileURLToPath(new URL('./fixtures/crashWriter.ts', import.meta.url))

const RUNS = 50
/** Small thresholds make the writer compact every few batches, so kills land inside compaction. */
const THRESHOLDS = [2 * 1024, 16 * 1024, 4 * 1024 * 1024]

type RunResult = { acked: string[]; signal: NodeJS.Signals | null; stderr: string }

/** Starts the writer, SIGKILLs it `killAfterMs` after it reports ready, returns what it acked. */
function runWriter(
  dir: string,
  tag: string,
  seed: number,
  threshold: number,
  killAfterMs: number,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', writer, dir, tag, String(seed), String(threshold)],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.stdout.on('data', (chunk: string) => {
      out += chunk
      if (!timer && out.startsWith('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      }
    })
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      clearTimeout(timer)
      // Only whole lines count: a line cut by the kill was never fully acknowledged to us.
      const lines = out.slice(0, out.lastIndexOf('\n') + 1).split('\n')
      resolve({ acked: lines.filter((l) => l !== '' && l !== 'ready'), signal, stderr })
    })
  })
}

describe('crash safety', () => {
  const dirs: string[] = []
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
  })

  it(`keeps every acknowledged edit across ${RUNS} SIGKILLs at random moments`, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kryss-crash-'))
    dirs.push(dir)
    const random = seededRandom(0x6b727373)
    // One directory for all runs: each writer starts from what the crashes before it left.
    const acked: string[] = []
    const warnings: StorageWarning[] = []
    let runsWithAcks = 0

    for (let run = 0; run < RUNS; run++) {
      const threshold = THRESHOLDS[run % THRESHOLDS.length]!
      const killAfterMs = 20 + Math.floor(random() * 180)
      const seed = Math.floor(random() * 2 ** 31)
      const result = await runWriter(dir, `r${run}`, seed, threshold, killAfterMs)
      expect(result.stderr).toBe('')
      expect(result.signal).toBe('SIGKILL')
      acked.push(...result.acked)
      if (result.acked.length > 0) runsWithAcks++

      const store = await openDocStore({ dir })
      warnings.push(...store.warnings)
      const present = store.doc.getMap('acked')
      const missing = acked.filter((id) => !present.has(id))
      await store.close()
      expect(missing, `run ${run} (threshold ${threshold}, kill at ${killAfterMs} ms)`).toEqual([])
    }

    // Guard against a vacuous pass (e.g. every kill landing before the first ack).
    expect(runsWithAcks).toBeGreaterThan(RUNS * 0.8)
    expect(acked.length).toBeGreaterThan(RUNS * 10)
    // A kill inside a large write can tear the tail; that must show up as a warning only.
    for (const w of warnings) expect(w.kind).toBe('quarantined-tail')
  }, 120_000)
})
