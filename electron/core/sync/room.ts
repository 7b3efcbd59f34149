import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type { WebSocket } from 'ws'
import type * as Y from 'yjs'
import type { WorkspaceId } from '../../../shared/ids'
import { encodeStoredMessage, MessageType } from '../../../shared/protocol'
import {
  encodeSearchResults,
  encodeSearchStatus,
  readSearchRequest,
  SearchMessageType,
} from '../../../shared/search/protocol'
import { SearchRateLimit } from '../search/rateLimit'
import type { RoomSearch } from '../search/service'
import type { DocStore } from '../storage/docStore'
import { updateChangesDoc } from './readOnly'

/** WebSocket close codes the host uses (see docs/PROTOCOL.md). */
export const CloseCode = {
  goingAway: 1001,
  unsupportedData: 1003,
  malformed: 1007,
  tooBig: 1009,
  storageFailed: 1011,
  /** The workspace was deleted: the 44xx range tells y-websocket not to reconnect. */
  workspaceGone: 4404,
  /** The workspace token this connection used was rotated: its invite no longer works. */
  tokenRevoked: 4401,
  /** A read-only (view-only invite) connection sent a change; it was neither applied nor relayed. */
  readOnly: 4403,
} as const

/**
 * Which secret a connection authenticated with. Rotating a workspace token revokes `workspace`
 * and `view` (the read-only token of view-only invites).
 */
export type SyncCredential = 'owner' | 'workspace' | 'view'

/** A frame that does not decode as a message the host understands. */
class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError'
}

/** One client connection in a room. The object is also the Yjs transaction origin. */
export class SyncConnection {
  /** Answered the last keep-alive ping (or sent anything) since the previous one. */
  isAlive = true
  closed = false
  /** Kryss additions: sync messages received, and the count last acknowledged as stored. */
  syncReceived = 0
  storedAcked = 0
  private ackRunning = false
  private ackFailed = false
  /** Awareness client ids this connection has announced; removed when it leaves. */
  readonly controlledIds = new Set<number>()

  constructor(
    readonly ws: WebSocket,
    /** Whether the client opted in to Kryss's additions (`?kryss=1`). */
    readonly kryss: boolean,
    /** For log lines: `<address> <workspace>`. */
    readonly label: string,
    readonly credential: SyncCredential = 'workspace',
    /** The client asked for a board preview before the document (`?preview=1`). */
    readonly wantsPreview = false,
    /** The client speaks search on this (root) connection (`?search=1`, docs/PROTOCOL.md). */
    readonly wantsSearch = false,
  ) {}

  /** Stops status messages to this connection (search). */
  stopSearch: () => void = () => {}

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    this.ws.send(message, (error) => {
      // A failed send means the socket is already going away; `close` cleans up.
      if (error) this.ws.terminate()
    })
  }

  /**
   * Sends `stored(n)` once the store has made durable everything applied so far. While one
   * flush is awaited, later messages only raise the target, so there is one ack per flush and
   * it always carries the newest durable count.
   */
  scheduleStoredAck(store: DocStore, log: (line: string) => void): void {
    if (this.ackRunning || this.ackFailed) return
    this.ackRunning = true
    const run = async (): Promise<void> => {
      while (!this.closed && this.storedAcked < this.syncReceived) {
        const target = this.syncReceived
        await store.whenDurable()
        if (this.closed) return
        this.storedAcked = target
        this.send(encodeStoredMessage(target))
      }
    }
    run()
      .catch((error: unknown) => {
        // No ack is the truthful answer: the client keeps saying "not saved yet".
        this.ackFailed = true
        log(`kryss sync: ${this.label}: cannot confirm storage: ${String(error)}`)
      })
      .finally(() => {
        this.ackRunning = false
      })
  }
}

/**
 * One workspace on the sync endpoint: its doc, a host-side awareness and the connections.
 * Speaks the standard y-websocket protocol; see docs/PROTOCOL.md.
 */
export class SyncRoom {
  readonly awareness: awarenessProtocol.Awareness
  private readonly connections = new Set<SyncConnection>()
  private readonly disposers: (() => void)[] = []
  private closing = false
  /** Search queries per connection (search/rateLimit.ts); over it, an `error` answer. */
  private readonly searchLimit = new SearchRateLimit()

