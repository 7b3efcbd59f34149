import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Awareness } from 'y-protocols/awareness'
import type { WorkspaceId } from '../../../shared/ids'
import {
  HOST_ID_PATTERN,
  BOARD_PREVIEW_PARAM,
  KRYSS_PROTOCOL_PARAM,
  KRYSS_PROTOCOL_VERSION,
  PEER_PARAM,
  formatSubDocId,
} from '../../../shared/protocol'
import { parseRoomName, roomKey, type Room } from '../../../shared/rooms'
import { SEARCH_PARAM } from '../../../shared/search/protocol'
import { isAllowedOrigin, tokensEqual } from '../auth'
import type { RoomSearch } from '../search/service'
import type { DocStore } from '../storage/docStore'
import type { WorkspaceEntry } from '../workspaces'
import { boardPreviewMessage } from './boardPreview'
import { CloseCode, SyncConnection, SyncRoom, type SyncCredential } from './room'

/**
 * Path prefix of the sync endpoint: `ws://HOST:PORT/sync/<room>?token=…`, where the room is
 * a workspace's root document, one of its note bodies or one of its boards (shared/rooms.ts).
 */
export const SYNC_PATH = '/sync'

/**
 * Largest frame accepted by default. A whole-document sync step 2 of a big workspace is one
 * frame, so this is generous; anything larger closes that connection with 1009.
 */
export const DEFAULT_MAX_PAYLOAD = 64 * 1024 * 1024

export const DEFAULT_PING_INTERVAL_MS = 30_000

/** What the sync server needs from the workspace registry. */
export interface SyncWorkspaces {
  get(id: string): WorkspaceEntry | undefined
  onRemove(listener: (id: WorkspaceId) => void): () => void
  onTokenRotated(listener: (rotation: { id: WorkspaceId }) => void): () => void
}

export type SyncServerOptions = {
  workspaces: SyncWorkspaces
  /** Accepted for every workspace, besides each workspace's own token. */
  ownerToken: string
  /** Browser origins allowed besides the host's own (e.g. `kryss://app`). */
  allowedOrigins?: readonly string[]
  maxPayload?: number
  /** Keep-alive: a connection that has not answered one ping by the next is dropped. */
  pingIntervalMs?: number
  log?: (line: string) => void
  /** Takes over peer links (`peer=<hostId>`); without it they are refused. */
  peers?: PeerAcceptor
  /** Full-text search on workspace root connections that ask (`search=1`). */
  search?: { room(workspaceId: string): RoomSearch | undefined }
}

/** What the sync server needs from the peer links service (peers/peerLinks.ts). */
export interface PeerAcceptor {
  /** A refusal sent before the handshake, or null to accept. */
  check(workspaceId: WorkspaceId, peerId: string): { status: number; message: string } | null
  accept(
    ws: WebSocket,
    workspace: WorkspaceEntry,
    peerId: string,
    remoteAddress: string,
    credential: SyncCredential,
  ): void
  /**
   * Presence across the workspace's peer links (peers/peerPresence.ts): each room's awareness
   * is attached under its document's name on a link ('' for the root) and detaches itself
   * when the room closes.
   */
  presence?(
    workspaceId: WorkspaceId,
  ): { attach(docId: string, awareness: Awareness): () => void } | undefined
}

export interface SyncServer {
  /** Handler for the http server's `upgrade` event. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Number of open connections, over all workspaces. */
  readonly connectionCount: number
  /** Closes every connection (1001) and releases rooms, timers and listeners. */
  close(): Promise<void>
}

/**
 * The y-websocket-compatible sync endpoint, written directly on y-protocols and `ws`.
 * Every check happens before the WebSocket handshake, so a refused client receives a plain
 * HTTP error and not one byte of any document.
 */
