import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_DIGESTS_FILE, BoardStores } from '../../electron/core/noteBodies'
import type { BoardId, NoteId, WorkspaceId } from '../../shared/ids'
import { boardMeta, initBoard } from '../../shared/model/board/boardDoc'
import { createBoard, listBoards } from '../../shared/model/boards'
import * as decoding from 'lib0/decoding'
import { createItems } from '../../shared/model/board/commands'
import { readBoardPreview } from '../../shared/model/board/preview'
import { startPrivateMode, startSession } from '../../shared/model/board/session'
import {
  MessageType,
  readBoardPreviewMessage,
  encodeManifest,
  encodePeerHello,
  PEER_PROTOCOL_VERSION,
  PeerMessageType,
} from '../../shared/protocol'
import { boardRoomName, noteRoomName } from '../../shared/rooms'
import { CloseCode } from '../../electron/core/sync/room'
import {
  api,
  cleanup,
  connectProvider,
  RawClient,
  rawUpgrade,
  startHost,
  tempDir,
  waitFor,
  whenSynced,
} from './hostHarness'
import { inviteOf, rootDoc, startPeerHost, TEST_ORIGIN } from './peerHarness'

afterEach(cleanup)

const boardA = 'board-aaaaaaaaaaaa' as BoardId
const boardB = 'board-bbbbbbbbbbbb' as BoardId
const actor = { id: 'person-kari', name: 'Kari' }
const title = (doc: Y.Doc) => boardMeta(doc).get('title')

