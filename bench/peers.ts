import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { decodeInviteLink, type Invite } from '../shared/invite'
import { createHost, type Host } from '../electron/core/host'
import { spawnServer, yjsPropagationLatency, type Latency } from './propagation'
import { ms, percentile, printRows } from './stats'

const ROOT = resolve(import.meta.dirname, '..')
const HUB_BUNDLE = join(ROOT, 'out/main/hub.js')
/** Transaction origin of bench edits: neither a connection nor a peer link. */
const BENCH_ORIGIN = Object.freeze({ kind: 'bench' as const })

type InProcessHost = { host: Host; url: string; dataDir: string }

async function startInProcessHost(): Promise<InProcessHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kryss-bench-peer-'))
  const host = createHost({
    dataDir,
    port: 0,
    bind: '127.0.0.1',
    demo: false,
    log: () => {},
    peerLinks: { backoff: { baseMs: 20, maxMs: 200 } },
  })
  const url = `${(await host.start()).url.replace(/\/$/, '')}/`
  return { host, url, dataDir }
}

async function stopInProcessHost(started: InProcessHost): Promise<void> {
  await started.host.stop()
  await rm(started.dataDir, { recursive: true, force: true })
}

async function createWorkspace(url: string, ownerToken: string, name: string): Promise<string> {
  const response = await fetch(`${url}api/workspaces`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  return ((await response.json()) as { invite: string }).invite
}

function decode(link: string): Invite {
  const decoded = decodeInviteLink(link)
  if (!decoded.ok) throw new Error(`bad invite: ${decoded.error}`)
  return decoded.invite
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 5))
  }
}

function connect(
  syncUrl: string,
  room: string,
  token: string,
  doc = new Y.Doc(),
): WebsocketProvider {
  return new WebsocketProvider(syncUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
}

function rootOf(started: InProcessHost, workspaceId: Invite['workspace']): Y.Doc {
  const store = started.host.registry.get(workspaceId)?.store
  if (!store) throw new Error(`${workspaceId} is not open`)
  return store.doc
}

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))
}

/**
 * Two in-process hosts, B linked to A for one workspace. B's links are stopped (the link is
 * cut, both hosts stay up), `edits` single-character inserts at random positions are made on
 * each side's root document (one transaction each, so as many updates), then B's links start
 * again. Measured: links restart → both roots have the same state vector and text (checked on
 * every turn of the event loop); the snapshots are then compared to be sure.
 */
async function convergenceAfterHeal(edits: number): Promise<number> {
  const a = await startInProcessHost()
  const b = await startInProcessHost()
  try {
    const invite = decode(await createWorkspace(a.url, a.host.ownerToken, 'Heal'))
    await b.host.peers.link(invite)
    await until(
      () => b.host.peers.status().some((s) => s.state === 'synced'),
      'the link to be in sync',
    )
    const rootA = rootOf(a, invite.workspace)
    const rootB = rootOf(b, invite.workspace)
    await until(() => sameState(rootA, rootB), 'the first sync')

    b.host.peers.stop()
    await new Promise((done) => setTimeout(done, 100))
    let seed = 1
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    for (const doc of [rootA, rootB]) {
      const text = doc.getText('bench')
      for (let i = 0; i < edits; i++) {
        doc.transact(() => text.insert(Math.floor(random() * (text.length + 1)), 'x'), BENCH_ORIGIN)
      }
    }
    for (const h of [a, b]) {
      const store = h.host.registry.get(invite.workspace)?.store
      if (store) await store.whenDurable()
    }
    if (sameState(rootA, rootB)) throw new Error('the link was not cut')

    const start = performance.now()
    b.host.peers.start()
    while (!(
      sameState(rootA, rootB) && rootA.getText('bench').toJSON() === rootB.getText('bench').toJSON()
    )) {
      await new Promise((done) => setImmediate(done))
    }
    const elapsed = performance.now() - start
    if (!Y.equalSnapshots(Y.snapshot(rootA), Y.snapshot(rootB))) throw new Error('snapshots differ')
    if (rootA.getText('bench').length !== 2 * edits) throw new Error('edits missing')
    return elapsed
  } finally {
    await stopInProcessHost(b)
    await stopInProcessHost(a)
  }
}

