import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium } from 'playwright-core'
import * as Y from 'yjs'
import { decodeInviteLink } from '../shared/invite'
import { createHost } from '../electron/core/host'
import { openDocStore } from '../electron/core/storage/docStore'
import { makeWorkspaceDoc } from './fixtures'
import { rawRelayLatency, startStockServer, yjsPropagationLatency } from './propagation'
import { ms, percentile, printRows } from './stats'

const ROOT = resolve(import.meta.dirname, '..')
const HUB_BUNDLE = join(ROOT, 'out/main/hub.js')
const NOTE_COUNT = 10_000

type Prepared = {
  dataDir: string
  workspaceDir: string
  invite: string
  ownerToken: string
  bytes: number
}

/** A data directory holding one workspace with 10k notes of ~2 KB, compacted. */
async function prepareWorkspace(): Promise<Prepared> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kryss-bench-'))
  const host = createHost({ dataDir, port: 0, bind: '127.0.0.1', demo: false, log: () => {} })
  const url = `${(await host.start()).url.replace(/\/$/, '')}/`
  const ownerToken = host.ownerToken
  const headers = { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' }
  const created = (await (
    await fetch(`${url}api/workspaces`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Bench 10k' }),
    })
  ).json()) as { id: string; invite: string }
  await fetch(`${url}api/profile`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ name: 'Bench', company: 'Kryss', color: '#2563eb' }),
  })
  await host.stop()

  const workspaceDir = join(dataDir, 'workspaces', created.id)
  const source = makeWorkspaceDoc(NOTE_COUNT)
  const store = await openDocStore({ dir: workspaceDir })
  Y.applyUpdateV2(store.doc, Y.encodeStateAsUpdateV2(source))
  await store.compact()
  await store.close()
  return {
    dataDir,
    workspaceDir,
    invite: created.invite,
    ownerToken,
    bytes: Y.encodeStateAsUpdateV2(source).byteLength,
  }
}

async function measureStoreLoad(workspaceDir: string): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < 7; i++) {
    const start = performance.now()
    const store = await openDocStore({ dir: workspaceDir })
    samples.push(performance.now() - start)
    await store.close()
  }
  return samples
}

/** Process start → the hub has loaded every workspace and printed its address. */
async function measureHubStart(dataDir: string): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    const child = spawn(
      process.execPath,
      [HUB_BUNDLE, '--data-dir', dataDir, '--port', '0', '--no-demo'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    await new Promise<void>((done, fail) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (/^invite /m.test(out)) done()
      })
      child.once('exit', (code) => fail(new Error(`hub exited ${code}`)))
    })
    samples.push(performance.now() - start)
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    await exited
  }
  return samples
}

/** Browser: navigation to the owner link → the note list shows its first rows. */
async function measureBrowserList(prepared: Prepared): Promise<number[]> {
  const host = createHost({
    dataDir: prepared.dataDir,
    port: 0,
    bind: '127.0.0.1',
    demo: false,
    rendererDir: join(ROOT, 'out/renderer'),
    log: () => {},
  })
  const url = `${(await host.start()).url.replace(/\/$/, '')}/`
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const samples: number[] = []
  try {
    for (let i = 0; i < 4; i++) {
      const page = await browser.newPage()
      const start = performance.now()
      await page.goto(`${url}#owner=${host.ownerToken}`)
      await page.getByTestId('note-item').first().waitFor({ timeout: 30_000 })
      samples.push(performance.now() - start)
      await page.close()
    }
  } finally {
    await browser.close()
    await host.stop()
  }
  return samples.slice(1)
}

