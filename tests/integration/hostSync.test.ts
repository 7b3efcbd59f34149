import { cp } from 'node:fs/promises'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDocStore } from '../../electron/core/storage/docStore'
import { readWorkspaceMeta } from '../../shared/model/workspace'
import {
  KRYSS_PROTOCOL_PARAM,
  KRYSS_PROTOCOL_VERSION,
  MessageType,
  readStoredMessage,
} from '../../shared/protocol'
import {
  cleanup,
  connectProvider,
  RawClient,
  startHost,
  tempDir,
  waitFor,
  whenSynced,
} from './hostHarness'

afterEach(cleanup)

const kryssParams = { [KRYSS_PROTOCOL_PARAM]: String(KRYSS_PROTOCOL_VERSION) }

describe('sync endpoint with stock y-websocket clients', () => {
  it('makes two clients converge through the host, presence included', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const params = { token: workspace.token }
    const a = connectProvider(started.port, workspace.id, params)
    const b = connectProvider(started.port, workspace.id, params)
    await Promise.all([whenSynced(a), whenSynced(b)])

    // The host's copy (meta from create) reached both clients.
    expect(readWorkspaceMeta(a.doc).name).toBe('Verksted')
    expect(readWorkspaceMeta(b.doc).name).toBe('Verksted')

    a.doc.getText('t').insert(0, 'hello ')
    b.doc.getText('t').insert(0, 'world ')
    b.doc.getMap('m').set('from-b', 1)
    await waitFor(
      () =>
        a.doc.getText('t').length === 12 &&
        b.doc.getText('t').length === 12 &&
        a.doc.getMap('m').get('from-b') === 1,
      'convergence',
    )
    expect(a.doc.getText('t').toJSON()).toBe(b.doc.getText('t').toJSON())
    const hostDoc = started.host.registry.get(workspace.id)?.store?.doc as Y.Doc
    expect(hostDoc.getText('t').toJSON()).toBe(a.doc.getText('t').toJSON())

    a.awareness.setLocalStateField('user', { name: 'Anne' })
    b.awareness.setLocalStateField('user', { name: 'Bjørn' })
    const nameSeenBy = (viewer: typeof a, other: typeof a) =>
      (viewer.awareness.getStates().get(other.awareness.clientID) as { user?: { name: string } })
        ?.user?.name
    await waitFor(() => nameSeenBy(a, b) === 'Bjørn' && nameSeenBy(b, a) === 'Anne', 'presence')

    // When b leaves, the host removes the state b's connection controlled.
    const bId = b.awareness.clientID
    b.destroy()
    await waitFor(() => !a.awareness.getStates().has(bId), 'b to leave the presence list')
  })

  it('keeps the presence of a client that reconnected when its old connection closes', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Gjenkobling')
    const url = `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${workspace.token}`
    const watcher = connectProvider(started.port, workspace.id, { token: workspace.token })
    await whenSynced(watcher)
    const peerDoc = new Y.Doc()
    const peer = new Awareness(peerDoc)
    peer.setLocalState({ user: { name: 'Kari' } })
    const message = () => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.awareness)
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(peer, [peerDoc.clientID]))
      return encoding.toUint8Array(encoder)
    }
    const old = new RawClient(url)
    await old.opened
    old.send(message())
    await waitFor(() => watcher.awareness.getStates().has(peerDoc.clientID), 'presence')
    const fresh = new RawClient(url)
    await fresh.opened
    peer.setLocalState({ user: { name: 'Kari' }, cursor: 1 })
    fresh.send(message())
    await waitFor(
      () =>
        (watcher.awareness.getStates().get(peerDoc.clientID) as { cursor?: number })?.cursor === 1,
      'the renewed presence',
    )
    old.ws.close()
    await old.closed()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(watcher.awareness.getStates().has(peerDoc.clientID)).toBe(true)
    fresh.ws.close()
    await waitFor(() => !watcher.awareness.getStates().has(peerDoc.clientID), 'removal')
    peer.destroy()
  })

  it('accepts the owner token for any workspace', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Eier')
    const owner = connectProvider(started.port, workspace.id, { token: started.host.ownerToken })
    await whenSynced(owner)
    expect(readWorkspaceMeta(owner.doc).name).toBe('Eier')
  })

  it('never echoes a client its own update', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Ekko')
    const raw = new RawClient(
      `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${workspace.token}`,
    )
    await raw.opened
    await waitFor(() => raw.messages.length >= 1, 'sync step 1')
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'mine')
    const before = raw.messages.length
    raw.sendUpdate(Y.encodeStateAsUpdate(doc))
    const hostDoc = started.host.registry.get(workspace.id)?.store?.doc as Y.Doc
    await waitFor(() => hostDoc.getText('t').toJSON() === 'mine', 'the host to apply it')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(raw.messages.length).toBe(before)
  })
})

describe('keep-alive', () => {
  it('drops a connection that stops answering pings, and its presence with it', async () => {
    // Short, but not so short that a busy test machine's event-loop stall (the answering
    // client's pong is late) drops the watcher too.
    const started = await startHost({ pingIntervalMs: 250 })
    const workspace = await started.host.registry.create('Puls')
    const params = { token: workspace.token }
    const watcher = connectProvider(started.port, workspace.id, params)
    const silent = connectProvider(started.port, workspace.id, params)
    await Promise.all([whenSynced(watcher), whenSynced(silent)])
    silent.awareness.setLocalStateField('user', { name: 'Stille' })
    const silentId = silent.awareness.clientID
    await waitFor(() => watcher.awareness.getStates().has(silentId), 'presence')

    // A frozen peer: its socket stops reading, so pings go unanswered.
    const socket = (silent.ws as unknown as { _socket: { pause(): void } })._socket
    socket.pause()
    await waitFor(() => !watcher.awareness.getStates().has(silentId), 'the host to drop it', 5000)
    expect(watcher.wsconnected).toBe(true)
  })
})

