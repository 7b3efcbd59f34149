import { afterEach, describe, expect, it } from 'vitest'
import { openHostState } from '../../electron/core/state'
import { api, cleanup, RawClient, rawUpgrade } from './hostHarness'
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
})