describe('boards: one document per board, opened on demand', () => {
  it('syncs a board between two stock clients, apart from the root, notes and other boards', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const params = { token: workspace.token }
    const room = boardRoomName(workspace.id, boardA)
    const a = connectProvider(started.port, room, params)
    const b = connectProvider(started.port, room, params)
    const other = connectProvider(started.port, boardRoomName(workspace.id, boardB), params)
    // A note with the same id part is another document in another folder.
    const note = connectProvider(
      started.port,
      noteRoomName(workspace.id, boardA as string as NoteId),
      params,
    )
    await Promise.all([whenSynced(a), whenSynced(b), whenSynced(other), whenSynced(note)])

    initBoard(a.doc, { title: 'Idémyldring', actor, now: 1 })
    await waitFor(() => title(b.doc) === 'Idémyldring', 'the board to reach b')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(title(other.doc)).toBeUndefined()
    expect(title(note.doc)).toBeUndefined()
    expect(workspace.store?.doc.getMap('meta').get('title')).toBeUndefined()
    const entry = started.host.registry.get(workspace.id)
    expect(entry?.boards?.openCount).toBe(2)
    expect(entry?.bodies?.openCount).toBe(1)
  })

  it('keeps a board on disk across a restart, under boards/<id>/', async () => {
    const first = await startHost()
    const workspace = await first.host.registry.create('Verksted')
    const room = boardRoomName(workspace.id, boardA)
    const writer = connectProvider(first.port, room, { token: workspace.token })
    await whenSynced(writer)
    initBoard(writer.doc, { title: 'Lagret tavle', actor, now: 1 })
    const entry = first.host.registry.get(workspace.id)
    await waitFor(() => entry?.boards?.openCount === 1, 'the board to open')
    // Let the host receive and persist the edit, then stop it: stop flushes every store.
    await new Promise((resolve) => setTimeout(resolve, 200))
    writer.destroy()
    await first.host.stop()
    // The board has a store of its own in the workspace folder.
    expect((await stat(path.join(entry!.dir, 'boards', boardA))).isDirectory()).toBe(true)

    const second = await startHost({ dataDir: first.dataDir })
    expect(second.host.registry.get(workspace.id)?.boards?.openCount).toBe(0)
    const reader = connectProvider(second.port, room, { token: workspace.token })
    await whenSynced(reader)
    expect(title(reader.doc)).toBe('Lagret tavle')
  })

  it('refuses a wrong token or a malformed board id, and a view-only change, like a body', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const status = (response: Buffer) => response.toString('latin1').split('\r\n')[0]
    const room = boardRoomName(workspace.id, boardA)
    expect(status(await rawUpgrade(started.port, `/sync/${room}?token=nope`))).toBe(
      'HTTP/1.1 401 Unauthorized',
    )
    const malformed = `/sync/${workspace.id}/boards/..%2F..?token=${workspace.token}`
    expect(status(await rawUpgrade(started.port, malformed))).toBe('HTTP/1.1 404 Not Found')
    const unknown = boardRoomName('ws-nosuchspace' as WorkspaceId, boardA)
    expect(
      status(await rawUpgrade(started.port, `/sync/${unknown}?token=${workspace.token}`)),
    ).toBe('HTTP/1.1 404 Not Found')
    expect(started.host.registry.get(workspace.id)?.boards?.openCount).toBe(0)

    const writer = connectProvider(started.port, room, { token: workspace.token })
    await whenSynced(writer)
    initBoard(writer.doc, { title: 'Bare lesing', actor, now: 1 })
    const answer = await api(started, 'POST', `/api/workspaces/${workspace.id}/invite`, {
      readOnly: true,
    })
    expect(answer.status).toBe(200)
    const viewToken = started.host.registry.get(workspace.id)?.viewToken
    expect(viewToken).toBeDefined()
    const viewer = connectProvider(started.port, room, { token: viewToken! })
    await whenSynced(viewer)
    await waitFor(() => title(viewer.doc) === 'Bare lesing', 'the board at the viewer')

    const raw = new RawClient(`ws://127.0.0.1:${started.port}/sync/${room}?token=${viewToken}`)
    await raw.opened
    const forged = new Y.Doc()
    boardMeta(forged).set('title', 'hærverk')
    raw.sendUpdate(Y.encodeStateAsUpdate(forged))
    expect(await raw.closed()).toBe(4403)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(title(writer.doc)).toBe('Bare lesing')
  })

  it('acknowledges stored board updates to a Kryss client', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const room = boardRoomName(workspace.id, boardA)
    const raw = new RawClient(
      `ws://127.0.0.1:${started.port}/sync/${room}?token=${workspace.token}&kryss=1`,
    )
    await raw.opened
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Kvittert', actor, now: 1 })
    raw.sendUpdate(Y.encodeStateAsUpdate(doc))
    await waitFor(() => raw.messages.some((m) => m[0] === 100), 'a stored ack')
  })

  it('sends a Kryss client that asks a preview of the board first, without hidden stickies', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const room = boardRoomName(workspace.id, boardA)
    const writer = connectProvider(started.port, room, { token: workspace.token })
    await whenSynced(writer)
    initBoard(writer.doc, { title: 'Forhåndsvisning', actor, now: 1 })
    startSession(writer.doc, actor)
    const [shown] = createItems(writer.doc, [{ kind: 'sticky', x: 5, y: 6, text: 'Tre' }], {
      actor,
      now: 2,
    })
    startPrivateMode(writer.doc, actor, { now: 3 })
    createItems(writer.doc, [{ kind: 'sticky', x: 0, y: 0, text: 'hemmelig' }], {
      actor: { id: 'person-ola', name: 'Ola' },
      now: 4,
    })
    // A second client has both: the host has applied them.
    const reader = connectProvider(started.port, room, { token: workspace.token })
    await waitFor(() => reader.doc.getMap('items').size === 2, 'both stickies through the host')

    const url = (query: string) =>
      `ws://127.0.0.1:${started.port}/sync/${room}?token=${workspace.token}${query}`
    const asking = new RawClient(url('&kryss=1&preview=1'))
    await waitFor(() => asking.messages.length >= 2, 'the first messages')
    const first = asking.messages[0] as Uint8Array
    const decoder = decoding.createDecoder(first)
    expect(decoding.readVarUint(decoder)).toBe(MessageType.boardPreview)
    const items = readBoardPreview(readBoardPreviewMessage(decoder))
    expect(items.map((item) => [item.id, item.text, item.x, item.y])).toEqual([
      [shown, 'Tre', 5, 6],
    ])
    expect(asking.messages[1]?.[0]).toBe(MessageType.sync)

    // Only on request, and only to a client that speaks Kryss's additions.
    for (const query of ['&kryss=1', '&preview=1']) {
      const other = new RawClient(url(query))
      await waitFor(() => other.messages.length >= 1, 'the first message')
      expect(other.messages.map((message) => message[0])).not.toContain(MessageType.boardPreview)
    }
  })

  it('lists boards in the root document', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const client = connectProvider(started.port, workspace.id, { token: workspace.token })
    await whenSynced(client)
    const id = createBoard(client.doc, { title: 'SWOT', author: actor, now: 5, template: 'swot' })
    await waitFor(
      () => listBoards(rootDoc(started, workspace.id)).some((board) => board.id === id),
      'the board in the host root',
    )
  })
})

