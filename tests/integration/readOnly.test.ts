import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeInviteLink } from '../../shared/invite'
import { inviteResponse } from '../../shared/peersApi'
import {
  api,
  cleanup,
  connectProvider,
  RawClient,
  rawUpgrade,
  waitFor,
  whenSynced,
} from './hostHarness'
import { startPeerHost } from './peerHarness'

afterEach(cleanup)

describe('view-only invites', () => {
  it('a read-only guest follows along, and its change is refused, never applied or relayed', async () => {
    const started = await startPeerHost()
    const workspace = await started.host.registry.create('Bare lesing')
    const answer = await api(started, 'POST', `/api/workspaces/${workspace.id}/invite`, {
      readOnly: true,
    })
    expect(answer.status).toBe(200)
    const decoded = decodeInviteLink(inviteResponse.parse(answer.json).invite)
    if (!decoded.ok) throw new Error(decoded.error)
    const viewToken = decoded.invite.token
    expect(viewToken).not.toBe(workspace.token)
    // The link says so, so the guest's UI offers no editing; the full invite does not.
    expect(decoded.invite.readOnly).toBe(true)
    const full = await api(started, 'POST', `/api/workspaces/${workspace.id}/invite`, {
      readOnly: false,
    })
    const fullDecoded = decodeInviteLink(inviteResponse.parse(full.json).invite)
    expect(fullDecoded.ok && fullDecoded.invite.readOnly).toBe(undefined)

    const writer = connectProvider(started.port, workspace.id, { token: workspace.token })
    const viewer = connectProvider(started.port, workspace.id, { token: viewToken })
    await Promise.all([whenSynced(writer), whenSynced(viewer)])

    // Reading and presence work: the writer's text arrives, the viewer's awareness is seen.
    writer.doc.getText('t').insert(0, 'fra skriveren')
    await waitFor(() => viewer.doc.getText('t').toJSON() === 'fra skriveren', 'text at the viewer')
    viewer.awareness.setLocalStateField('user', { name: 'Leser' })
    await waitFor(
      () =>
        [...writer.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Leser',
        ),
      'the viewer in the writer awareness',
    )

    // A change from a read-only connection closes it with 4403 and goes nowhere.
    const raw = new RawClient(
      `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${viewToken}`,
    )
    await raw.opened
    const forged = new Y.Doc()
    forged.getText('t').insert(0, 'hærverk ')
    raw.sendUpdate(Y.encodeStateAsUpdate(forged))
    expect(await raw.closed()).toBe(4403)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(workspace.store?.doc.getText('t').toJSON()).toBe('fra skriveren')
    expect(writer.doc.getText('t').toJSON()).toBe('fra skriveren')
    expect(viewer.wsconnected).toBe(true)

    // It cannot link a host, and rotating revokes it with the workspace token.
    const peer = await rawUpgrade(
      started.port,
      `/sync/${workspace.id}?token=${viewToken}&kryss=1&peer=host-viewer`,
    )
    expect(peer.toString('latin1')).toMatch(/^HTTP\/1\.1 403 /)
    const closed = new Promise<number>((resolve) =>
      viewer.ws?.addEventListener('close', (e) => resolve(e.code)),
    )
    await api(started, 'POST', `/api/workspaces/${workspace.id}/rotate-token`)
    expect(await closed).toBe(4401)
    expect(started.host.registry.get(workspace.id)?.viewToken).not.toBe(viewToken)
  })
})