export function createSyncServer(options: SyncServerOptions): SyncServer {
  const log = options.log ?? (() => {})
  const allowedOrigins = options.allowedOrigins ?? []
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD,
    perMessageDeflate: false,
  })
  const rooms = new Map<string, SyncRoom>()
  const sockets = new Set<WebSocket>()
  let closing = false

  const disposeRemove = options.workspaces.onRemove((id) => {
    for (const [key, room] of rooms) {
      if (room.workspaceId !== id) continue
      rooms.delete(key)
      room.close(CloseCode.workspaceGone, 'workspace deleted')
    }
  })

  // Owner-token connections (the desktop window, peer links holding the owner token) stay.
  const disposeRotated = options.workspaces.onTokenRotated(({ id }) => {
    for (const room of rooms.values()) {
      if (room.workspaceId !== id) continue
      room.closeConnections(
        (connection) => connection.credential !== 'owner',
        CloseCode.tokenRevoked,
        'token rotated',
      )
    }
  })

  const keepAlive = setInterval(() => {
    for (const room of rooms.values()) {
      room.forEachConnection((connection) => {
        if (!connection.isAlive) {
          log(`kryss sync: ${connection.label}: no answer to ping; dropping`)
          connection.ws.terminate()
          return
        }
        connection.isAlive = false
        connection.ws.ping()
      })
    }
  }, options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS)
  keepAlive.unref()

  /**
   * The store a room's document lives in: the root store, or the note body's or board's. For a
   * body or board this
   * takes a reference on the store, which the caller passes on to the room or releases.
   */
  async function acquireStore(room: Room, workspace: WorkspaceEntry): Promise<DocStore | null> {
    switch (room.kind) {
      case 'root':
        return workspace.store
      case 'note':
        return workspace.bodies ? workspace.bodies.acquire(room.noteId) : null
      case 'board':
        return workspace.boards ? workspace.boards.acquire(room.boardId) : null
    }
  }

  function releaseStore(room: Room, workspace: WorkspaceEntry): void {
    if (room.kind === 'note') workspace.bodies?.release(room.noteId)
    if (room.kind === 'board') workspace.boards?.release(room.boardId)
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => {
      // Errors on a socket being refused or upgraded are the client's problem; never crash.
    })
    if (closing) return refuse(socket, 503, 'The host is stopping.')
    let url: URL
    try {
      url = new URL(request.url ?? '/', 'http://host.invalid')
    } catch {
      return refuse(socket, 400, 'Unreadable request URL.')
    }
    const room = url.pathname.startsWith(`${SYNC_PATH}/`)
      ? parseRoomName(url.pathname.slice(SYNC_PATH.length + 1))
      : undefined
    if (!room) return refuse(socket, 404, 'Not a sync endpoint.')
    if (!isAllowedOrigin(request.headers, allowedOrigins)) {
      return refuse(socket, 403, 'This origin may not connect.')
    }
    const workspace = options.workspaces.get(room.workspaceId)
    if (!workspace) return refuse(socket, 404, 'No such workspace.')
    const token = url.searchParams.get('token')
    const credential: SyncCredential | null = tokensEqual(token, options.ownerToken)
      ? 'owner'
      : tokensEqual(token, workspace.token)
        ? 'workspace'
        : workspace.viewToken !== undefined && tokensEqual(token, workspace.viewToken)
          ? 'view'
          : null
    if (credential === null) return refuse(socket, 401, 'Missing or wrong token.')
    // A private notebook is the owner's alone: any other token is refused like a wrong one.
    if (workspace.private && credential !== 'owner') {
      return refuse(socket, 401, 'Missing or wrong token.')
    }
    if (!workspace.store) return refuse(socket, 503, 'This workspace cannot be opened on the host.')
    const kryss = url.searchParams.get(KRYSS_PROTOCOL_PARAM) === String(KRYSS_PROTOCOL_VERSION)
    const wantsPreview = url.searchParams.get(BOARD_PREVIEW_PARAM) === '1'
    const wantsSearch = url.searchParams.get(SEARCH_PARAM) === '1'
    const label = `${request.socket.remoteAddress ?? '?'} ${roomKey(room)}`
    const peerId = url.searchParams.get(PEER_PARAM)
    if (peerId !== null) {
      return acceptPeer(request, socket, head, { room, workspace, peerId, credential, token })
    }

    // Opening a note body reads it from disk first; only then does the handshake complete,
    // so a body that cannot be read is refused like any other unavailable document.
    acquireStore(room, workspace).then(
      (store) => {
        if (!store) return refuse(socket, 503, 'This workspace cannot be opened on the host.')
        if (closing || socket.destroyed) {
          releaseStore(room, workspace)
          // Left open, the socket would hold the HTTP server's close (and the host's stop).
          return refuse(socket, 503, 'The host is stopping.')
        }
        wss.handleUpgrade(request, socket, head, (ws) =>
          accept(ws, {
            room,
            workspace,
            store,
            kryss,
            wantsPreview,
            wantsSearch,
            label,
            credential,
            token,
          }),
        )
      },
      (error: unknown) => {
        log(
          `kryss sync: ${label}: cannot open: ${error instanceof Error ? error.message : String(error)}`,
        )
        refuse(socket, 503, 'This document cannot be opened on the host.')
      },
    )
  }

  /** A peer link, authenticated like any client above, is handed to the peer links service. */
  function acceptPeer(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    {
      room,
      workspace,
      peerId,
      credential,
      token,
    }: {
      room: Room
      workspace: WorkspaceEntry
      peerId: string
      credential: SyncCredential
      token: string | null
    },
  ): void {
    const peers = options.peers
    if (!peers || room.kind !== 'root' || !HOST_ID_PATTERN.test(peerId)) {
      return refuse(socket, 400, 'Not a peer link.')
    }
    // A private notebook is never linked to another host, whatever the token.
    if (workspace.private) return refuse(socket, 403, 'A private notebook links to no host.')
    // A peer link carries changes both ways; a view-only invite cannot make one.
    if (credential === 'view') return refuse(socket, 403, 'A view-only invite cannot link hosts.')
    const refusal = peers.check(workspace.id, peerId)
    if (refusal) return refuse(socket, refusal.status, refusal.message)
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      if (closing) return ws.close(CloseCode.goingAway, 'host is stopping')
      // The token may have been rotated during the handshake.
      if (credential === 'workspace' && !tokensEqual(token, workspace.token)) {
        return ws.close(CloseCode.tokenRevoked, 'token rotated')
      }
      peers.accept(ws, workspace, peerId, request.socket.remoteAddress ?? '?', credential)
    })
  }

  function accept(
    ws: WebSocket,
    {
      room,
      workspace,
      store,
      kryss,
      wantsPreview,
      wantsSearch,
      label,
      credential,
      token,
    }: {
      room: Room
      workspace: WorkspaceEntry
      store: DocStore
      kryss: boolean
      wantsPreview: boolean
      wantsSearch: boolean
      label: string
      credential: SyncCredential
      token: string | null
    },
  ): void {
    sockets.add(ws)
    ws.on('close', () => sockets.delete(ws))
    ws.on('error', (error) => {
      // `ws` closes the socket itself (1009 for an oversized frame, 1007 for bad UTF-8).
      log(`kryss sync: ${label}: ${error.message}`)
    })
    // The workspace may have been deleted or the host stopped during the handshake.
    if (closing || options.workspaces.get(room.workspaceId) !== workspace || !workspace.store) {
      releaseStore(room, workspace)
      ws.close(CloseCode.workspaceGone, 'workspace unavailable')
      return
    }
    // The token may have been rotated while a note body was being read from disk.
    if (credential === 'workspace' && !tokensEqual(token, workspace.token)) {
      releaseStore(room, workspace)
      ws.close(CloseCode.tokenRevoked, 'token rotated')
      return
    }
    if (credential === 'view' && !tokensEqual(token, workspace.viewToken ?? '')) {
      releaseStore(room, workspace)
      ws.close(CloseCode.tokenRevoked, 'token rotated')
      return
    }
    const key = roomKey(room)
    let syncRoom = rooms.get(key)
    if (syncRoom) {
      // The existing room already holds its own reference on the store.
      releaseStore(room, workspace)
    } else {
      // A note-body (or board) room lives while someone is in it, and keeps the reference taken above;
      // when the last connection leaves it closes and gives the reference back, and the
      // workspace closes the body a little later. The root room lives as long as the host.
      const onEmpty =
        room.kind !== 'root'
          ? () => {
              if (rooms.get(key) !== created) return
              rooms.delete(key)
              created.close(CloseCode.goingAway, 'room closed')
              releaseStore(room, workspace)
            }
          : undefined
      const preview = room.kind === 'board' ? boardPreviewMessage : undefined
      const search = room.kind === 'root' ? options.search?.room(room.workspaceId) : undefined
      const created: SyncRoom = new SyncRoom(room.workspaceId, store, log, onEmpty, preview, search)
      syncRoom = created
      rooms.set(key, created)
      options.peers?.presence?.(room.workspaceId)?.attach(linkDocId(room), created.awareness)
    }
    syncRoom.add(new SyncConnection(ws, kryss, label, credential, wantsPreview, wantsSearch))
  }

  return {
    handleUpgrade,
    get connectionCount() {
      return sockets.size
    },
    async close() {
      if (closing) return
      closing = true
      clearInterval(keepAlive)
      disposeRemove()
      disposeRotated()
      for (const room of rooms.values()) room.close(CloseCode.goingAway, 'host is stopping')
      rooms.clear()
      await waitForSockets(sockets, 1000)
      for (const ws of sockets) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

/** A room's document as named on a peer link: '' for the root, `notes/<id>`, `boards/<id>`. */
function linkDocId(room: Room): string {
  switch (room.kind) {
    case 'root':
      return ''
    case 'note':
      return formatSubDocId({ kind: 'note', id: room.noteId })
    case 'board':
      return formatSubDocId({ kind: 'board', id: room.boardId })
  }
}

/** Answers a refused upgrade with a plain HTTP response on the raw socket, then closes it. */
function refuse(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      '\r\n' +
      body,
  )
}

/** Resolves when every socket has closed, or after `ms` (close handshakes can stall). */
function waitForSockets(sockets: Set<WebSocket>, ms: number): Promise<void> {
  if (sockets.size === 0) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms)
    const pending = new Set(sockets)
    const onClose = (ws: WebSocket) => () => {
      pending.delete(ws)
      if (pending.size === 0) finish()
    }
    const handlers = [...pending].map((ws) => {
      const handler = onClose(ws)
      ws.once('close', handler)
      return () => ws.off('close', handler)
    })
    function finish() {
      clearTimeout(timer)
      for (const dispose of handlers) dispose()
      resolve()
    }
  })
}