describe('Kryss "stored" acknowledgement', () => {
  it('tells a kryss=1 client its edit is on disk, and it is', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Lagret')
    const provider = connectProvider(started.port, workspace.id, {
      token: workspace.token,
      ...kryssParams,
    })
    const acks: number[] = []
    provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
      acks.push(readStoredMessage(decoder))
    }
    await whenSynced(provider)
    // Step 1 and step 2 of the handshake are sync messages too.
    await waitFor(() => acks.length > 0, 'the first ack')
    const afterHandshake = acks[acks.length - 1] as number

    provider.doc.getMap('notes').set('n1', 'Biobaserte bindemidler')
    await waitFor(() => (acks[acks.length - 1] ?? 0) > afterHandshake, 'the ack for the edit')
    expect(acks).toEqual([...acks].sort((x, y) => x - y))

    // The ack means durable now: a copy of the folder taken at this moment has the edit.
    const copy = path.join(await tempDir(), 'copy')
    await cp(path.join(started.dataDir, 'workspaces', workspace.id), copy, { recursive: true })
    const store = await openDocStore({ dir: copy })
    try {
      expect(store.doc.getMap('notes').get('n1')).toBe('Biobaserte bindemidler')
    } finally {
      await store.close()
    }
  })

  it('coalesces acks and always reports the latest durable count', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Mange')
    const url = `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${workspace.token}&kryss=1`
    const raw = new RawClient(url)
    await raw.opened
    const doc = new Y.Doc()
    for (let i = 0; i < 50; i++) {
      doc.getArray('a').push([i])
      raw.sendUpdate(Y.encodeStateAsUpdate(doc))
    }
    const stored = () =>
      raw.messages
        .filter((m) => m[0] === MessageType.stored)
        .map((m) => {
          const decoder = decoding.createDecoder(m)
          decoding.readVarUint(decoder)
          return readStoredMessage(decoder)
        })
    await waitFor(() => stored().at(-1) === 50, 'an ack for all 50 updates')
    expect(stored().length).toBeLessThanOrEqual(50)
    expect(stored()).toEqual([...new Set(stored())].sort((x, y) => x - y))
  })

  it('never sends type 100 to a stock client', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Standard')
    const raw = new RawClient(
      `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${workspace.token}`,
    )
    await raw.opened
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'plain')
    raw.sendUpdate(Y.encodeStateAsUpdate(doc))
    const store = started.host.registry.get(workspace.id)?.store
    await waitFor(() => store?.doc.getText('t').toJSON() === 'plain', 'the edit')
    await store?.whenDurable()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(raw.types()).not.toContain(MessageType.stored)
    expect(raw.types().every((t) => t === MessageType.sync || t === MessageType.awareness)).toBe(
      true,
    )
  })
})

describe('bad input closes only its own connection', () => {
  async function threeClients(maxPayload?: number) {
    const started = await startHost(maxPayload === undefined ? {} : { maxPayload })
    const workspace = await started.host.registry.create('Robust')
    const params = { token: workspace.token }
    const a = connectProvider(started.port, workspace.id, params)
    const b = connectProvider(started.port, workspace.id, params)
    await Promise.all([whenSynced(a), whenSynced(b)])
    const bad = new RawClient(
      `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${workspace.token}`,
    )
    await bad.opened
    const stillSyncing = async (text: string) => {
      a.doc.getText('t').insert(0, text)
      await waitFor(() => b.doc.getText('t').toJSON().includes(text), 'a → b after bad input')
      expect(a.wsconnected && b.wsconnected).toBe(true)
    }
    return { bad, stillSyncing }
  }

  it.each([
    ['an unknown message type', Uint8Array.of(7)],
    ['a Kryss-only type sent by a client', Uint8Array.of(100, 1)],
    ['an unknown sync step', Uint8Array.of(0, 9, 0)],
    ['a truncated varint', Uint8Array.of(0, 2, 0xff)],
    ['an update Yjs cannot read', Uint8Array.of(0, 2, 4, 0xff, 0xff, 0xff, 0xff)],
    ['a length beyond the frame', Uint8Array.of(0, 2, 50, 1, 2, 3)],
    ['an awareness update that is not JSON', Uint8Array.of(1, 6, 1, 1, 1, 2, 0x7b, 0x7b)],
    ['an empty frame', new Uint8Array(0)],
  ])('%s → 1007', async (_name, frame) => {
    const { bad, stillSyncing } = await threeClients()
    bad.send(frame)
    expect(await bad.closed()).toBe(1007)
    await stillSyncing('ok ')
  })

  it('a text frame → 1003', async () => {
    const { bad, stillSyncing } = await threeClients()
    bad.send('hello')
    expect(await bad.closed()).toBe(1003)
    await stillSyncing('ok ')
  })

  it('a frame above maxPayload → 1009', async () => {
    const { bad, stillSyncing } = await threeClients(16 * 1024)
    const big = new Uint8Array(64 * 1024)
    big[0] = MessageType.sync
    bad.send(big)
    expect(await bad.closed()).toBe(1009)
    await stillSyncing('still here ')
  })
})
