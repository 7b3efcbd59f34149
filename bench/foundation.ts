import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium, type Browser } from 'playwright-core'
import * as Y from 'yjs'
import { decodeInviteLink } from '../shared/invite'
import { createHost } from '../electron/core/host'
import { openDocStore } from '../electron/core/storage/docStore'
import { NOTES_DIR } from '../electron/core/noteBodies'
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/paths.mjs'
import { makeSingleDocWorkspace, makeWorkspace } from './fixtures'
import { buildSearchIndex } from './searchService'
import {
  rawRelayLatency,
  spawnServer,
  startStockServer,
  yjsPropagationLatency,
  type Latency,
} from './propagation'
import { ms, percentile, printRows, type Row } from './stats'

const ROOT = resolve(import.meta.dirname, '..')
const HUB_BUNDLE = join(ROOT, 'out/main/hub.js')
const NOTE_COUNT = 10_000

export type Prepared = {
  dataDir: string
  workspaceDir: string
  invite: string
  ownerToken: string
  rootBytes: number
  bodyBytes: number
  noteIds: string[]
}

/**
 * A data directory holding one workspace with 10k notes of ~2 KB: root and bodies on disk, and
 * the search index a host that has run before would have saved beside them.
 */
export async function prepareWorkspace(count = NOTE_COUNT): Promise<Prepared> {
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
  const { root, bodies } = makeWorkspace(count)
  const store = await openDocStore({ dir: workspaceDir })
  Y.applyUpdateV2(store.doc, Y.encodeStateAsUpdateV2(root))
  await store.compact()
  await store.close()
  const entries = [...bodies.entries()]
  for (let i = 0; i < entries.length; i += 100) {
    await Promise.all(
      entries.slice(i, i + 100).map(async ([noteId, update]) => {
        const doc = new Y.Doc()
        Y.applyUpdateV2(doc, update)
        const body = await openDocStore({ dir: join(workspaceDir, NOTES_DIR, noteId), doc })
        await body.close()
        doc.destroy()
      }),
    )
  }
  await buildSearchIndex(created.id, workspaceDir, root)
  const bodyBytes = entries.reduce((sum, [, update]) => sum + update.byteLength, 0)
  return {
    dataDir,
    workspaceDir,
    invite: created.invite,
    ownerToken,
    rootBytes: Y.encodeStateAsUpdateV2(root).byteLength,
    bodyBytes,
    noteIds: entries.slice(0, 50).map(([noteId]) => noteId),
  }
}

/** A host serving the built UI over a data directory, and Chromium to open it in. */
export async function serveToChromium(
  dataDir: string,
): Promise<{ host: ReturnType<typeof createHost>; url: string; browser: Browser }> {
  const host = createHost({
    dataDir,
    port: 0,
    bind: '127.0.0.1',
    demo: false,
    rendererDir: join(ROOT, 'out/renderer'),
    log: () => {},
  })
  const url = `${(await host.start()).url.replace(/\/$/, '')}/`
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  })
  return { host, url, browser }
}

/** The first design: one document holding every body, loaded from a compacted store. */
async function measureSingleDocLoad(): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'kryss-bench-single-'))
  const store = await openDocStore({ dir, doc: makeSingleDocWorkspace(NOTE_COUNT) })
  await store.compact()
  await store.close()
  const samples = await measureStoreLoad(dir, 3)
  await rm(dir, { recursive: true, force: true })
  return samples
}

async function measureStoreLoad(workspaceDir: string, runs = 7): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
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

/**
 * Browser: navigation to the owner link → the note list shows its first rows; then opening
 * notes one after another → their text is in the editor.
 */