/** Client on A inserts a character; a client on C sees the update. */
async function chainLatency(
  fromUrl: string,
  fromToken: string,
  toUrl: string,
  toToken: string,
  room: string,
  rounds: number,
): Promise<Latency> {
  const docA = new Y.Doc()
  const docC = new Y.Doc()
  const a = connect(fromUrl, room, fromToken, docA)
  const c = connect(toUrl, room, toToken, docC)
  await until(() => a.synced && c.synced, 'both clients to sync')
  const text = docA.getText('bench')
  text.insert(0, 'warm-up')
  await until(() => docC.getText('bench').length === text.length, 'the warm-up edit to reach C')
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const received = new Promise<void>((done) => docC.once('update', () => done()))
    const start = performance.now()
    text.insert(text.length, 'x')
    await received
    samples.push(performance.now() - start)
  }
  a.destroy()
  c.destroy()
  const kept = samples.slice(Math.min(50, rounds / 10))
  return { p50: percentile(kept, 50), p99: percentile(kept, 99), samples: kept.length }
}

/** Hubs A ← B ← C in processes of their own, chained with `--peer`. */
async function measureChain(rounds: number): Promise<{ single: Latency; chain: Latency }> {
  const dirs = await Promise.all([0, 1, 2].map(() => mkdtemp(join(tmpdir(), 'kryss-bench-chain-'))))
  const hubA = await spawnServer(
    [HUB_BUNDLE, '--data-dir', dirs[0]!, '--port', '0', '--no-demo'],
    /^owner /m,
  )
  const urlA = /^Kryss hub on (\S+)$/m.exec(hubA.output)?.[1]?.replace(/\/?$/, '/') ?? ''
  const ownerA = /#owner=(\S+)$/m.exec(hubA.output)?.[1] ?? ''
  const inviteALink = await createWorkspace(urlA, ownerA, 'Chain')
  const inviteA = decode(inviteALink)
  const linkA = /^invite \S+ (\S+)$/m
  const hubB = await spawnServer(
    [HUB_BUNDLE, '--data-dir', dirs[1]!, '--port', '0', '--no-demo', '--peer', inviteALink],
    linkA,
  )
  const inviteBLink = linkA.exec(hubB.output)?.[1] ?? ''
  const hubC = await spawnServer(
    [HUB_BUNDLE, '--data-dir', dirs[2]!, '--port', '0', '--no-demo', '--peer', inviteBLink],
    linkA,
  )
  const inviteC = decode(linkA.exec(hubC.output)?.[1] ?? '')
  const sync = (invite: Invite) =>
    `${(invite.hosts[0] ?? '').replace(/^http/, 'ws').replace(/\/?$/, '/')}sync`
  if (sync(inviteA) === sync(inviteC)) throw new Error('C must be another hub than A')
  try {
    const single = await yjsPropagationLatency(
      sync(inviteA),
      inviteA.workspace,
      { token: inviteA.token },
      rounds,
    )
    const chain = await chainLatency(
      sync(inviteA),
      inviteA.token,
      sync(inviteC),
      inviteC.token,
      inviteA.workspace,
      rounds,
    )
    return { single, chain }
  } finally {
    await hubC.stop()
    await hubB.stop()
    await hubA.stop()
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
  }
}

type MemHost = {
  ask(line: string, answer: RegExp): Promise<RegExpExecArray>
  invite: string
  stop(): Promise<void>
}

/** bench/memHost.ts in its own process, with `--expose-gc`, spoken to over stdin/stdout. */
async function spawnMemHost(): Promise<MemHost> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', resolve(import.meta.dirname, 'memHost.ts')],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const waiting: { answer: RegExp; done: (match: RegExpExecArray) => void }[] = []
  createInterface({ input: child.stdout }).on('line', (line) => {
    for (const [index, entry] of waiting.entries()) {
      const match = entry.answer.exec(line)
      if (!match) continue
      waiting.splice(index, 1)
      entry.done(match)
      return
    }
  })
  const ask = (line: string, answer: RegExp): Promise<RegExpExecArray> =>
    new Promise((done) => {
      waiting.push({ answer, done })
      if (line !== '') child.stdin.write(`${line}\n`)
    })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    child.stdin.write('stop\n')
    await exited
  }
  const invite = (await ask('', /^invite (\S+)$/))[1] ?? ''
  return { ask, invite, stop }
}

/**
 * A host (its own process) with 20 linked peers (in-process hosts dialling it) and 20 stock
 * clients; one idle hour of awareness renewals (one per client every 15 s = 240 each) is sent
 * at an accelerated rate. Heap after forced GC and RSS are read in the host before and after.
 */