async function measurePropagation(): Promise<{
  kryss: Awaited<ReturnType<typeof yjsPropagationLatency>>
  stock: Awaited<ReturnType<typeof yjsPropagationLatency>>
  raw: Awaited<ReturnType<typeof rawRelayLatency>>
}> {
  const rounds = 2000
  const raw = await rawRelayLatency(rounds)

  const dataDir = await mkdtemp(join(tmpdir(), 'kryss-bench-prop-'))
  const host = createHost({ dataDir, port: 0, bind: '127.0.0.1', demo: false, log: () => {} })
  const url = `${(await host.start()).url.replace(/\/$/, '')}/`
  const created = (await (
    await fetch(`${url}api/workspaces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Propagation' }),
    })
  ).json()) as { invite: string }
  const decoded = decodeInviteLink(created.invite)
  if (!decoded.ok) throw new Error('bad invite from host')
  const kryss = await yjsPropagationLatency(
    `${url.replace(/^http/, 'ws')}sync`,
    decoded.invite.workspace,
    { token: decoded.invite.token },
    rounds,
  )
  await host.stop()
  await rm(dataDir, { recursive: true, force: true })

  const stockServer = await startStockServer()
  const stock = await yjsPropagationLatency(stockServer.url, 'bench', {}, rounds)
  await stockServer.stop()
  return { kryss, stock, raw }
}

/** An edit → `whenDurable()` resolved (written and fdatasync'ed). */
async function measureDurableWrites(): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'kryss-bench-durable-'))
  const store = await openDocStore({ dir })
  const text = store.doc.getText('bench')
  const samples: number[] = []
  for (let i = 0; i < 1000; i++) {
    const start = performance.now()
    text.insert(text.length, 'x')
    await store.whenDurable()
    samples.push(performance.now() - start)
  }
  await store.close()
  await rm(dir, { recursive: true, force: true })
  return samples
}

export async function runFoundationBench(options: { browser: boolean }): Promise<void> {
  console.log(`Preparing a workspace with ${NOTE_COUNT.toLocaleString('en')} notes of ~2 KB…`)
  const prepared = await prepareWorkspace()
  console.log(`  document state: ${(prepared.bytes / 1024 / 1024).toFixed(1)} MiB (Yjs update v2)`)

  const load = await measureStoreLoad(prepared.workspaceDir)
  const hubStart = await measureHubStart(prepared.dataDir)
  const loadRows = [
    {
      name: 'host loads the workspace (p50 of 7)',
      value: ms(percentile(load, 50)),
      target: '≤ 200 ms',
      ok: percentile(load, 50) <= 200,
    },
    { name: 'hub process start → serving (p50 of 3)', value: ms(percentile(hubStart, 50)) },
  ]
  if (options.browser) {
    const list = await measureBrowserList(prepared)
    loadRows.push({
      name: 'browser: open → note list rendered (p50)',
      value: ms(percentile(list, 50)),
      target: '≤ 1 s',
      ok: percentile(list, 50) <= 1000,
    })
  }
  printRows('Start-up with 10k notes', loadRows)
  await rm(prepared.dataDir, { recursive: true, force: true })

  const { kryss, stock, raw } = await measurePropagation()
  printRows('Edit propagation, client → host → client on loopback (2,000 sequential edits)', [
    { name: 'Kryss host p50', value: ms(kryss.p50), target: '≤ 2 ms', ok: kryss.p50 <= 2 },
    { name: 'Kryss host p99', value: ms(kryss.p99), target: '≤ 10 ms', ok: kryss.p99 <= 10 },
    { name: 'stock y-websocket server p50 / p99', value: `${ms(stock.p50)} / ${ms(stock.p99)}` },
    { name: 'ratio Kryss / stock (p50)', value: `${(kryss.p50 / stock.p50).toFixed(2)} ×` },
    { name: 'floor: raw WebSocket relay p50 / p99', value: `${ms(raw.p50)} / ${ms(raw.p99)}` },
  ])

  const durable = await measureDurableWrites()
  printRows('Durable write of one edit (append + fdatasync, 1,000 edits)', [
    { name: 'p50', value: ms(percentile(durable, 50)) },
    {
      name: 'p99',
      value: ms(percentile(durable, 99)),
      target: '≤ 10 ms',
      ok: percentile(durable, 99) <= 10,
    },
  ])
}