async function measureBrowser(prepared: Prepared): Promise<{ list: number[]; open: number[] }> {
  const { host, url, browser } = await serveToChromium(prepared.dataDir)
  const list: number[] = []
  const open: number[] = []
  try {
    for (let i = 0; i < 4; i++) {
      const page = await browser.newPage()
      const start = performance.now()
      await page.goto(`${url}#owner=${host.ownerToken}`)
      await page.getByTestId('note-item').first().waitFor({ timeout: 30_000 })
      list.push(performance.now() - start)
      if (i < 3) await page.close()
      else {
        const items = page.getByTestId('note-item')
        for (let n = 0; n < 20; n++) {
          const item = items.nth(n)
          const title = (await item.getAttribute('aria-label')) ?? (await item.innerText())
          const begin = performance.now()
          await item.click()
          await page.getByTestId('note-editor').locator('.ProseMirror h2').first().waitFor()
          open.push(performance.now() - begin)
          if (title === '') throw new Error('note without a title')
        }
      }
    }
  } finally {
    await browser.close()
    await host.stop()
  }
  return { list: list.slice(1), open }
}

async function measurePropagation(): Promise<{ kryss: Latency; stock: Latency; raw: Latency }> {
  const rounds = 2000
  const raw = await rawRelayLatency(rounds)

  // Both servers run in a process of their own, as they do in real use.
  const dataDir = await mkdtemp(join(tmpdir(), 'kryss-bench-prop-'))
  const hub = await spawnServer(
    [HUB_BUNDLE, '--data-dir', dataDir, '--port', '0', '--no-demo'],
    /^owner /m,
  )
  const url = /^Kryss hub on (\S+)$/m.exec(hub.output)?.[1]?.replace(/\/?$/, '/') ?? ''
  const ownerToken = /#owner=(\S+)$/m.exec(hub.output)?.[1] ?? ''
  const created = (await (
    await fetch(`${url}api/workspaces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
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
  await hub.stop()
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
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  console.log(
    `  root document ${mib(prepared.rootBytes)}, note bodies ${mib(prepared.bodyBytes)} in all (Yjs update v2)`,
  )

  const load = await measureStoreLoad(prepared.workspaceDir)
  const singleDoc = await measureSingleDocLoad()
  const hubStart = await measureHubStart(prepared.dataDir)
  const loadRows: Row[] = [
    {
      name: 'host loads the workspace (p50 of 7)',
      value: ms(percentile(load, 50)),
      target: '≤ 200 ms',
      ok: percentile(load, 50) <= 200,
    },
    {
      name: '  the same notes in one document (first design)',
      value: ms(percentile(singleDoc, 50)),
    },
    { name: 'hub process start → serving (p50 of 3)', value: ms(percentile(hubStart, 50)) },
  ]
  if (options.browser) {
    const { list, open } = await measureBrowser(prepared)
    loadRows.push(
      {
        name: 'browser: open → note list rendered (p50)',
        value: ms(percentile(list, 50)),
        target: '≤ 1 s',
        ok: percentile(list, 50) <= 1000,
      },
      {
        name: 'browser: click a note → its text shown (p50 / p95 of 20)',
        value: `${ms(percentile(open, 50))} / ${ms(percentile(open, 95))}`,
      },
    )
  }
  printRows('Start-up with 10k notes', loadRows)
  await rm(prepared.dataDir, { recursive: true, force: true })

  await runPropagationBench()

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

/** Edit propagation through the hub, beside the stock server and the raw floor. */
export async function runPropagationBench(): Promise<void> {
  const { kryss, stock, raw } = await measurePropagation()
  printRows('Edit propagation, client → host → client on loopback (2,000 sequential edits)', [
    { name: 'Kryss host p50', value: ms(kryss.p50), target: '≤ 2 ms', ok: kryss.p50 <= 2 },
    { name: 'Kryss host p99', value: ms(kryss.p99), target: '≤ 10 ms', ok: kryss.p99 <= 10 },
    { name: 'stock y-websocket server p50 / p99', value: `${ms(stock.p50)} / ${ms(stock.p99)}` },
    { name: 'ratio Kryss / stock (p50)', value: `${(kryss.p50 / stock.p50).toFixed(2)} ×` },
    { name: 'floor: raw WebSocket relay p50 / p99', value: `${ms(raw.p50)} / ${ms(raw.p99)}` },
  ])
}
