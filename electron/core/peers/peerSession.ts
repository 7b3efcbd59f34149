import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebSocket } from 'ws'
import {
  encodeManifest,
  formatSubDocId,
  encodePeerDoc,
  encodePeerHello,
  encodePeerToken,
  MessageType,
  MIN_PEER_PROTOCOL_VERSION,
  parseSubDocId,
  PEER_PROTOCOL_VERSION,
  PEER_TOKEN_VERSION,
  PeerMessageType,
  PeerProtocolError,
  readManifest,
  readPeerDoc,
  readPeerHello,
  readPeerToken,
  type ManifestEntry,
  type SubDocKind,
} from '../../../shared/protocol'
import type { BoardStores, NoteBodyStores, SubDocSet } from '../noteBodies'
import type { DocStore } from '../storage/docStore'
import { CloseCode } from '../sync/room'
import type { PeerPresence } from './peerPresence'
import { encodePresenceFrame, readPresenceFrame, ROOT_DOC_ID } from './presenceWire'

/** Close code for a link that duplicates another between the same two hosts, or a self-link. */
export const DUPLICATE_LINK_CODE = 4409

/** Sub-documents synced at once on a link; each one holds its store open until its step 2 arrives. */
export const MAX_BODIES_IN_FLIGHT = 32

