import type { WebSocket as WsSocket } from 'ws'
import { WebSocket } from 'ws'
import type { WorkspaceId } from '../../../shared/ids'
import { syncUrlForHost, type Invite } from '../../../shared/invite'
import { KRYSS_PROTOCOL_PARAM, KRYSS_PROTOCOL_VERSION, PEER_PARAM } from '../../../shared/protocol'
import type { HostState, PeerRecord } from '../state'
import { CloseCode, type SyncCredential } from '../sync/room'
import { PrivateWorkspaceError, type WorkspaceEntry, type WorkspaceRegistry } from '../workspaces'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff'
import { DUPLICATE_LINK_CODE, PeerSession, type Timers } from './peerSession'
import { PeerPresence } from './peerPresence'

/** How one peer link is doing, as a plain object for the API and the sync status UI. */
export type PeerLinkStatus = {
  workspaceId: WorkspaceId
  /** `out`: this host dials (from an invite); `in`: the other host dialled this one. */
  direction: 'in' | 'out'
  /** Addresses this host dials, in the order tried; the remote address for `in`. */
  hosts: string[]
  remoteHostId: string | null
  /**
   * `connecting` (or waiting to retry), `syncing` (the first exchange), `synced` (live),
   * `duplicate` (another link between the same two hosts carries this workspace), `unavailable`
   * (the local workspace cannot be opened).
   */
  state: 'connecting' | 'syncing' | 'synced' | 'duplicate' | 'unavailable'
  lastSyncedAt: number | null
  /**
   * Changes made here since this link was last in sync (0 while it is): edits to one document
   * (the root or one note body) count as one change until that document rests for
   * {@link CHANGE_COALESCE_MS}, so typing a sentence is one change, not one per keystroke.
   */
  waiting: number
  lastError: string | null
}

export type PeerLinksOptions = {
  registry: WorkspaceRegistry
  state: HostState
  /** This host's id (`HostState.ensureHostId`). */
  hostId: string
  log?: (line: string) => void
  now?: () => number
  random?: () => number
  timers?: Timers
  backoff?: BackoffOptions
  pingIntervalMs?: number
  maxPayload?: number
}

/**
 * Edits to the same document less than this apart are one change in `waiting`: a person typing
 * pauses for longer between thoughts than between keys.
 */
export const CHANGE_COALESCE_MS = 3_000

/** Why a peer connection is refused before its handshake, as an HTTP status and sentence. */
export type PeerRefusal = { status: number; message: string }

type OutboundLink = {
  record: PeerRecord
  status: PeerLinkStatus
  attempt: number
  timer: unknown
  ws: WsSocket | null
  session: PeerSession | null
  /** When each document (`root` or a note id) last changed while the link was not in sync. */
  lastChangeAt: Map<string, number>
  dispose: () => void
}

