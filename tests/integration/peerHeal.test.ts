import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newNoteId, type NoteId } from '../../shared/ids'
import {
  encodePeerHello,
  MessageType,
  PEER_PROTOCOL_VERSION,
  PeerMessageType,
} from '../../shared/protocol'
import { cleanup, RawClient, rawUpgrade } from './hostHarness'
import {
  inviteOf,
  randomEdit,
  rootDoc,
  seededRandom,
  startPeerHost,
  waitFor,
  waitForConvergence,
} from './peerHarness'

afterEach(cleanup)

describe('peer links: partitions and offline work', () => {
  it('heals A ← B ← C after B stops while A and C edit, over 20 seeded rounds', async () => {
    const a = await startPeerHost()
    let b = await startPeerHost()
    const c = await startPeerHost()
    const workspace = await a.host.registry.create('Brudd')
    const noteIds: NoteId[] = Array.from({ length: 4 }, () => newNoteId())
    await b.host.peers.link(inviteOf(a, workspace.id))
    await c.host.peers.link(inviteOf(b, workspace.id))
    for (let round = 1; round <= 20; round++) {
      const random = seededRandom(round)
      await b.host.stop()
      const edits = 5 + Math.floor(random() * 10)
      for (let i = 0; i < edits; i++) {
        await randomEdit(random() < 0.5 ? a : c, workspace.id, noteIds, random)
      }
      b = await startPeerHost({ dataDir: b.dataDir, port: b.port })
      for (let i = 0; i < 3; i++) await randomEdit(b, workspace.id, noteIds, random)
      await waitForConvergence([a, b, c], workspace.id, noteIds)
    }
  })

  it('merges 1,000 offline edits made on each of two hosts', async () => {
    let a = await startPeerHost()
    let b = await startPeerHost()
    const workspace = await a.host.registry.create('Frakoblet')
    const noteIds: NoteId[] = Array.from({ length: 3 }, () => newNoteId())
    await b.host.peers.link(inviteOf(a, workspace.id))
    await waitForConvergence([a, b], workspace.id, noteIds)
    const random = seededRandom(1000)

    await b.host.stop()
    for (let i = 0; i < 1000; i++) await randomEdit(a, workspace.id, noteIds, random)
    await a.host.stop()
    b = await startPeerHost({ dataDir: b.dataDir, port: b.port })
    for (let i = 0; i < 1000; i++) await randomEdit(b, workspace.id, noteIds, random)
    const started = Date.now()
    a = await startPeerHost({ dataDir: a.dataDir, port: a.port })
    await waitForConvergence([a, b], workspace.id, noteIds, 20_000)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(rootDoc(a, workspace.id).getMap('meta').get('name')).toBe('Frakoblet')
  })

  it('never echoes an update back over the link it came from, and relays it to others', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const workspace = await a.host.registry.create('Ekko')
    await b.host.peers.link(inviteOf(a, workspace.id))
    const token = inviteOf(a, workspace.id).token
    const peer = new RawClient(
      `ws://127.0.0.1:${a.port}/sync/${workspace.id}?token=${token}&kryss=1&peer=host-raw-peer`,
    )
    await peer.opened
    peer.send(encodePeerHello({ version: PEER_PROTOCOL_VERSION, hostId: 'host-raw-peer' }))
    await waitFor(() => peer.types().includes(PeerMessageType.manifest), 'the manifest')
    const before = peer.messages.length

    const source = new Y.Doc()
    source.getMap('test').set('from', 'raw peer')
    peer.sendUpdate(Y.encodeStateAsUpdate(source))
    await waitFor(() => rootDoc(b, workspace.id).getMap('test').get('from') === 'raw peer', 'B')
    await new Promise((resolve) => setTimeout(resolve, 200))
    const after = peer.messages.slice(before)
    expect(after.filter((m) => m[0] === MessageType.sync)).toEqual([])
  })

  it('refuses a second link from the same host, and a link to itself, before the handshake', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const workspace = await a.host.registry.create('Dobbel')
    await b.host.peers.link(inviteOf(a, workspace.id))
    await waitFor(
      () => b.host.peers.status().some((s) => s.state === 'synced'),
      'the first link to sync',
    )
    const bId = b.host.peers.hostId
    const token = inviteOf(a, workspace.id).token
    const second = await rawUpgrade(
      a.port,
      `/sync/${workspace.id}?token=${token}&kryss=1&peer=${bId}`,
    )
    expect(second.toString('latin1')).toMatch(/^HTTP\/1\.1 409 /)
    const self = await rawUpgrade(
      a.port,
      `/sync/${workspace.id}?token=${token}&kryss=1&peer=${a.host.peers.hostId}`,
    )
    expect(self.toString('latin1')).toMatch(/^HTTP\/1\.1 409 /)

    // B also learns A's invite back (both hosts hold each other's invites): one link remains.
    await a.host.peers.link(inviteOf(b, workspace.id))
    const states = () => [...a.host.peers.status(), ...b.host.peers.status()].map((s) => s.state)
    await waitFor(
      () => states().includes('duplicate') && states().filter((s) => s === 'synced').length === 2,
      'one link, seen from both ends, and the other marked duplicate',
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(states().filter((s) => s === 'synced')).toHaveLength(2)
    expect(states().filter((s) => s === 'duplicate')).toHaveLength(1)
  })
})
