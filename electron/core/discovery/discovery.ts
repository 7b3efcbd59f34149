import {
  advertisedName,
  decodeDiscoveryTxt,
  DISCOVERY_PATH,
  DISCOVERY_SERVICE_TYPE,
  DISCOVERY_VERSION,
  discoveryInfoSchema,
  encodeDiscoveryTxt,
  MAX_ADVERTISED_WORKSPACES,
  type DiscoveryInfo,
  type NearbyHost,
} from '../../../shared/discovery'
import type { WorkspaceId } from '../../../shared/ids'
import { INVITE_VERSION, normalizeHost, type Invite } from '../../../shared/invite'
import type { PeerLinkStatus } from '../peers/peerLinks'
import type { Timers } from '../peers/peerSession'
import type { HostState } from '../state'
import type { WorkspaceEntry } from '../workspaces'
import type { Browsing, DnsSd, FoundService, Published } from './dnsSd'
import { matchWorkspaces, workspaceTag } from './workspaceTag'

/** How often known addresses are asked again, and the advertisement refreshed. */
export const DISCOVERY_POLL_MS = 10_000
/** A host that does not answer `GET /api/discovery` within this is skipped this round. */
const PROBE_TIMEOUT_MS = 3_000

export type DiscoveryOptions = {
  hostId: string
  registry: { list(): WorkspaceEntry[] }
  state: HostState
  /** The peer-links service: `link` for workspaces both hosts have, `status` to avoid repeats. */
  peers: { link(invite: Invite): Promise<unknown>; status(): PeerLinkStatus[] }
  /** A fresh DNS-SD instance per `start()`; destroyed by `stop()`. */
  createDnsSd: () => DnsSd
  fetch?: typeof fetch
  timers?: Timers
  pollIntervalMs?: number
  log?: (line: string) => void
}

type KnownHost = NearbyHost & {
  /** Where it was learned: an mDNS instance name, or the typed address. */
  source: string
  hosts: string[]
}

type Active = {
  port: number
  /** Null when multicast DNS could not be set up; typed-in addresses work all the same. */
  dnsSd: DnsSd | null
  published: Published | null
  txtKey: string
  browsing: Browsing | null
  timer: unknown
  aborts: Set<AbortController>
}

/**
 * LAN discovery (issue 3): while LAN hosting is on, advertises this host over DNS-SD and
 * browses for other Kryss hosts; typed-in addresses are asked over HTTP instead. For each host
 * found, the workspaces it hosts that this host has too are linked through the peer-links
 * service with the token this host already holds, never one from the network. Workspaces it
 * does not have are only listed (`nearby()`), by name when the other owner lets it show.
 */
export class Discovery {
  private active: Active | null = null
  private readonly known = new Map<string, KnownHost>()
  /** `<workspace> <address>` pairs already handed to peer links while active. */
  private readonly linked = new Set<string>()
  private readonly log: (line: string) => void
  private readonly timers: Timers
  private readonly fetch: typeof fetch