async function measureMemory(
  peerCount: number,
  renewals: number,
): Promise<{ before: [number, number]; after: [number, number]; seconds: number }> {
  // Every in-process host adds an exit listener (its data-directory lock).
  process.setMaxListeners(peerCount + 10)
  const central = await spawnMemHost()
  const invite = decode(central.invite)
  const peers = await Promise.all(Array.from({ length: peerCount }, () => startInProcessHost()))
  const clients: WebsocketProvider[] = []
  try {
    await Promise.all(peers.map((p) => p.host.peers.link(invite)))
    await until(
      () => peers.every((p) => p.host.peers.status().some((s) => s.state === 'synced')),
      'every peer link to be in sync',
    )
    const syncUrl = `${(invite.hosts[0] ?? '').replace(/^http/, 'ws').replace(/\/?$/, '/')}sync`
    for (let i = 0; i < peerCount; i++) {
      const client = connect(syncUrl, invite.workspace, invite.token)
      client.awareness.setLocalState({
        user: { name: `Bench ${i}`, color: '#2563eb' },
        cursor: null,
      })
      clients.push(client)
    }
    await until(() => clients.every((c) => c.synced), 'the clients to sync')
    const renew = async (rounds: number) => {
      for (let r = 0; r < rounds; r++) {
        // A renewal: the same state again with a new clock, as y-protocols sends every 15 s.
        for (const client of clients)
          client.awareness.setLocalState(client.awareness.getLocalState())
        await new Promise((done) => setTimeout(done, 5))
      }
    }
    await renew(20)
    await new Promise((done) => setTimeout(done, 500))
    const read = async (): Promise<[number, number]> => {
      const m = await central.ask('mem', /^mem (\d+) (\d+)$/)
      return [Number(m[1]), Number(m[2])]
    }
    const before = await read()
    const start = performance.now()
    await renew(renewals)
    const seconds = (performance.now() - start) / 1000
    await new Promise((done) => setTimeout(done, 500))
    const after = await read()
    return { before, after, seconds }
  } finally {
    for (const client of clients) client.destroy()
    await Promise.all(peers.map((p) => stopInProcessHost(p)))
    await central.stop()
  }
}

export async function runPeersBench(): Promise<void> {
  const heal = (edits: number, runs: number) => {
    const samples: number[] = []
    return (async () => {
      for (let i = 0; i < runs; i++) samples.push(await convergenceAfterHeal(edits))
      return samples
    })()
  }
  const heal1k = await heal(1_000, 5)
  const heal10k = await heal(10_000, 3)
  printRows(
    'Convergence after heal: two in-process hosts, link cut, N single-character inserts on each side, link restarted → identical roots (median of 5 / 3 runs)',
    [
      {
        name: '1k edits per side',
        value: `${ms(percentile(heal1k, 50))} (max ${ms(Math.max(...heal1k))})`,
        target: '≤ 100 ms',
        ok: percentile(heal1k, 50) <= 100,
      },
      {
        name: '10k edits per side',
        value: `${ms(percentile(heal10k, 50))} (max ${ms(Math.max(...heal10k))})`,
        target: '≤ 600 ms',
        ok: percentile(heal10k, 50) <= 600,
      },
    ],
  )

  const rounds = 1000
  const { single, chain } = await measureChain(rounds)
  printRows(
    `Propagation, hub processes A ← B ← C chained with --peer (${rounds.toLocaleString('en')} sequential edits each)`,
    [
      {
        name: 'single hop client → A → client p50 / p99',
        value: `${ms(single.p50)} / ${ms(single.p99)}`,
      },
      {
        name: '3 hops client → A → B → C → client p50 / p99',
        value: `${ms(chain.p50)} / ${ms(chain.p99)}`,
      },
      {
        name: 'ratio 3 hops / single hop (p50)',
        value: `${(chain.p50 / single.p50).toFixed(2)} ×`,
        target: '≤ 3 ×',
        ok: chain.p50 <= 3 * single.p50,
      },
    ],
  )

  const peerCount = 20
  const renewals = 240
  const memory = await measureMemory(peerCount, renewals)
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  const growth = (i: 0 | 1) => (memory.after[i] - memory.before[i]) / memory.before[i]
  const pct = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`
  printRows(
    `Memory of a host process with ${peerCount} linked peers and ${peerCount} clients: ${renewals} awareness renewals each (one idle hour at 15 s) sent in ${memory.seconds.toFixed(1)} s; heap after forced GC`,
    [
      {
        name: 'heap used before → after',
        value: `${mib(memory.before[0])} → ${mib(memory.after[0])} (${pct(growth(0))})`,
        target: '≤ +10 %',
        ok: growth(0) <= 0.1,
      },
      {
        name: 'RSS before → after',
        value: `${mib(memory.before[1])} → ${mib(memory.after[1])} (${pct(growth(1))})`,
      },
    ],
  )
}
