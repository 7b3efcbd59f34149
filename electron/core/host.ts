import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { HostingStatus } from '../../shared/hostApi'
import type { WorkspaceId } from '../../shared/ids'
import { encodeInviteLink, INVITE_VERSION } from '../../shared/invite'
import {
  advertisedHosts,
  isWildcardBind,
  joinHosts,
  localUrl,
  type InterfaceLister,
} from './addresses'
import { lockDataDir } from './dataDirLock'
import { createBonjourDnsSd } from './discovery/bonjourDnsSd'
import { Discovery } from './discovery/discovery'
import type { DnsSd } from './discovery/dnsSd'
import type { HostingControl } from './http/api'
import { createPeerControl } from './http/peerApi'
import { createRequestHandler } from './http/requestHandler'
import { createLanHosting, HostingFixedError, type LanHosting } from './lanHosting'
import type { BackoffOptions } from './peers/backoff'
import { PeerLinks } from './peers/peerLinks'
import type { Timers } from './peers/peerSession'
import { SearchService } from './search/service'
import { openHostState } from './state'
import { createSyncServer, type SyncServer } from './sync/syncServer'
import { openWorkspaceRegistry, type WorkspaceEntry, type WorkspaceRegistry } from './workspaces'

export type HostOptions = {
  /** Absolute data directory (see config.ts `resolveDataDir`). */
  dataDir: string
  /** 0 picks a free port. */
  port: number
  bind: string
  /**
   * Token for the API and every workspace's sync endpoint. The desktop app passes a fresh one
   * per launch; the hub omits it and gets the one persisted in `kryss.json`.
   */
  ownerToken?: string
  /** The built renderer to serve to browsers (`out/renderer`). */
  rendererDir?: string
  /** Seed the example workspace on a brand-new data directory. */
  demo: boolean
  /** Browser origins besides the host's own, e.g. the Electron shell's `kryss://app`. */
  allowedOrigins?: readonly string[]
  /** Largest sync frame accepted; larger ones close that connection (1009). */
  maxPayload?: number
  pingIntervalMs?: number
  now?: () => number
  log?: (line: string) => void
  /** Where invite addresses come from for a wildcard bind (defaults to os.networkInterfaces). */
  networkInterfaces?: InterfaceLister
  /** Peer links' reconnect delays, timers and randomness (tests pass fast ones). */
  peerLinks?: { backoff?: BackoffOptions; timers?: Timers; random?: () => number }
  /** Where LAN hosting listens when the owner turns it on (default `0.0.0.0`). */
  lanBind?: string
  /** LAN discovery: the DNS-SD to use (default bonjour-service) and how often to poll. */
  discovery?: { createDnsSd?: () => DnsSd; pollIntervalMs?: number; timers?: Timers }
}

export type Host = {
  /** Opens the data directory and starts listening. Rejects (and undoes itself) on failure. */
  start(): Promise<{ url: string; port: number }>
  /** Closes every connection, flushes and closes every store, releases the data directory. */
  stop(): Promise<void>
  /** Available after `start()` when not passed in. */
  readonly ownerToken: string
  /** Available after `start()`. */
  readonly registry: WorkspaceRegistry
  /** One invite link per registered workspace, with this host's addresses. */
  inviteLinks(): { workspaceId: WorkspaceId; link: string }[]
  /** Links to other hosts (join by invite, status); available after `start()`. */
  readonly peers: PeerLinks
  /** LAN hosting (the owner's "Share on this network"); available after `start()`. */
  readonly hosting: HostingControl
  /** LAN discovery, running while LAN hosting is on; available after `start()`. */
  readonly discovery: Discovery
}

type Running = {
  server: Server
  search: SearchService
  sync: SyncServer
  registry: WorkspaceRegistry
  release: () => Promise<void>
  peers: PeerLinks
  /** Invite hosts now: LAN addresses while hosting, then this host's own. */
  hosts: () => string[]
  lan: LanHosting
  hosting: HostingControl
  discovery: Discovery
  dispose: () => void
}

