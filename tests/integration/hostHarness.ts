import { mkdtemp, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createHost, type Host, type HostOptions } from '../../electron/core/host'
import { MessageType } from '../../shared/protocol'

/**
 * Real hosts on port 0, real temp dirs, real sockets. Everything created here is tracked and
 * torn down by {@link cleanup}, which each test file calls in `afterEach`.
 */
const tempDirs: string[] = []
const hosts: Host[] = []
const closers: (() => void)[] = []

export async function tempDir(prefix = 'kryss-host-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

export type StartedHost = { host: Host; url: string; port: number; dataDir: string }

/** Starts a host with test defaults (loopback, port 0, no demo, quiet log). */
export async function startHost(options: Partial<HostOptions> = {}): Promise<StartedHost> {
  const dataDir = options.dataDir ?? (await tempDir())
  const host = createHost({
    port: 0,
    bind: '127.0.0.1',
    demo: false,
    log: () => {},
    ...options,
    dataDir,
  })
  hosts.push(host)
  const { url, port } = await host.start()
  return { host, url, port, dataDir }
}

export async function cleanup(): Promise<void> {
  for (const close of closers.splice(0)) close()
  await Promise.allSettled(hosts.splice(0).map((h) => h.stop()))
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
}

/** Polls until `check` returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * A stock y-websocket client. `disableBc`: two providers in one process would otherwise sync
 * through BroadcastChannel and never test the host.
 */
export function connectProvider(
  port: number,
  workspaceId: string,
  params: Record<string, string>,
  doc = new Y.Doc(),
  /** A `ws` subclass, e.g. one that counts sync messages for `stored` acknowledgements. */
  socketClass: new (url: string, protocols?: string | string[]) => WebSocket = WebSocket,
): WebsocketProvider {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, workspaceId, doc, {
    params,
    WebSocketPolyfill: socketClass as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  closers.push(() => {
    provider.destroy()
    doc.destroy()
  })
  return provider
}

export async function whenSynced(provider: WebsocketProvider): Promise<void> {
  await waitFor(() => provider.synced, 'provider to sync')
}

/**
 * A raw `ws` client that records every frame and the close code, for checking exactly what
 * the host sends.
 */
export class RawClient {
  readonly messages: Uint8Array[] = []
  closeCode: number | null = null
  readonly ws: WebSocket
  readonly opened: Promise<void>

  constructor(url: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(url, { headers })
    this.ws.binaryType = 'nodebuffer'
    this.ws.on('message', (data: Buffer) => this.messages.push(new Uint8Array(data)))
    this.ws.on('close', (code) => {
      this.closeCode = code
    })
    this.ws.on('error', () => {})
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve())
      this.ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`HTTP ${res.statusCode}`)),
      )
    })
    closers.push(() => this.ws.terminate())
  }

  types(): number[] {
    return this.messages.map((m) => decoding.readVarUint(decoding.createDecoder(m)))
  }

  send(bytes: Uint8Array | string): void {
    this.ws.send(bytes)
  }

  /** Sends `update` as a y-websocket sync update message. */
  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.writeUpdate(encoder, update)
    this.send(encoding.toUint8Array(encoder))
  }

  async closed(): Promise<number> {
    await waitFor(() => this.closeCode !== null, 'the host to close the connection')
    return this.closeCode as number
  }
}

/**
 * Sends a WebSocket upgrade request on a plain TCP socket and returns every byte that comes
 * back until the host closes the socket.
 */
export function rawUpgrade(
  port: number,
  requestPath: string,
  headers: Record<string, string> = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error('the host kept the refused socket open'))
    }, 5000)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks))
    })
    const lines = [
      `GET ${requestPath} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ]
    socket.write(`${lines.join('\r\n')}\r\n\r\n`)
  })
}

/** A fetch to the host API with the owner token. */
export async function api(
  started: StartedHost,
  method: string,
  apiPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const response = await fetch(`${started.url}${apiPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${started.host.ownerToken}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  return {
    status: response.status,
    json: text === '' ? null : (JSON.parse(text) as unknown),
    headers: response.headers,
  }
}
