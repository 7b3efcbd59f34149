import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { HostingStatus } from '../../shared/hostApi'
import { lanHosts, type InterfaceLister } from './addresses'
import type { HostState } from './state'

/** Where LAN hosting listens by default: every interface, so the Wi-Fi can reach it. */
export const DEFAULT_LAN_BIND = '0.0.0.0'

export type LanHostingOptions = {
  /** The host's own request handler: the LAN listener serves exactly what loopback serves. */
  handleRequest: (req: IncomingMessage, res: ServerResponse) => void
  /** The sync server's upgrade handler, shared the same way. */
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void
  state: HostState
  /** Defaults to {@link DEFAULT_LAN_BIND}. */
  bind?: string
  networkInterfaces?: InterfaceLister
  log: (line: string) => void
}

/** LAN hosting cannot be switched on a host that listens on every interface anyway. */
export class HostingFixedError extends Error {
  override readonly name = 'HostingFixedError'
  constructor() {
    super('This host listens on every network (started with --bind); restart it to change that.')
  }
}

/** The host's second listener, for the LAN, switched on and off by the owner. */
export type LanHosting = {
  /** Turns hosting back on when it was on when the host last stopped. Never throws. */
  start(): Promise<void>
  status(): HostingStatus
  /** Turns hosting on or off and saves the choice. Rejects when the port cannot be opened. */
  setOn(on: boolean): Promise<HostingStatus>
  /** The LAN origins (`http://ADDR:PORT/`) to put first in invites; empty while off. */
  hosts(): string[]
  /** Closes the listener and its connections, keeping the saved choice for the next start. */
  stop(): Promise<void>
}

/**
 * LAN hosting for a host that otherwise listens on loopback only (the desktop app): a second
 * `http.Server` on the LAN with the same request and upgrade handlers, so every check (owner
 * token, invite token, Origin) applies unchanged. Turning it off closes the listener and every
 * connection that came through it, WebSockets included, while loopback connections stay.
 *
 * The port is saved and asked for again next time, so a printed QR code keeps working across
 * restarts; when it is taken, any free port is used (and saved) instead.
 */
export function createLanHosting(options: LanHostingOptions): LanHosting {
  const bind = options.bind ?? DEFAULT_LAN_BIND
  let server: Server | null = null
  // Upgraded WebSockets leave the http server's own bookkeeping, so track raw sockets here.
  const sockets = new Set<Socket>()
  let changing: Promise<unknown> = Promise.resolve()

  function serialise<T>(task: () => Promise<T>): Promise<T> {
    const result = changing.then(task)
    changing = result.catch(() => {})
    return result
  }

  async function open(): Promise<number> {
    const saved = options.state.hosting.port
    const created = createServer(options.handleRequest)
    created.on('upgrade', options.handleUpgrade)
    created.on('connection', (socket: Socket) => {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    })
    let port: number
    try {
      port = await listen(created, saved ?? 0, bind)
    } catch (error) {
      if (saved === null || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
      options.log(`kryss: LAN port ${saved} is taken; hosting on another port`)
      port = await listen(created, 0, bind)
    }
    server = created
    return port
  }

  async function close(): Promise<void> {
    const current = server
    server = null
    if (!current) return
    const closed = new Promise<void>((resolve) => current.close(() => resolve()))
    for (const socket of sockets) socket.destroy()
    sockets.clear()
    await closed
  }

  function currentPort(): number | null {
    return server ? (server.address() as AddressInfo).port : null
  }

  function hosts(): string[] {
    const port = currentPort()
    return port === null ? [] : lanHosts(port, options.networkInterfaces)
  }

  function status(): HostingStatus {
    return {
      on: server !== null,
      port: currentPort() ?? options.state.hosting.port,
      addresses: hosts(),
      configurable: true,
    }
  }

  return {
    start: () =>
      serialise(async () => {
        if (!options.state.hosting.on || server) return
        try {
          const port = await open()
          await options.state.setHosting({ on: true, port })
          options.log(`kryss: hosting on the LAN, port ${port}`)
        } catch (error) {
          // The loopback host is what the owner needs right now; the switch shows "off".
          options.log(`kryss: cannot host on the LAN: ${String(error)}`)
        }
      }),
    status,
    setOn: (on) =>
      serialise(async () => {
        if (on && !server) {
          const port = await open()
          await options.state.setHosting({ on: true, port })
          options.log(`kryss: hosting on the LAN, port ${port}`)
        } else if (!on && server) {
          const port = currentPort()
          await close()
          await options.state.setHosting({ on: false, port })
          options.log('kryss: stopped hosting on the LAN')
        }
        return status()
      }),
    hosts,
    stop: () => serialise(close),
  }
}

function listen(server: Server, port: number, bind: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      resolve((server.address() as AddressInfo).port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, bind)
  })
}