describe('boards between linked hosts', () => {
  it('carries a board written before the link, and live edits after it, both ways', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const workspace = await a.host.registry.create('Lenket verksted')
    const boardsOf = (started: typeof a) => started.host.registry.get(workspace.id)!.boards!
    const bodiesOf = (started: typeof a) => started.host.registry.get(workspace.id)!.bodies!
    await boardsOf(a).withBody(boardA, (store) =>
      initBoard(store.doc, { title: 'Før lenken', actor, now: 1 }),
    )
    await b.host.peers.link(inviteOf(a, workspace.id))
    await waitFor(
      () => b.host.peers.status().some((s) => s.state === 'synced'),
      'the link to sync',
      10_000,
    )
    const read = async (started: typeof a, id: BoardId) =>
      boardsOf(started).withBody(id, (store) => title(store.doc))
    expect(await read(b, boardA)).toBe('Før lenken')
    // The board went to B's boards, never into a note body of the same id.
    const digests = await bodiesOf(b).digests()
    expect(digests.has(boardA as string as NoteId)).toBe(false)

    // Live: a client on B edits a board; A gets it over the link.
    const client = connectProvider(b.port, boardRoomName(workspace.id, boardB), {
      token: workspace.token,
    })
    await whenSynced(client)
    initBoard(client.doc, { title: 'Etter lenken', actor, now: 2 })
    const seen = await waitForTitle(a, boardB, 'Etter lenken', boardsOf)
    expect(seen).toBe(true)
    await boardsOf(a).withBody(boardA, (store) =>
      store.doc.transact(() => boardMeta(store.doc).set('title', 'Endret på A'), TEST_ORIGIN),
    )
    expect(await waitForTitle(b, boardA, 'Endret på A', boardsOf)).toBe(true)
  })
})

describe('peer protocol v3 and older peers', () => {
  it('refuses a v2 peer at hello with a log line, and sends it no document', async () => {
    const lines: string[] = []
    const a = await startPeerHost({ log: (line) => lines.push(line) })
    const workspace = await a.host.registry.create('Gammel')
    await a.host.registry
      .get(workspace.id)!
      .boards!.withBody(boardA, (store) => initBoard(store.doc, { title: 'Tavle', actor, now: 1 }))
    const token = inviteOf(a, workspace.id).token
    const peer = new RawClient(
      `ws://127.0.0.1:${a.port}/sync/${workspace.id}?token=${token}&kryss=1&peer=host-old-peer`,
    )
    await peer.opened
    peer.send(encodePeerHello({ version: 2, hostId: 'host-old-peer' }))
    // What a v2 host sends next: a manifest naming a bare note id that is in fact this board.
    peer.send(encodeManifest([{ docId: boardA, digest: new Uint8Array(16) }]))
    expect(await peer.closed()).toBe(CloseCode.malformed)
    expect(peer.types()).not.toContain(PeerMessageType.doc)
    expect(lines.some((line) => /peer version.*version 2/.test(line))).toBe(true)
  })

  it('closes a v3 link that names a document of no known kind', async () => {
    const a = await startPeerHost()
    const workspace = await a.host.registry.create('Ukjent')
    const token = inviteOf(a, workspace.id).token
    const peer = new RawClient(
      `ws://127.0.0.1:${a.port}/sync/${workspace.id}?token=${token}&kryss=1&peer=host-new-peer`,
    )
    await peer.opened
    peer.send(encodePeerHello({ version: PEER_PROTOCOL_VERSION, hostId: 'host-new-peer' }))
    peer.send(encodeManifest([{ docId: `pages/${boardA}`, digest: new Uint8Array(16) }]))
    expect(await peer.closed()).toBe(CloseCode.malformed)
    expect(peer.types()).not.toContain(PeerMessageType.doc)
  })
})

describe('BoardStores', () => {
  it('shares one store between users, closes it when idle, and refuses bad ids', async () => {
    const dir = await tempDir()
    const boards = new BoardStores({ dir, idleMs: 30 })
    const first = await boards.acquire(boardA)
    expect(await boards.acquire(boardA)).toBe(first)
    boards.release(boardA)
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(boards.openCount).toBe(1)
    boards.release(boardA)
    await waitFor(() => boards.openCount === 0, 'the idle board to close')
    await boards.withBody(boardA, (store) =>
      initBoard(store.doc, { title: 'Igjen', actor, now: 1 }),
    )
    const again = await boards.acquire(boardA)
    expect(title(again.doc)).toBe('Igjen')
    await expect(boards.acquire('../escape' as BoardId)).rejects.toThrow(/not a board id/)
    boards.release(boardA)
    expect([...(await boards.digests()).keys()]).toEqual([boardA])
    await boards.close()
    // Its digest cache is a file of its own, next to the note bodies' one.
    const saved = JSON.parse(await readFile(path.join(dir, BOARD_DIGESTS_FILE), 'utf8')) as {
      digests: Record<string, string>
    }
    expect(Object.keys(saved.digests)).toEqual([boardA])
  })
})

/** Polls a host's copy of a board (opening it briefly each time) until it has `expected`. */
async function waitForTitle(
  started: Awaited<ReturnType<typeof startPeerHost>>,
  id: BoardId,
  expected: string,
  boardsOf: (started: Awaited<ReturnType<typeof startPeerHost>>) => BoardStores,
): Promise<boolean> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const current = await boardsOf(started).withBody(id, (store) => title(store.doc))
    if (current === expected) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}
