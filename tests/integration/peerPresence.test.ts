import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { newBoardId, newNoteId, type WorkspaceId } from '../../shared/ids'
import {
  encodeManifest,
  encodePeerHello,
  MessageType,
  PEER_PROTOCOL_VERSION,
  PeerMessageType,
} from '../../shared/protocol'
import {
  encodePresenceFrame,
  readPresenceFrame,
  type PresenceFrame,
} from '../../electron/core/peers/presenceWire'
import { cleanup, connectProvider, RawClient, whenSynced, type StartedHost } from './hostHarness'
import { inviteOf, startPeerHost, waitFor } from './peerHarness'

afterEach(cleanup)

/** A stock y-websocket client of `host` in `room` (a workspace root, or a body or board room). */
async function client(
  host: StartedHost,
  workspaceId: WorkspaceId,
  room: string,
  name: string,
): Promise<WebsocketProvider> {
  const provider = connectProvider(host.port, room, { token: inviteOf(host, workspaceId).token })
  await whenSynced(provider)
  provider.awareness.setLocalStateField('user', { name })
  return provider
}

/** The name `viewer` sees for `other`'s client, if it sees it. */
function nameSeen(viewer: WebsocketProvider, other: WebsocketProvider): string | undefined {
  const state = viewer.awareness.getStates().get(other.awareness.clientID) as
    { user?: { name?: string } } | undefined
  return state?.user?.name
}

async function linked(from: StartedHost, to: StartedHost, workspaceId: WorkspaceId): Promise<void> {
  await from.host.peers.link(inviteOf(to, workspaceId))
  await waitFor(
    () =>
      from.host.peers.status().some((s) => s.workspaceId === workspaceId && s.state === 'synced'),
    'the link to sync',
  )
}

/** A hand-driven peer link to `host`: says hello, and records every frame it gets. */
async function rawPeer(host: StartedHost, workspaceId: WorkspaceId, hostId: string) {
  const token = inviteOf(host, workspaceId).token
  const peer = new RawClient(
    `ws://127.0.0.1:${host.port}/sync/${workspaceId}?token=${token}&kryss=1&peer=${hostId}`,
  )
  await peer.opened
  peer.send(encodePeerHello({ version: PEER_PROTOCOL_VERSION, hostId }))
  peer.send(encodeManifest([]))
  await waitFor(() => peer.types().includes(PeerMessageType.manifest), 'the manifest')
  return peer
}

/** The presence frames among what a raw peer received. */
function presenceFrames(peer: RawClient): PresenceFrame[] {
  return peer.messages
    .filter((m) => m[0] === MessageType.awareness)
    .map((m) => {
      const decoder = decoding.createDecoder(m)
      decoding.readVarUint(decoder)
      return readPresenceFrame(decoder)
    })
}