  constructor(private readonly options: DiscoveryOptions) {
    this.log = options.log ?? (() => {})
    this.timers = options.timers ?? {
      setInterval: (run, ms) => setInterval(run, ms).unref(),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
      setTimeout: (run, ms) => setTimeout(run, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    }
    this.fetch = options.fetch ?? fetch
  }

  get running(): boolean {
    return this.active !== null
  }

  /** Advertises on `port` (the LAN port) and starts looking. Calling it again is a no-op. */
  start(port: number): void {
    if (this.active) return
    const active: Active = {
      port,
      dnsSd: null,
      published: null,
      txtKey: '',
      browsing: null,
      timer: null,
      aborts: new Set(),
    }
    this.active = active
    try {
      active.dnsSd = this.options.createDnsSd()
      active.browsing = active.dnsSd.find(DISCOVERY_SERVICE_TYPE, {
        up: (service) => this.onFound(service),
        down: (service) => this.known.delete(`mdns ${service.name}`),
      })
      this.advertise(active)
    } catch (error) {
      // No multicast here: typed-in addresses still work.
      this.log(`kryss discovery: mDNS unavailable: ${String(error)}`)
    }
    active.timer = this.timers.setInterval(
      () => this.tick(),
      this.options.pollIntervalMs ?? DISCOVERY_POLL_MS,
    )
    this.tick()
  }

  /** Withdraws the advertisement, stops browsing and polling, forgets what was found. */
  async stop(): Promise<void> {
    const active = this.active
    if (!active) return
    this.active = null
    this.timers.clearInterval(active.timer)
    for (const abort of active.aborts) abort.abort()
    active.browsing?.stop()
    this.known.clear()
    this.linked.clear()
    await active.published?.stop().catch(() => {})
    await active.dnsSd?.destroy().catch(() => {})
  }

  /** What this host advertises (also the answer of `GET /api/discovery`); null while off. */
  info(): DiscoveryInfo | null {
    if (!this.active) return null
    const hidden = new Set(this.options.state.discovery.hiddenNames)
    const workspaces = this.options.registry
      .list()
      // A private notebook is never advertised, not even as a tag.
      .filter((w) => w.error === null && !w.private)
      .slice(0, MAX_ADVERTISED_WORKSPACES)
      .map((w) => {
        const name = hidden.has(w.id) ? undefined : advertisedName(w.name)
        const tag = workspaceTag(w.id, this.options.hostId)
        return name === undefined ? { tag } : { tag, name }
      })
    return { v: DISCOVERY_VERSION, hostId: this.options.hostId, workspaces }
  }

  /** Hosts found on the LAN or at a known address, with which workspaces this host has too. */
  nearby(): NearbyHost[] {
    // One host can be both found by mDNS and typed in: list it once.
    const byHost = new Map<string, NearbyHost>()
    for (const { hostId, address, workspaces } of this.known.values()) {
      if (byHost.has(hostId)) continue
      byHost.set(hostId, { hostId, address, workspaces: workspaces.map((w) => ({ ...w })) })
    }
    return [...byHost.values()]
  }

  /**
   * Saves a typed-in address and asks it at once (while active). Resolves with whether a Kryss
   * host answered there, and why not in words.
   */
  async addAddress(address: string): Promise<{ found: boolean; error?: string }> {
    await this.options.state.addKnownAddress(address)
    if (!this.active) {
      return { found: false, error: 'Saved. It is asked while hosting on this network is on.' }
    }
    return this.probe(address)
  }

  /** Whether `workspaceId`'s name is advertised; the tag always is. Re-advertises at once. */
  async setVisibleNearby(workspaceId: WorkspaceId, visible: boolean): Promise<void> {
    await this.options.state.setVisibleNearby(workspaceId, visible)
    if (this.active) this.advertise(this.active)
  }

  private tick(): void {
    const active = this.active
    if (!active) return
    this.advertise(active)
    for (const address of this.options.state.discovery.addresses) {
      this.probe(address).catch(() => {})
    }
    // Workspaces joined since a host was found get linked now.
    for (const host of this.known.values()) this.use(host.source, host.hosts, host)
  }

  /** (Re)publishes when what we advertise changed: a new workspace, a rename. */
  private advertise(active: Active): void {
    const info = this.info()
    if (!info || !active.dnsSd) return
    const dnsSd = active.dnsSd
    const txt = encodeDiscoveryTxt(info)
    const key = JSON.stringify(txt)
    if (key === active.txtKey) return
    active.txtKey = key
    const previous = active.published
    active.published = null
    const publish = () => {
      if (this.active !== active) return
      try {
        active.published = dnsSd.publish({
          name: `Kryss ${this.options.hostId}`,
          type: DISCOVERY_SERVICE_TYPE,
          port: active.port,
          txt,
        })
      } catch (error) {
        this.log(`kryss discovery: cannot advertise: ${String(error)}`)
      }
    }
    if (previous) previous.stop().then(publish, publish)
    else publish()
  }

  private onFound(service: FoundService): void {
    const info = decodeDiscoveryTxt(service.txt)
    if (!info || service.addresses.length === 0) return
    const hosts = service.addresses.slice(0, 16).map((ip) => `http://${ip}:${service.port}/`)
    this.use(`mdns ${service.name}`, hosts, info)
  }

  private async probe(address: string): Promise<{ found: boolean; error?: string }> {
    const active = this.active
    if (!active) return { found: false }
    const abort = new AbortController()
    active.aborts.add(abort)
    const timeout = this.timers.setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS)
    try {
      const response = await this.fetch(new URL(DISCOVERY_PATH, address), { signal: abort.signal })
      if (!response.ok) throw new Error(`it answered ${response.status}`)
      const parsed = discoveryInfoSchema.safeParse(await response.json())
      if (!parsed.success || parsed.data.v !== DISCOVERY_VERSION) {
        throw new Error('it is not a Kryss host of this version')
      }
      if (this.active !== active) return { found: false }
      this.use(`address ${address}`, [normalizeHost(address)], parsed.data)
      return { found: true }
    } catch (error) {
      this.known.delete(`address ${address}`)
      const reason = abort.signal.aborted ? 'no answer' : (error as Error).message
      return { found: false, error: `No Kryss host answered at ${address} (${reason}).` }
    } finally {
      this.timers.clearTimeout(timeout)
      active.aborts.delete(abort)
    }
  }