const NODE_TIMERS: Timers = {
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

/**
 * Host-to-host links: per workspace, one link to every remote this host was invited to
 * (dialled, with backoff), plus the links other hosts dial in. Every update reaching the host
 * is relayed to every link but the one it came from, so A ↔ B ↔ C converge although A and C
 * never meet. Two hosts keep one link per workspace between them: of two, the one dialled by
 * the host with the smaller id stays.
 */
export class PeerLinks {
  private readonly links = new Map<string, OutboundLink>()
  private readonly sessions = new Set<PeerSession>()
  private readonly incoming = new Map<PeerSession, PeerLinkStatus>()
  /** Per workspace, the presence relay between its rooms here and its links (kept across stop/start). */
  private readonly presences = new Map<WorkspaceId, PeerPresence>()
  private readonly disposers: (() => void)[] = []
  private readonly log: (line: string) => void
  private readonly now: () => number
  private readonly timers: Timers
  private stopped = true

  constructor(private readonly options: PeerLinksOptions) {
    this.log = options.log ?? (() => {})
    this.now = options.now ?? Date.now
    this.timers = options.timers ?? NODE_TIMERS
  }

  get hostId(): string {
    return this.options.hostId
  }

  /** Starts a link for every remote saved in the state. */
  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.disposers.push(
      this.options.registry.onRemove((id) => {
        for (const [key, link] of this.links) {
          if (link.status.workspaceId !== id) continue
          this.links.delete(key)
          this.stopLink(link, CloseCode.workspaceGone, 'workspace deleted')
        }
        for (const session of this.sessions) {
          if (this.workspaceOf(session) === id)
            session.close(CloseCode.workspaceGone, 'workspace deleted')
        }
        this.presences.get(id)?.destroy()
        this.presences.delete(id)
      }),
      // Links that came in with the old token close like any client's; the dialling hosts are
      // full replicas the owner already trusts, so they are told the new token first and
      // reconnect with it. Links that used the owner token stay.
      this.options.registry.onTokenRotated(({ id, newToken }) => {
        for (const session of [...this.sessions]) {
          if (this.workspaceOf(session) !== id || session.direction !== 'in') continue
          if (this.credentials.get(session) !== 'workspace') continue
          session.sendToken(newToken)
          session.close(CloseCode.tokenRevoked, 'token rotated')
        }
      }),
    )
    for (const record of this.options.state.peers) this.ensureLink(record)
  }

  /** Closes every link and stops reconnecting. */
  stop(): void {
    if (this.stopped) return
    this.stopped = true
    for (const dispose of this.disposers.splice(0)) dispose()
    for (const link of this.links.values())
      this.stopLink(link, CloseCode.goingAway, 'host is stopping')
    this.links.clear()
    for (const session of [...this.sessions]) session.close(CloseCode.goingAway, 'host is stopping')
  }

  /**
   * Joins the workspace of `invite` (registering it with an empty document when it is new
   * here), remembers the remote and keeps a link to it.
   */
  async link(invite: Invite): Promise<PeerLinkStatus> {
    if (this.stopped) throw new Error('peer links are stopped')
    // Joining a private notebook's id would link it to the inviting host: refused.
    if (this.options.registry.get(invite.workspace)?.private) {
      throw new PrivateWorkspaceError(invite.workspace)
    }
    await this.options.registry.register({
      id: invite.workspace,
      name: invite.name,
      token: invite.token,
    })
    const record: PeerRecord = {
      workspace: invite.workspace,
      hosts: invite.hosts,
      token: invite.token,
    }
    await this.options.state.savePeer(record)
    return { ...this.ensureLink(record).status }
  }

  /**
   * The presence relay of a workspace (peerPresence.ts), for the sync server to attach its
   * rooms to; undefined for a private notebook, which links to no host.
   */
  presence(workspaceId: WorkspaceId): PeerPresence | undefined {
    if (this.options.registry.get(workspaceId)?.private) return undefined
    let presence = this.presences.get(workspaceId)
    if (!presence) {
      presence = new PeerPresence({ timers: this.timers, now: this.now })
      this.presences.set(workspaceId, presence)
    }
    return presence
  }

  /** Every link, outgoing and incoming, as plain objects. */
  status(): PeerLinkStatus[] {
    return [
      ...[...this.links.values()].map((link) => ({
        ...link.status,
        hosts: [...link.status.hosts],
      })),
      ...[...this.incoming.values()].map((status) => ({ ...status })),
    ]
  }

  /**
   * Changes to the workspace that no peer holds yet, counted as in {@link PeerLinkStatus}
   * `waiting` (a burst of edits to one document is one change): 0 while any of its links is in sync
   * (that peer relays them), else the fewest waiting on any outgoing link. An incoming link
   * that dropped is gone from this host, so it cannot count; without links the answer is 0.
   */
  unshared(workspaceId: WorkspaceId): number {
    const links = this.status().filter((s) => s.workspaceId === workspaceId)
    if (links.some((s) => s.state === 'synced')) return 0
    const counts = links.filter((s) => s.direction === 'out').map((s) => s.waiting)
    return counts.length === 0 ? 0 : Math.min(...counts)
  }

  /**
   * Decides on an incoming peer connection before its handshake: never a link to this host
   * itself, never a second link from the same host, and of two links dialled in opposite
   * directions the one dialled by the smaller host id.
   */
  check(workspaceId: WorkspaceId, peerId: string): PeerRefusal | null {
    if (this.stopped) return { status: 503, message: 'The host is stopping.' }
    if (peerId === this.hostId) return { status: 409, message: 'A host does not link to itself.' }
    if (this.options.registry.get(workspaceId)?.private) {
      return { status: 403, message: 'A private notebook links to no host.' }
    }
    for (const session of this.sessions) {
      if (this.workspaceOf(session) !== workspaceId || session.remoteHostId !== peerId) continue
      if (session.direction === 'in' || this.hostId < peerId) {
        return { status: 409, message: 'These hosts are already linked for this workspace.' }
      }
    }
    return null
  }

  /**
   * Takes over an incoming peer connection that {@link check} allowed; `credential` says which
   * token it authenticated with, so a rotation closes only the links that used the old one.
   */
  accept(
    ws: WsSocket,
    workspace: WorkspaceEntry,
    peerId: string,
    remoteAddress: string,
    credential: SyncCredential = 'workspace',
  ): void {
    if (
      this.stopped ||
      !workspace.store ||
      !workspace.bodies ||
      !workspace.boards ||
      workspace.private
    ) {
      ws.close(CloseCode.workspaceGone, 'workspace unavailable')
      return
    }
    for (const session of this.sessions) {
      if (this.workspaceOf(session) === workspace.id && session.remoteHostId === peerId) {
        session.close(DUPLICATE_LINK_CODE, 'duplicate link')
      }
    }
    const status: PeerLinkStatus = {
      workspaceId: workspace.id,
      direction: 'in',
      hosts: [remoteAddress],
      remoteHostId: peerId,
      state: 'syncing',
      lastSyncedAt: null,
      waiting: 0,
      lastError: null,
    }
    const session = this.openSession(
      ws,
      workspace,
      'in',
      peerId,
      `in ${workspace.id} ${remoteAddress}`,
      {
        onSynced: () => {
          status.state = 'synced'
          status.lastSyncedAt = this.now()
        },
        onMessage: () => {
          status.lastSyncedAt = this.now()
        },
        onClose: () => this.incoming.delete(session),
      },
    )
    this.credentials.set(session, credential)
    this.incoming.set(session, status)
  }

  private workspaceIds = new WeakMap<PeerSession, WorkspaceId>()
  private readonly credentials = new WeakMap<PeerSession, SyncCredential>()

  private workspaceOf(session: PeerSession): WorkspaceId | undefined {
    return this.workspaceIds.get(session)
  }

  private openSession(
    ws: WsSocket,
    workspace: WorkspaceEntry,
    direction: 'in' | 'out',
    remoteHostId: string | null,
    label: string,
    events: {
      onSynced: () => void
      onMessage: () => void
      onClose: (code: number) => void
      onDuplicate?: () => void
      onToken?: (token: string) => void
    },
  ): PeerSession {
    const session = new PeerSession({
      ws,
      direction,
      localHostId: this.hostId,
      remoteHostId,
      root: workspace.store!,
      bodies: workspace.bodies!,
      boards: workspace.boards!,
      presence: this.presence(workspace.id),
      label,
      pingIntervalMs: this.options.pingIntervalMs ?? 30_000,
      timers: this.timers,
      log: this.log,
      onHello: (s) => {
        const keep = this.keepOnHello(s)
        if (!keep) events.onDuplicate?.()
        return keep
      },
      onSynced: () => events.onSynced(),
      onMessage: () => events.onMessage(),
      onToken: (_s, token) => events.onToken?.(token),
      onClose: (s, code) => {
        this.sessions.delete(s)
        events.onClose(code)
      },
    })
    this.workspaceIds.set(session, workspace.id)
    this.sessions.add(session)
    return session
  }

  /** An outgoing link learned whom it reached: keep it unless it duplicates another link. */
  private keepOnHello(session: PeerSession): boolean {
    if (session.direction === 'in') return true
    const remote = session.remoteHostId
    if (remote === this.hostId) return false
    const workspaceId = this.workspaceOf(session)
    for (const other of this.sessions) {
      if (other === session || other.closed) continue
      if (this.workspaceOf(other) !== workspaceId || other.remoteHostId !== remote) continue
      if (other.direction === 'out') return false
      if (remote !== null && this.hostId < remote)
        other.close(DUPLICATE_LINK_CODE, 'duplicate link')
      else return false
    }
    return true
  }

  private ensureLink(record: PeerRecord): OutboundLink {
    const key = `${record.workspace} ${record.hosts[0] ?? ''}`
    const existing = this.links.get(key)
    if (existing) {
      existing.record = record
      existing.status.hosts = [...record.hosts]
      return existing
    }
    const link: OutboundLink = {
      record,
      status: {
        workspaceId: record.workspace,
        direction: 'out',
        hosts: [...record.hosts],
        remoteHostId: null,
        state: 'connecting',
        lastSyncedAt: null,
        waiting: 0,
        lastError: null,
      },
      attempt: 0,
      timer: null,
      ws: null,
      session: null,
      lastChangeAt: new Map(),
      dispose: () => {},
    }
    this.links.set(key, link)
    const workspace = this.options.registry.get(record.workspace)
    // A saved remote for a private notebook (a hand-edited kryss.json) is never dialled.
    if (!workspace?.store || !workspace.bodies || !workspace.boards || workspace.private) {
      link.status.state = 'unavailable'
      return link
    }
    const { store, bodies, boards } = workspace
    // Counted per document and coalesced in time: the status speaks of changes a person made,
    // and a y-websocket client sends one update per keystroke.
    const countWaiting = (doc: string, origin: unknown) => {
      // A null session must not match a null origin (an edit made here without one).
      const fromLink = link.session !== null && origin === link.session
      if (fromLink || link.session?.synced) return
      const at = this.now()
      const previous = link.lastChangeAt.get(doc)
      link.lastChangeAt.set(doc, at)
      if (previous === undefined || at - previous >= CHANGE_COALESCE_MS) link.status.waiting++
    }
    const onRootUpdate = (_update: Uint8Array, origin: unknown) => countWaiting('root', origin)
    store.doc.on('update', onRootUpdate)
    const offBodies = bodies.onUpdate((noteId, _update, origin) => countWaiting(noteId, origin))
    const offBoards = boards.onUpdate((id, _update, origin) => countWaiting(`boards/${id}`, origin))
    link.dispose = () => {
      store.doc.off('update', onRootUpdate)
      offBodies()
      offBoards()
    }
    this.connect(link, workspace)
    return link
  }

  private connect(link: OutboundLink, workspace: WorkspaceEntry): void {
    if (this.stopped) return
    const { record, status } = link
    const host = record.hosts[link.attempt % record.hosts.length] as string
    const query = new URLSearchParams({
      token: record.token,
      [KRYSS_PROTOCOL_PARAM]: String(KRYSS_PROTOCOL_VERSION),
      [PEER_PARAM]: this.hostId,
    })
    let ws: WsSocket
    try {
      ws = new WebSocket(`${syncUrlForHost(host)}/${record.workspace}?${query.toString()}`, {
        perMessageDeflate: false,
        handshakeTimeout: 10_000,
        ...(this.options.maxPayload === undefined ? {} : { maxPayload: this.options.maxPayload }),
      })
    } catch (error) {
      status.lastError = String(error)
      return this.retry(link, workspace, false)
    }
    ws.binaryType = 'nodebuffer'
    link.ws = ws
    status.state = status.state === 'duplicate' ? 'duplicate' : 'connecting'
    let duplicate = false
    ws.on('error', (error) => {
      // ws words a refusal as "Unexpected server response: 401".
      status.lastError = error.message
    })
    ws.on('open', () => {
      status.state = 'syncing'
      status.lastError = null
      link.session = this.openSession(
        ws,
        workspace,
        'out',
        null,
        `out ${record.workspace} ${host}`,
        {
          onSynced: () => {
            link.attempt = 0
            status.state = 'synced'
            status.remoteHostId = link.session?.remoteHostId ?? null
            status.lastSyncedAt = this.now()
            status.waiting = 0
            link.lastChangeAt.clear()
          },
          onMessage: () => {
            status.lastSyncedAt = this.now()
          },
          onClose: () => {
            link.session = null
          },
          onDuplicate: () => {
            duplicate = true
          },
          onToken: (token) => {
            // The remote rotated its token and trusts this host: keep linking with the new one,
            // also after a restart. The 4401 that follows makes the next attempt use it.
            link.record = { ...link.record, token }
            this.options.state.savePeer(link.record).catch((error: unknown) => {
              this.log(
                `kryss peers: out ${record.workspace} ${host}: saving token: ${String(error)}`,
              )
            })
            // The rotation holds for the whole workspace: this host's own invites carry the
            // old token too, so it takes the new one and closes its old-token connections
            // (which passes it on down to hosts linked in here).
            this.options.registry.adoptToken(record.workspace, token).catch((error: unknown) => {
              this.log(
                `kryss peers: out ${record.workspace} ${host}: adopting token: ${String(error)}`,
              )
            })
          },
        },
      )
    })
    ws.on('close', (code) => {
      if (link.ws !== ws) return
      link.ws = null
      link.session = null
      if (this.stopped || !this.links.has(`${record.workspace} ${record.hosts[0] ?? ''}`)) return
      duplicate ||= code === DUPLICATE_LINK_CODE || /\b409\b/.test(status.lastError ?? '')
      status.state = duplicate ? 'duplicate' : 'connecting'
      this.retry(link, workspace, duplicate)
    })
  }

  private retry(link: OutboundLink, workspace: WorkspaceEntry, duplicate: boolean): void {
    if (this.stopped) return
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF
    // A duplicate is not a failure: the other link carries the workspace; look again rarely.
    const delay = duplicate
      ? backoff.maxMs
      : backoffDelay(link.attempt, backoff, this.options.random ?? Math.random)
    link.attempt++
    link.timer = this.timers.setTimeout(() => {
      link.timer = null
      this.connect(link, workspace)
    }, delay)
  }

  private stopLink(link: OutboundLink, code: number, reason: string): void {
    if (link.timer !== null) this.timers.clearTimeout(link.timer)
    link.timer = null
    link.dispose()
    const ws = link.ws
    link.ws = null
    if (link.session) link.session.close(code, reason)
    else if (ws) ws.terminate()
    link.session = null
  }
}