describe('presence across peer links', () => {
  it('A ← B ← C: clients on A and C see each other in the root, a note body and a board', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const c = await startPeerHost()
    const workspace = await a.host.registry.create('Tilstede')
    await linked(b, a, workspace.id)
    await linked(c, b, workspace.id)
    const note = `${workspace.id}/notes/${newNoteId()}`
    const board = `${workspace.id}/boards/${newBoardId()}`

    for (const room of [workspace.id, note, board]) {
      const anne = await client(a, workspace.id, room, 'Anne på A')
      const cato = await client(c, workspace.id, room, 'Cato på C')
      await waitFor(
        () => nameSeen(cato, anne) === 'Anne på A' && nameSeen(anne, cato) === 'Cato på C',
        `A and C to see each other in ${room}`,
      )
      // A change travels too (a caret moving), not only the first state.
      anne.awareness.setLocalStateField('cursor', { at: 7 })
      await waitFor(
        () =>
          (cato.awareness.getStates().get(anne.awareness.clientID) as { cursor?: { at: number } })
            ?.cursor?.at === 7,
        `A's caret to reach C in ${room}`,
      )
    }
  })

  it('a person joining later sees who is already there on the other host', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const workspace = await a.host.registry.create('Seinere')
    await linked(b, a, workspace.id)
    const note = `${workspace.id}/notes/${newNoteId()}`
    const bo = await client(b, workspace.id, note, 'Bo på B')
    // Nobody is in the note on A yet: A keeps Bo's state and hands it to the room it opens.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const anne = await client(a, workspace.id, note, 'Anne på A')
    await waitFor(() => nameSeen(anne, bo) === 'Bo på B', 'Anne to see Bo at once')
  })

  it('a person who leaves on B, or whose link drops, leaves on A at once, not after 30 s', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const c = await startPeerHost()
    const workspace = await a.host.registry.create('Borte')
    await linked(b, a, workspace.id)
    await linked(c, b, workspace.id)
    const anne = await client(a, workspace.id, workspace.id, 'Anne på A')
    const bo = await client(b, workspace.id, workspace.id, 'Bo på B')
    const cato = await client(c, workspace.id, workspace.id, 'Cato på C')
    await waitFor(
      () => nameSeen(anne, bo) === 'Bo på B' && nameSeen(anne, cato) === 'Cato på C',
      'Anne to see Bo and Cato',
    )

    const boId = bo.awareness.clientID
    bo.destroy()
    await waitFor(() => !anne.awareness.getStates().has(boId), 'Bo to leave on A', 2000)
    expect(nameSeen(anne, cato)).toBe('Cato på C')

    // C's links stop: B removes what C brought and withdraws it from A.
    const catoId = cato.awareness.clientID
    const started = Date.now()
    c.host.peers.stop()
    await waitFor(() => !anne.awareness.getStates().has(catoId), 'Cato to leave on A', 2000)
    expect(Date.now() - started).toBeLessThan(2000)
    // Only what came over the dropped link left: B's clients still see Anne.
    const watcher = await client(b, workspace.id, workspace.id, 'Vera på B')
    await waitFor(() => nameSeen(watcher, anne) === 'Anne på A', 'B to still see Anne')

    // The link back: Cato is seen again (C's states go out once the link is up).
    c.host.peers.start()
    await waitFor(() => nameSeen(anne, cato) === 'Cato på C', 'Cato back on A', 5000)
  })

  it('never sends a state back over the link it came from; sends this host’s own clients', async () => {
    const a = await startPeerHost()
    const workspace = await a.host.registry.create('Ekko')
    const anne = await client(a, workspace.id, workspace.id, 'Anne på A')
    const peer = await rawPeer(a, workspace.id, 'host-raw-peer')
    // Until the peer shows it speaks presence, A sends it none (an older host would not).
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(presenceFrames(peer).flatMap((f) => f.states)).toEqual([])

    const remoteId = 424242
    const say = (clock: number, json: string) =>
      peer.send(
        encodePresenceFrame({
          docId: '',
          states: [{ clientId: remoteId, clock, json }],
          withdrawn: [],
        }),
      )
    say(1, JSON.stringify({ user: { name: 'Rå' } }))
    await waitFor(
      () =>
        (anne.awareness.getStates().get(remoteId) as { user?: { name: string } })?.user?.name ===
        'Rå',
      'the raw peer’s person on A',
    )
    for (let clock = 2; clock < 12; clock++)
      say(clock, JSON.stringify({ user: { name: `Rå ${clock}` } }))
    await waitFor(
      () =>
        (anne.awareness.getStates().get(remoteId) as { user?: { name: string } })?.user?.name ===
        'Rå 11',
      'the renewals on A',
    )
    anne.awareness.setLocalStateField('cursor', 3)
    await waitFor(
      () =>
        presenceFrames(peer).some((f) =>
          f.states.some(
            (s) => s.clientId === anne.awareness.clientID && s.json.includes('"cursor":3'),
          ),
        ),
      'Anne’s state on the link',
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    const frames = presenceFrames(peer)
    expect(frames.flatMap((f) => f.states).filter((s) => s.clientId === remoteId)).toEqual([])
    expect(frames.flatMap((f) => f.withdrawn)).toEqual([])

    // The raw peer leaves: its person leaves Anne's list at once.
    peer.ws.close()
    await waitFor(() => !anne.awareness.getStates().has(remoteId), 'the raw peer’s person to leave')
  })

  it('coalesces a dragging board cursor: a chain carries at most one frame per 50 ms', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const workspace = await a.host.registry.create('Drag')
    await linked(b, a, workspace.id)
    const boardId = newBoardId()
    const board = `${workspace.id}/boards/${boardId}`
    const anne = await client(a, workspace.id, board, 'Anne på A')
    // The end of the chain A → B → raw peer, which speaks presence.
    const end = await rawPeer(b, workspace.id, 'host-chain-end')
    end.send(encodePresenceFrame({ docId: '', states: [], withdrawn: [] }))
    await waitFor(
      () =>
        presenceFrames(end).some((f) =>
          f.states.some((s) => s.clientId === anne.awareness.clientID),
        ),
      'Anne at the end of the chain',
    )
    const before = presenceFrames(end).length
    const started = Date.now()
    for (let x = 1; x <= 200; x++) {
      anne.awareness.setLocalStateField('board', { pointer: { x, y: 1 } })
      await new Promise((resolve) => setTimeout(resolve, 4))
    }
    const lastSeen = () =>
      presenceFrames(end)
        .flatMap((f) => f.states)
        .some((s) => s.clientId === anne.awareness.clientID && s.json.includes('"x":200'))
    await waitFor(lastSeen, 'the last position at the end of the chain')
    const elapsed = Date.now() - started
    const frames = presenceFrames(end).slice(before)
    expect(frames.every((f) => f.docId === `boards/${boardId}`)).toBe(true)
    // 200 changes in `elapsed` ms: one frame per 50 ms, plus the first and the last.
    expect(frames.length).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 2)
    expect(frames.length).toBeLessThan(100)
  })

  it('keeps a link to a host that ignores presence working, and sends it no presence', async () => {
    const a = await startPeerHost()
    const workspace = await a.host.registry.create('Gammel vert')
    const anne = await client(a, workspace.id, workspace.id, 'Anne på A')
    // An older host: hello, manifest and sync, never an awareness frame.
    const old = await rawPeer(a, workspace.id, 'host-old-peer')
    for (let i = 0; i < 20; i++) {
      anne.awareness.setLocalStateField('cursor', i)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const edit = connectProvider(a.port, workspace.id, { token: inviteOf(a, workspace.id).token })
    await whenSynced(edit)
    edit.doc.getMap('test').set('still', 'syncing')
    await waitFor(
      () => old.messages.some((m) => m[0] === MessageType.sync && m.length > 20),
      'the edit on the old link',
    )
    // Only the "I speak presence" announcement went out: no state, nothing withdrawn.
    const frames = presenceFrames(old)
    expect(frames.length).toBeLessThanOrEqual(1)
    expect(frames.flatMap((f) => [...f.states, ...f.withdrawn])).toEqual([])
    expect(old.closeCode).toBeNull()
  })
})
