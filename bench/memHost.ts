// The host measured by the memory benchmark, in a process of its own (`node --expose-gc`).
// Prints `invite <link>` once serving; on each `mem` line from stdin, forces GC and prints
// `mem <heapUsed> <rss>` in bytes. Bench-only: the host gets no debug route for this.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { createHost } from '../electron/core/host'

const dataDir = await mkdtemp(join(tmpdir(), 'kryss-bench-mem-'))
const host = createHost({ dataDir, port: 0, bind: '127.0.0.1', demo: false, log: () => {} })
const url = `${(await host.start()).url.replace(/\/$/, '')}/`
const created = (await (
  await fetch(`${url}api/workspaces`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Memory' }),
  })
).json()) as { invite: string }
process.stdout.write(`invite ${created.invite}\n`)

const gc = (globalThis as { gc?: () => void }).gc
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'mem') {
    for (let i = 0; i < 3; i++) gc?.()
    const { heapUsed, rss } = process.memoryUsage()
    process.stdout.write(`mem ${heapUsed} ${rss}\n`)
  } else if (line === 'peers') {
    process.stdout.write(
      `peers ${host.peers.status().filter((s) => s.state === 'synced').length}\n`,
    )
  } else if (line === 'stop') {
    void host
      .stop()
      .then(() => rm(dataDir, { recursive: true, force: true }))
      .then(() => process.exit(0))
  }
})
