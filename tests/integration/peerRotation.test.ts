import { afterEach, describe, expect, it } from 'vitest'
import { openHostState } from '../../electron/core/state'
import * as Y from 'yjs'
import { api, cleanup, connectProvider, RawClient, rawUpgrade, whenSynced } from './hostHarness'
import { inviteOf, rootDoc, startPeerHost, TEST_ORIGIN, waitFor } from './peerHarness'

afterEach(cleanup)

describe('rotating a token on a host with linked peers', () => {
  it('refuses the old invite, and the linked peer gets the new token and keeps syncing', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const workspace = await a.host.registry.create('Roterer')
    const oldInvite = inviteOf(a, workspace.id)
    await b.host.peers.link(oldInvite)
    await waitFor(() => b.host.peers.status().some((s) => s.state === 'synced'), 'B to link to A')
    const guest = new RawClient(
      `ws://127.0.0.1:${a.port}/sync/${workspace.id}?token=${oldInvite.token}`,
    )
    await guest.opened

    expect((await api(a, 'POST', `/api/workspaces/${workspace.id}/rotate-token`)).status).toBe(200)
    const newToken = a.host.registry.get(workspace.id)?.token
    expect(newToken).not.toBe(oldInvite.token)

    expect(await guest.closed()).toBe(4401)
    const refused = await rawUpgrade(a.port, `/sync/${workspace.id}?token=${oldInvite.token}`)
    expect(refused.toString('latin1')).toMatch(/^HTTP\/1\.1 401 /)

    const edit = (text: string) =>
      rootDoc(a, workspace.id).transact(
        () => rootDoc(a, workspace.id).getMap('test').set('k', text),
        TEST_ORIGIN,
      )
    edit('etter rotasjon')
    await waitFor(
      () => rootDoc(b, workspace.id).getMap('test').get('k') === 'etter rotasjon',
      'the edit on A to reach B after rotation',
    )
    await waitFor(
      () => b.host.peers.status().some((s) => s.state === 'synced'),
      'B to be linked again',
    )

    // B keeps the new token for A, so it links again after a restart.
    await b.host.stop()
    const state = await openHostState({ dataDir: b.dataDir, log: () => {} })
    expect(state.peers.map((p) => p.token)).toEqual([newToken])
    await state.flush()
    const b2 = await startPeerHost({ dataDir: b.dataDir })
    edit('etter omstart')
    await waitFor(
      () => rootDoc(b2, workspace.id).getMap('test').get('k') === 'etter omstart',
      'the edit on A to reach B after B restarts',
    )
    expect(b2.host.peers.status().every((s) => s.lastError === null)).toBe(true)
  })

  it('takes effect on the linked host too: the old invite gets 401 there, the new one works', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const workspace = await a.host.registry.create('Overalt')
    const oldInvite = inviteOf(a, workspace.id)
    await b.host.peers.link(oldInvite)
    await waitFor(() => b.host.peers.status().some((s) => s.state === 'synced'), 'B to link to A')
    // C joined through B (A ← B ← C): the new token travels on down the chain.
    const c = await startPeerHost()
    await c.host.peers.link(inviteOf(b, workspace.id))
    await waitFor(() => c.host.peers.status().some((s) => s.state === 'synced'), 'C to link to B')
    // A guest of B who came in with the invite B hands out (the same token, B's address).
    const guestOnB = new RawClient(
      `ws://127.0.0.1:${b.port}/sync/${workspace.id}?token=${oldInvite.token}`,
    )
    await guestOnB.opened

    expect((await api(a, 'POST', `/api/workspaces/${workspace.id}/rotate-token`)).status).toBe(200)
    const newInvite = inviteOf(a, workspace.id)
    expect(newInvite.token).not.toBe(oldInvite.token)

    await waitFor(
      () => b.host.registry.get(workspace.id)?.token === newInvite.token,
      'B to adopt the new token',
    )
    expect(await guestOnB.closed()).toBe(4401)
    const refused = await rawUpgrade(b.port, `/sync/${workspace.id}?token=${oldInvite.token}`)
    expect(refused.toString('latin1')).toMatch(/^HTTP\/1\.1 401 /)
    expect(inviteOf(b, workspace.id).token).toBe(newInvite.token)
    await waitFor(
      () => c.host.registry.get(workspace.id)?.token === newInvite.token,
      'C to adopt the new token from B',
    )
    const refusedOnC = await rawUpgrade(c.port, `/sync/${workspace.id}?token=${oldInvite.token}`)
    expect(refusedOnC.toString('latin1')).toMatch(/^HTTP\/1\.1 401 /)
    await waitFor(
      () => c.host.peers.status().some((s) => s.state === 'synced'),
      'C to link to B again with the new token',
    )

    // A guest of B with the new token and one of A with A's new invite edit together.
    const docOnB = new Y.Doc()
    const docOnA = new Y.Doc()
    const onB = connectProvider(b.port, workspace.id, { token: newInvite.token }, docOnB)
    const onA = connectProvider(a.port, workspace.id, { token: newInvite.token }, docOnA)
    await Promise.all([whenSynced(onB), whenSynced(onA)])
    docOnB.getMap('test').set('fra', 'B')
    docOnA.getMap('test').set('fra-a', 'A')
    await waitFor(
      () => docOnA.getMap('test').get('fra') === 'B' && docOnB.getMap('test').get('fra-a') === 'A',
      'the guests of A and B to see each other through the link',
    )

    // Saved: B still holds the new token after a restart.
    await b.host.stop()
    const state = await openHostState({ dataDir: b.dataDir, log: () => {} })
    expect(state.workspaces.find((w) => w.id === workspace.id)?.token).toBe(newInvite.token)
    await state.flush()
  })
})