  /** Records a host and links the workspaces both hosts have. Our own advertisement is skipped. */
  private use(
    source: string,
    hosts: string[],
    info: Pick<DiscoveryInfo, 'hostId'> & { workspaces: { tag: string; name?: string }[] },
  ): void {
    if (!this.active || info.hostId === this.options.hostId || hosts.length === 0) return
    // A private notebook is never matched, so never linked to a host found on the network.
    const ours = this.options.registry.list().filter((w) => !w.private)
    const matches = matchWorkspaces(
      ours.map((w) => w.id),
      info.hostId,
      info.workspaces.map((w) => w.tag),
    )
    this.known.set(source, {
      source,
      hosts,
      hostId: info.hostId,
      address: hosts[0] as string,
      workspaces: info.workspaces.map((w) => ({
        tag: w.tag,
        ...(w.name === undefined ? {} : { name: w.name }),
        member: matches.has(w.tag),
      })),
    })
    for (const workspaceId of matches.values()) {
      const entry = ours.find((w) => w.id === workspaceId)
      if (entry) this.linkTo(entry, info.hostId, hosts)
    }
  }

  private linkTo(workspace: WorkspaceEntry, remoteHostId: string, hosts: string[]): void {
    const key = `${workspace.id} ${hosts[0] ?? ''}`
    if (this.linked.has(key) || this.isLinked(workspace.id, remoteHostId)) return
    this.linked.add(key)
    const invite: Invite = {
      v: INVITE_VERSION,
      workspace: workspace.id,
      name: workspace.name.trim().slice(0, 200) || workspace.id,
      // Our own token for the workspace: discovery never takes a capability from the network.
      token: workspace.token,
      hosts,
    }
    this.log(`kryss discovery: linking ${workspace.id} to ${remoteHostId} at ${hosts[0] ?? ''}`)
    this.options.peers.link(invite).catch((error: unknown) => {
      this.linked.delete(key)
      this.log(`kryss discovery: cannot link ${workspace.id}: ${String(error)}`)
    })
  }

  /** A link with that host for that workspace exists already (either one dialled). */
  private isLinked(workspaceId: WorkspaceId, remoteHostId: string): boolean {
    return this.options.peers
      .status()
      .some(
        (s) =>
          s.workspaceId === workspaceId &&
          s.remoteHostId === remoteHostId &&
          (s.state === 'synced' || s.state === 'syncing'),
      )
  }
}