/** Timers, injected so tests can run the keep-alive and backoff fast. */
export type Timers = {
  setInterval(run: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export type PeerSessionOptions = {
  ws: WebSocket
  direction: 'in' | 'out'
  localHostId: string
  /** Known from the URL for an incoming link; learned from `hello` for an outgoing one. */
  remoteHostId: string | null
  root: DocStore
  bodies: NoteBodyStores
  boards: BoardStores
  /**
   * The workspace's presence relay (peerPresence.ts); without it awareness on the link is
   * ignored, as hosts before presence on links did.
   */
  presence?: PeerPresence
  label: string
  pingIntervalMs: number
  timers: Timers
  log: (line: string) => void
  /** The other side said who it is. Return false to close this link as a duplicate. */
  onHello: (session: PeerSession) => boolean
  /** The first exchange is complete: both sides hold everything the other had at connect. */
  onSynced: (session: PeerSession) => void
  onMessage: (session: PeerSession) => void
  /** The accepting host sent the workspace's new token (only on an outgoing link). */
  onToken?: (session: PeerSession, token: string) => void
  onClose: (session: PeerSession, code: number) => void
}

/**
 * One peer link between two hosts for one workspace, the same code on both ends. The root
 * document syncs with standard y-protocols messages; sub-documents (note bodies, boards) travel
 * in `doc` frames named `notes/<id>` or `boards/<id>`, after a `manifest` of digests says which
 * differ (docs/PROTOCOL.md, "Peer links"). Every update
 * applied here has this session as origin, so it is forwarded to every other link and client
 * of the host, and never back over this one. Presence (awareness frames) goes to and comes from
 * the workspace's relay, `PeerPresence`, which keeps the same rule.
 */
export class PeerSession {
  remoteHostId: string | null
  /** The peer protocol version the other side said in `hello`; null before it. */
  remoteVersion: number | null = null
  closed = false
  synced = false
  private rootSynced = false
  private manifestHandled = false
  private alive = true
  /** Wire names (`notes/<id>`, `boards/<id>`) of the sub-documents still to ask for. */
  private readonly wanted: string[] = []
  /** Asked for with step 1; those in `held` keep a reference on their store until step 2. */
  private readonly inFlight = new Set<string>()
  private readonly held = new Set<string>()
  private chain: Promise<void> = Promise.resolve()
  private readonly disposers: (() => void)[] = []

  constructor(private readonly options: PeerSessionOptions) {
    this.remoteHostId = options.remoteHostId
    const { ws, root, timers } = options

    const onRootUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin === this) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.sync)
      syncProtocol.writeUpdate(encoder, update)
      this.send(encoding.toUint8Array(encoder))
    }
    root.doc.on('update', onRootUpdate)
    this.disposers.push(() => root.doc.off('update', onRootUpdate))
    for (const kind of SUB_DOC_KINDS) {
      this.disposers.push(
        this.stores(kind).onUpdate((id, update, origin) => {
          if (origin === this) return
          const encoder = encoding.createEncoder()
          syncProtocol.writeUpdate(encoder, update)
          const docId = formatSubDocId({ kind, id })
          this.send(encodePeerDoc({ docId, sync: encoding.toUint8Array(encoder) }))
        }),
      )
    }

    ws.on('message', (data, isBinary) => {
      this.alive = true
      if (this.closed) return
      if (!isBinary) return this.close(CloseCode.unsupportedData, 'text frame', 'text frame')
      const bytes = toBytes(data)
      // WARNING: a `token` is followed at once by the 4401 close; queued behind the chain it
      // would be dropped as `closed`, so it is read here, in wire order before the close.
      if (bytes[0] === PeerMessageType.token) return this.handleToken(bytes)
      this.chain = this.chain
        .then(() => (this.closed ? undefined : this.handle(bytes)))
        .catch((error: unknown) => this.close(CloseCode.malformed, 'malformed message', error))
    })
    ws.on('pong', () => {
      this.alive = true
    })
    ws.on('close', (code) => this.dispose(code))
    ws.on('error', (error) => options.log(`kryss peers: ${options.label}: ${error.message}`))
    const ping = timers.setInterval(() => {
      if (!this.alive) return ws.terminate()
      this.alive = false
      ws.ping()
    }, options.pingIntervalMs)
    this.disposers.push(() => timers.clearInterval(ping))

    this.send(encodePeerHello({ version: PEER_PROTOCOL_VERSION, hostId: options.localHostId }))
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, MessageType.sync)
    syncProtocol.writeSyncStep1(step1, root.doc)
    this.send(encoding.toUint8Array(step1))
    if (options.presence) {
      // An empty presence frame says "I speak presence"; the other side starts sending its own
      // when it reads one. A host that predates it drops every awareness frame on a link.
      options.presence.addLink(this)
      this.disposers.push(() => options.presence?.dropLink(this))
      this.send(encodePresenceFrame({ docId: ROOT_DOC_ID, states: [], withdrawn: [] }))
    }
    // Subscribed above before the digests are taken: later changes travel as live updates.
    this.allDigests().then(
      (digests) => {
        const entries: ManifestEntry[] = [...digests].map(([docId, digest]) => ({
          docId,
          digest,
        }))
        this.send(encodeManifest(entries))
      },
      (error: unknown) => this.close(CloseCode.storageFailed, 'storage failed', error),
    )
  }

  /** The stores of one kind of sub-document. */
  private stores(kind: SubDocKind): SubDocSet<string> {
    return kind === 'note' ? this.options.bodies : this.options.boards
  }

  /** Digests of every sub-document, keyed by wire name. */
  private async allDigests(): Promise<Map<string, Uint8Array>> {
    const all = new Map<string, Uint8Array>()
    for (const kind of SUB_DOC_KINDS) {
      for (const [id, digest] of await this.stores(kind).digests()) {
        all.set(formatSubDocId({ kind, id }), digest)
      }
    }
    return all
  }

  /** The kind and id a wire name stands for; anything else ends the link. */
  private resolve(docId: string): { kind: SubDocKind; id: string; stores: SubDocSet<string> } {
    const ref = parseSubDocId(docId)
    if (!ref) throw new PeerProtocolError('not a document name')
    return { ...ref, stores: this.stores(ref.kind) }
  }

  get direction(): 'in' | 'out' {
    return this.options.direction
  }

  /** Closes the link; the reason is a fixed ASCII phrase (ws throws on long ones). */
  close(code: number, reason: string, detail?: unknown): void {
    if (this.closed) return
    if (detail !== undefined) {
      const text = detail instanceof Error ? detail.message : JSON.stringify(detail)
      this.options.log(`kryss peers: ${this.options.label}: closing (${code} ${reason}): ${text}`)
    }
    this.options.ws.close(code, reason)
    this.dispose(code)
  }

  /**
   * Tells the dialling host the workspace's new token, if it speaks a version that knows the
   * message. The caller closes the link (4401) right after; the token travels first.
   */
  sendToken(token: string): void {
    if ((this.remoteVersion ?? 0) >= PEER_TOKEN_VERSION) this.send(encodePeerToken(token))
  }

  private handleToken(bytes: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(bytes)
      decoding.readVarUint(decoder)
      const token = readPeerToken(decoder)
      // Only the host that checked this link's token may replace it.
      if (this.options.direction !== 'out') throw new PeerProtocolError('token on an incoming link')
      this.options.onToken?.(this, token)
    } catch (error) {
      this.close(CloseCode.malformed, 'malformed message', error)
    }
  }

  /** A presence frame from the workspace's relay (peerPresence.ts). */
  sendPresence(message: Uint8Array): void {
    this.send(message)
  }

  private send(message: Uint8Array): void {
    const { ws } = this.options
    if (this.closed || ws.readyState !== ws.OPEN) return
    ws.send(message, (error) => {
      if (error) ws.terminate()
    })
  }

  private async handle(data: Uint8Array): Promise<void> {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    // Presence is not sync: "last synced" stays the time of the last document message.
    if (this.synced && type !== MessageType.awareness) this.options.onMessage(this)
    switch (type) {
      case MessageType.sync: {
        const reply = encoding.createEncoder()
        encoding.writeVarUint(reply, MessageType.sync)
        const step = syncProtocol.readSyncMessage(
          decoder,
          reply,
          this.options.root.doc,
          this,
          rethrow,
        )
        if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply))
        if (step === syncProtocol.messageYjsSyncStep2) {
          this.rootSynced = true
          this.checkSynced()
        }
        return
      }
      case MessageType.awareness: {
        // Read (and checked) even without a relay: a malformed frame closes the link either way.
        const frame = readPresenceFrame(decoder)
        this.options.presence?.receive(this, frame)
        return
      }
      case PeerMessageType.hello: {
        const hello = readPeerHello(decoder)
        if (hello.version < MIN_PEER_PROTOCOL_VERSION || hello.version > PEER_PROTOCOL_VERSION) {
          return this.close(CloseCode.malformed, 'peer version', `version ${hello.version}`)
        }
        if (this.remoteHostId !== null && this.remoteHostId !== hello.hostId) {
          throw new PeerProtocolError('hello names another host than the link')
        }
        this.remoteHostId = hello.hostId
        this.remoteVersion = hello.version
        if (!this.options.onHello(this)) this.close(DUPLICATE_LINK_CODE, 'duplicate link')
        return
      }
      case PeerMessageType.manifest:
        return this.handleManifest(readManifest(decoder))
      case PeerMessageType.doc:
        return this.handleDoc(readPeerDoc(decoder))
      default:
        throw new PeerProtocolError(`unknown message type ${type}`)
    }
  }

  private async handleManifest(entries: ManifestEntry[]): Promise<void> {
    if (this.manifestHandled) throw new PeerProtocolError('a second manifest')
    const mine = await this.allDigests()
    for (const { docId, digest } of entries) {
      this.resolve(docId)
      const own = mine.get(docId)
      if (!own || !equalBytes(own, digest)) this.wanted.push(docId)
    }
    this.manifestHandled = true
    this.pump()
    this.checkSynced()
  }

  /** Asks for wanted bodies with step 1, at most {@link MAX_BODIES_IN_FLIGHT} at a time. */
  private pump(): void {
    while (!this.closed && this.inFlight.size < MAX_BODIES_IN_FLIGHT && this.wanted.length > 0) {
      const docId = this.wanted.shift() as string
      if (this.inFlight.has(docId)) continue
      this.inFlight.add(docId)
      const { id, stores } = this.resolve(docId)
      stores.acquire(id).then(
        (store) => {
          if (this.closed) return stores.release(id)
          this.held.add(docId)
          const encoder = encoding.createEncoder()
          syncProtocol.writeSyncStep1(encoder, store.doc)
          this.send(encodePeerDoc({ docId, sync: encoding.toUint8Array(encoder) }))
        },
        (error: unknown) => {
          this.inFlight.delete(docId)
          this.options.log(`kryss peers: ${this.options.label}: ${docId}: ${String(error)}`)
          this.pump()
          this.checkSynced()
        },
      )
    }
  }

  private async handleDoc({ docId, sync }: { docId: string; sync: Uint8Array }): Promise<void> {
    const { id, stores } = this.resolve(docId)
    const store = await stores.acquire(id)
    try {
      if (this.closed) return
      const reply = encoding.createEncoder()
      const step = syncProtocol.readSyncMessage(
        decoding.createDecoder(sync),
        reply,
        store.doc,
        this,
        rethrow,
      )
      if (encoding.length(reply) > 0) {
        this.send(encodePeerDoc({ docId, sync: encoding.toUint8Array(reply) }))
      }
      if (step === syncProtocol.messageYjsSyncStep2 && this.held.delete(docId)) {
        this.inFlight.delete(docId)
        stores.release(id)
        this.pump()
        this.checkSynced()
      }
    } finally {
      stores.release(id)
    }
  }

  private checkSynced(): void {
    if (this.synced || !this.rootSynced || !this.manifestHandled) return
    if (this.inFlight.size > 0 || this.wanted.length > 0) return
    this.synced = true
    this.options.onSynced(this)
  }

  private dispose(code: number): void {
    if (this.closed) return
    this.closed = true
    for (const dispose of this.disposers.splice(0)) dispose()
    for (const docId of this.held) {
      const ref = parseSubDocId(docId)
      if (ref) this.stores(ref.kind).release(ref.id)
    }
    this.held.clear()
    this.inFlight.clear()
    this.wanted.length = 0
    this.options.onClose(this, code)
  }
}

const SUB_DOC_KINDS: readonly SubDocKind[] = ['note', 'board']

function rethrow(error: Error): never {
  throw error
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
