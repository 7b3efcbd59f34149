import { createServer, type Server } from 'node:http'
import { performance } from 'node:perf_hooks'
import { WebSocket, WebSocketServer } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { percentile } from './stats'

export type Latency = { p50: number; p99: number; samples: number }

function summarize(samples: number[]): Latency {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), samples: samples.length }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/**
 * The floor: a raw WebSocket relay on loopback. Client A sends a small message, the server
 * forwards it to client B. Nothing Yjs-specific happens; this is what the network costs.
 */
export async function rawRelayLatency(rounds: number): Promise<Latency> {
  const server = createServer()
  const wss = new WebSocketServer({ server })
  const clients: WebSocket[] = []
  wss.on('connection', (socket) => {
    clients.push(socket)
    socket.on('message', (data) => {
      for (const other of clients) if (other !== socket) other.send(data)
    })
  })
  const port = await listen(server)
  const open = (): Promise<WebSocket> =>
    new Promise((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`)
      socket.on('open', () => resolve(socket))
    })
  const a = await open()
  const b = await open()
  await new Promise((resolve) => setTimeout(resolve, 50))
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const received = new Promise<void>((resolve) => b.once('message', () => resolve()))
    const start = performance.now()
    a.send(new Uint8Array(24))
    await received
    samples.push(performance.now() - start)
  }
  a.close()
  b.close()
  wss.close()
  server.close()
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

/** The stock y-websocket server (@y/websocket-server 0.1.1) on loopback, for comparison. */
export async function startStockServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const { setupWSConnection } = (await import('@y/websocket-server/utils')) as {
    setupWSConnection: (socket: WebSocket, request: unknown, options?: { docName?: string }) => void
  }
  const server = createServer()
  const wss = new WebSocketServer({ server })
  wss.on('connection', (socket, request) => {
    const docName = (request.url ?? '/').slice(1).split('?')[0] ?? 'bench'
    setupWSConnection(socket, request, { docName })
  })
  const port = await listen(server)
  return {
    url: `ws://127.0.0.1:${port}`,
    async stop() {
      for (const client of wss.clients) client.terminate()
      wss.close()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