/**
 * The host core: workspaces and their stores, the sync endpoint, the host API and the
 * renderer, on one port. The same object runs inside Electron main and as the headless hub.
 */
export function createHost(options: HostOptions): Host {
  const log = options.log ?? ((line: string) => console.error(line))
  const now = options.now ?? Date.now
  let ownerToken = options.ownerToken
  let running: Running | null = null
  let starting: Promise<{ url: string; port: number }> | null = null
  let stopping: Promise<void> | null = null

  function inviteLink(
    hosts: string[],
    workspace: WorkspaceEntry,
    token: string = workspace.token,
  ): string {
    // An invite needs a 1–200 character name; a peer may have set something odd.
    const name = workspace.name.trim().slice(0, 200) || workspace.id
    return encodeInviteLink({
      v: INVITE_VERSION,
      workspace: workspace.id,
      name,
      token,
      hosts,
      // A guest who joins with the read-only token gets a read-only editor, not a 4403.
      ...(token === workspace.viewToken ? { readOnly: true as const } : {}),
    })
  }

  async function start(): Promise<{ url: string; port: number }> {
    const undo: (() => Promise<void>)[] = []
    try {
      const release = await lockDataDir(options.dataDir)
      undo.push(release)
      const state = await openHostState({ dataDir: options.dataDir, now, log })
      undo.push(() => state.flush())
      const token = ownerToken ?? (await state.ensureOwnerToken())
      ownerToken = token
      const search = new SearchService({ log })
      undo.push(() => search.stop())
      const registry = await openWorkspaceRegistry({
        dataDir: options.dataDir,
        state,
        demo: options.demo,
        now,
        log,
        search,
      })
      undo.push(() => registry.close())
      const peers = new PeerLinks({
        registry,
        state,
        hostId: await state.ensureHostId(),
        log,
        now,
        ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
        ...(options.maxPayload === undefined ? {} : { maxPayload: options.maxPayload }),
        ...options.peerLinks,
      })
      undo.push(() => Promise.resolve(peers.stop()))
      const discovery = new Discovery({
        hostId: peers.hostId,
        registry,
        state,
        peers,
        createDnsSd:
          options.discovery?.createDnsSd ??
          (() => createBonjourDnsSd((error) => log(`kryss discovery: ${String(error)}`))),
        log,
        ...(options.discovery?.pollIntervalMs === undefined
          ? {}
          : { pollIntervalMs: options.discovery.pollIntervalMs }),
        ...(options.discovery?.timers === undefined ? {} : { timers: options.discovery.timers }),
      })
      undo.push(() => discovery.stop())
      // Discovery runs exactly while this host is reachable from the LAN.
      const followHosting = async (status: HostingStatus): Promise<HostingStatus> => {
        if (status.on && status.port !== null) discovery.start(status.port)
        else await discovery.stop()
        return status
      }

      const allowedOrigins = options.allowedOrigins ?? []
      const sync = createSyncServer({
        workspaces: registry,
        ownerToken: token,
        allowedOrigins,
        log,
        peers,
        search,
        ...(options.maxPayload === undefined ? {} : { maxPayload: options.maxPayload }),
        ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
      })
      undo.push(() => sync.close())
      // Filled in once the port is known; requests cannot arrive before that.
      let hosts = (): string[] => []
      // Defined below; requests cannot arrive before the servers listen.
      let hosting: HostingControl | undefined
      const control: HostingControl = {
        status: () => (hosting as HostingControl).status(),
        setOn: (on) => (hosting as HostingControl).setOn(on).then(followHosting),
      }
      const handleRequest = createRequestHandler({
        api: {
          registry,
          state,
          peers: createPeerControl(peers, registry),
          inviteLink: (w, token) => inviteLink(hosts(), w, token),
          hosting: control,
          discovery,
          log,
        },
        ownerToken: token,
        allowedOrigins,
        rendererDir: options.rendererDir,
        discoveryInfo: () => discovery.info(),
      })
      const server = createServer(handleRequest)
      const onUpgrade = sync.handleUpgrade.bind(sync)
      server.on('upgrade', onUpgrade)
      const port = await listen(server, options.port, options.bind)
      undo.push(() => closeServer(server))
      // Both listeners share one request handler and one upgrade handler.
      const lan = createLanHosting({
        handleRequest,
        handleUpgrade: onUpgrade,
        state,
        log,
        ...(options.lanBind === undefined ? {} : { bind: options.lanBind }),
        ...(options.networkInterfaces === undefined
          ? {}
          : { networkInterfaces: options.networkInterfaces }),
      })
      undo.push(() => lan.stop())
      const own = () => advertisedHosts(options.bind, port, options.networkInterfaces)
      if (isWildcardBind(options.bind)) {
        // A hub started with --bind 0.0.0.0 serves the LAN all the time, on its one port.
        hosts = own
        hosting = {
          status: () => ({ on: true, port, addresses: own(), configurable: false }),
          setOn: () => Promise.reject(new HostingFixedError()),
        }
      } else {
        hosts = () => joinHosts(lan.hosts(), own())
        hosting = lan
        await lan.start()
      }
      running = {
        server,
        search,
        sync,
        registry,
        release,
        peers,
        hosts,
        lan,
        hosting: control,
        discovery,
        dispose: () => server.off('upgrade', onUpgrade),
      }
      peers.start()
      await followHosting(hosting.status())
      return { url: localUrl(options.bind, port), port }
    } catch (error) {
      for (const step of undo.reverse()) await step().catch(() => {})
      throw error
    }
  }

  async function stop(): Promise<void> {
    if (starting) await starting.catch(() => {})
    const current = running
    if (!current) return
    running = null
    // New connections are refused first, then open ones close, then the stores flush.
    const closed = closeServer(current.server)
    await current.discovery.stop()
    current.peers.stop()
    await current.sync.close()
    // After the sync server, so WebSockets that came over the LAN get 1001 like the others.
    await current.lan.stop()
    current.dispose()
    await closed
    await current.registry.close()
    await current.search.stop()
    await current.release()
  }

  return {
    start() {
      if (running || starting) return Promise.reject(new Error('the host is already started'))
      starting = start().finally(() => {
        starting = null
      })
      return starting
    },
    stop() {
      stopping ??= stop().finally(() => {
        stopping = null
      })
      return stopping
    },
    get ownerToken() {
      if (ownerToken === undefined) throw new Error('the owner token is known after start()')
      return ownerToken
    },
    get registry() {
      if (!running) throw new Error('the host is not running')
      return running.registry
    },
    get peers() {
      if (!running) throw new Error('the host is not running')
      return running.peers
    },
    inviteLinks() {
      if (!running) return []
      const hosts = running.hosts()
      return running.registry
        .list()
        .filter((w) => !w.private) // a private notebook has no invite link
        .map((w) => ({ workspaceId: w.id, link: inviteLink(hosts, w) }))
    },
    get hosting() {
      if (!running) throw new Error('the host is not running')
      return running.hosting
    },
    get discovery() {
      if (!running) throw new Error('the host is not running')
      return running.discovery
    },
  }
}

/** Listens and resolves with the actual port. A taken port rejects with a clear message. */
function listen(server: Server, port: number, bind: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      if (error.code === 'EADDRINUSE') {
        reject(
          Object.assign(new Error(`Port ${port} on ${bind} is already in use.`), {
            code: 'EADDRINUSE',
          }),
        )
      } else if (error.code === 'EADDRNOTAVAIL') {
        reject(
          Object.assign(new Error(`${bind} is not an address of this computer.`), {
            code: 'EADDRNOTAVAIL',
          }),
        )
      } else reject(error)
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

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve()
    server.close(() => resolve())
    // Keep-alive HTTP connections would otherwise hold `close` open for seconds.
    server.closeAllConnections()
  })
}