  constructor(
    readonly workspaceId: WorkspaceId,
    private readonly store: DocStore,
    private readonly log: (line: string) => void,
    /** Called when the last connection has left. */
    private readonly onEmpty?: () => void,
    /**
     * A board room's preview message (sync/boardPreview.ts), sent first to Kryss clients that
     * ask for it.
     */
    private readonly preview?: (doc: Y.Doc) => Uint8Array,
    /** A root room's full-text search (search/service.ts), for Kryss clients that ask. */
    private readonly search?: RoomSearch,
  ) {
    this.awareness = new awarenessProtocol.Awareness(store.doc)
    // The host is a relay, not a participant: it must not show up in anyone's presence list.
    this.awareness.setLocalState(null)

    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      const message = encodeSyncUpdate(update)
      for (const connection of this.connections) {
        if (connection !== origin) connection.send(message)
      }
    }
    store.doc.on('update', onUpdate)
    this.disposers.push(() => store.doc.off('update', onUpdate))

    const onAwareness = (
      changes: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ): void => {
      if (origin instanceof SyncConnection && this.connections.has(origin)) {
        for (const id of [...changes.added, ...changes.updated]) origin.controlledIds.add(id)
        for (const id of changes.removed) origin.controlledIds.delete(id)
      }
      const changed = [...changes.added, ...changes.updated, ...changes.removed]
      const message = encodeAwareness(this.awareness, changed)
      // Sent to the origin too, as y-websocket's server does: a lone client's own renewals
      // are then the traffic that keeps its "no message for 30 s" watchdog quiet.
      for (const connection of this.connections) connection.send(message)
    }
    this.awareness.on('update', onAwareness)
    this.disposers.push(() => this.awareness.off('update', onAwareness))
  }

  get doc(): Y.Doc {
    return this.store.doc
  }

  get size(): number {
    return this.connections.size
  }

  /**
   * Adds a connection and starts the exchange: a board's preview when asked for, sync step 1,
   * then everyone's awareness.
   */
  add(connection: SyncConnection): void {
    this.connections.add(connection)
    const { ws } = connection
    ws.on('message', (data, isBinary) => {
      connection.isAlive = true
      if (connection.closed) return
      if (!isBinary) {
        this.drop(
          connection,
          CloseCode.unsupportedData,
          'text frame',
          'text frames are not part of the protocol',
        )
        return
      }
      try {
        this.handleMessage(connection, toBytes(data))
      } catch (error) {
        this.drop(connection, CloseCode.malformed, 'malformed message', describe(error))
      }
    })
    ws.on('pong', () => {
      connection.isAlive = true
    })
    ws.on('close', () => this.remove(connection))

    if (this.preview !== undefined && connection.kryss && connection.wantsPreview) {
      connection.send(this.preview(this.doc))
    }
    if (this.searches(connection) && this.search !== undefined) {
      connection.send(encodeSearchStatus(this.search.status()))
      connection.stopSearch = this.search.onStatus((status) =>
        connection.send(encodeSearchStatus(status)),
      )
    }
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, MessageType.sync)
    syncProtocol.writeSyncStep1(step1, this.doc)
    connection.send(encoding.toUint8Array(step1))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) connection.send(encodeAwareness(this.awareness, states))
  }

  /** Closes every connection with `code` and releases the room's listeners. */
  close(code: number, reason: string): void {
    if (this.closing) return
    this.closing = true
    for (const connection of [...this.connections]) {
      connection.ws.close(code, reason)
      this.remove(connection)
    }
    for (const dispose of this.disposers.splice(0)) dispose()
    this.awareness.destroy()
  }

  /**
   * Closes the connections `select` picks (e.g. those whose token was rotated) at once: they
   * leave the room before the close handshake ends, so nothing they send later is applied.
   */
  closeConnections(select: (connection: SyncConnection) => boolean, code: number, reason: string) {
    for (const connection of [...this.connections]) {
      if (!select(connection)) continue
      this.log(`kryss sync: ${connection.label}: closing (${code} ${reason})`)
      connection.ws.close(code, reason)
      this.remove(connection)
    }
  }

  /** Every connection, for the keep-alive sweep. */
  forEachConnection(visit: (connection: SyncConnection) => void): void {
    for (const connection of this.connections) visit(connection)
  }

  private handleMessage(connection: SyncConnection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        if (connection.credential === 'view' && this.refuseChange(connection, decoder)) return
        const reply = encoding.createEncoder()
        encoding.writeVarUint(reply, MessageType.sync)
        // The error handler rethrows: y-protocols would otherwise log and carry on, and a
        // malformed update must close this connection instead.
        syncProtocol.readSyncMessage(decoder, reply, this.doc, connection, (error) => {
          throw error
        })
        if (encoding.length(reply) > 1) connection.send(encoding.toUint8Array(reply))
        if (connection.kryss) {
          connection.syncReceived++
          connection.scheduleStoredAck(this.store, this.log)
        }
        return
      }
      case MessageType.awareness:
        awarenessProtocol.applyAwarenessUpdate(
          this.awareness,
          decoding.readVarUint8Array(decoder),
          connection,
        )
        return
      case MessageType.queryAwareness:
        connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]))
        return
      case MessageType.auth:
        // Permission messages flow host → client only; a client has nothing to say here.
        return
      case SearchMessageType.searchRequest: {
        // Only for connections that were told search is here; to others it is unknown.
        if (!this.searches(connection) || this.search === undefined) {
          throw new MalformedMessageError(`unknown message type ${type}`)
        }
        const { requestId, json } = readSearchRequest(decoder)
        const refused = this.searchLimit.refuse(connection, this.search.status())
        if (refused !== undefined) return connection.send(encodeSearchResults(requestId, refused))
        this.search.query(json).then(
          (response) => connection.send(encodeSearchResults(requestId, response)),
          (error: unknown) =>
            this.log(`kryss sync: ${connection.label}: search: ${describe(error)}`),
        )
        return
      }
      default:
        throw new MalformedMessageError(`unknown message type ${type}`)
    }
  }

  /** Whether a connection speaks search: a Kryss client that asked, in a room that has it. */
  private searches(connection: SyncConnection): boolean {
    return this.search !== undefined && connection.kryss && connection.wantsSearch
  }

  /**
   * A read-only connection may ask (step 1) but not change anything: a step 2 or update that
   * would change the document closes it with 4403, before anything is applied or relayed. One
   * that changes nothing (a step 2 of what the host has) is let through. Returns true when
   * the connection was closed.
   */
  private refuseChange(connection: SyncConnection, decoder: decoding.Decoder): boolean {
    const peek = decoding.clone(decoder)
    const step = decoding.readVarUint(peek)
    if (step === syncProtocol.messageYjsSyncStep1) return false
    if (!updateChangesDoc(this.doc, decoding.readVarUint8Array(peek))) return false
    this.log(`kryss sync: ${connection.label}: read-only connection sent a change; refused`)
    connection.ws.close(CloseCode.readOnly, 'read only')
    this.remove(connection)
    return true
  }

  /**
   * WARNING: the close reason is a fixed ASCII phrase. Error messages can quote client bytes,
   * and a reason over 123 bytes makes `ws.close` throw inside the message handler.
   */
  private drop(connection: SyncConnection, code: number, reason: string, detail: string): void {
    this.log(`kryss sync: ${connection.label}: closing (${code} ${reason}): ${detail}`)
    connection.ws.close(code, reason)
    this.remove(connection)
  }

  private remove(connection: SyncConnection): void {
    if (connection.closed) return
    connection.closed = true
    connection.stopSearch()
    this.connections.delete(connection)
    // A client that reconnected before its old connection was dropped announces the same id
    // on the new one; that presence must survive the old connection's removal.
    const stillControlled = new Set<number>()
    for (const other of this.connections)
      for (const id of other.controlledIds) stillControlled.add(id)
    const orphaned = [...connection.controlledIds].filter((id) => !stillControlled.has(id))
    if (orphaned.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, orphaned, 'connection closed')
    }
    if (this.connections.size === 0 && !this.closing) this.onEmpty?.()
  }
}

function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
