import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { percentile } from './stats'

export type Latency = { p50: number; p99: number; samples: number }

function summarize(samples: number[]): Latency {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), samples: samples.length }
}

/**
 * The floor: a raw WebSocket relay on loopback, in its own process like the hosts. Client A
 * sends a small message, the server forwards it to client B. Nothing Yjs-specific happens;
 * this is what the network and one hop through a Node process cost.
 */
export async function rawRelayLatency(rounds: number): Promise<Latency> {
  const server = await spawnServer(
    [resolve(import.meta.dirname, 'rawRelay.mjs')],
    /^listening (\d+)$/m,
  )
  const port = /^listening (\d+)$/m.exec(server.output)?.[1] ?? '0'
  const open = (): Promise<WebSocket> =>
    new Promise((resolveSocket) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`)
      socket.on('open', () => resolveSocket(socket))
    })
  const a = await open()
  const b = await open()
  await new Promise((done) => setTimeout(done, 50))
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const received = new Promise<void>((done) => b.once('message', () => done()))
    const start = performance.now()
    a.send(new Uint8Array(24))
    await received
    samples.push(performance.now() - start)
  }
  a.close()
  b.close()
  await server.stop()
  return summarize(samples.slice(Math.min(50, rounds / 10)))
}

/**
 * One edit's journey from client A to client B through a host speaking the y-websocket
 * protocol: A inserts a character, B's doc emits the update.
 */
export async function yjsPropagationLatency(
  serverUrl: string,
  room: string,
  params: Record<string, string>,
  rounds: number,
): Promise<Latency> {
  const docA = new Y.Doc()
  const docB = new Y.Doc()
  const options = {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  }
  const a = new WebsocketProvider(serverUrl, room, docA, options)
  const b = new WebsocketProvider(serverUrl, room, docB, options)
  const synced = (provider: WebsocketProvider): Promise<void> =>
    new Promise((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())))
  await Promise.all([synced(a), synced(b)])
  const text = docA.getText('bench')
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const received = new Promise<void>((resolve) => docB.once('update', () => resolve()))
    const start = performance.now()
    text.insert(text.length, 'x')
    await received
    samples.push(performance.now() - start)
  }
  a.destroy()
  b.destroy()
  return summarize(samples.slice(Math.min(50, rounds / 10)))
}

/**
 * A server in a child process of its own, as in real use: the clients measuring it then
 * do not share its event loop. Resolves once it prints the line `match` looks for.
 */
export async function spawnServer(
  args: string[],
  match: RegExp,
): Promise<{ output: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const output = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (match.test(out)) setTimeout(() => resolve(out), 100)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return {
    output,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** The stock y-websocket server (@y/websocket-server 0.1.1), in its own process. */
export async function startStockServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = await spawnServer(
    [resolve(import.meta.dirname, 'stockServer.mjs')],
    /^listening (\d+)$/m,
  )
  const port = /^listening (\d+)$/m.exec(server.output)?.[1] ?? '0'
  return { url: `ws://127.0.0.1:${port}`, stop: () => server.stop() }
}
