import { afterEach, describe, expect, it } from 'vitest'
import { workspaceInfoSchema } from '../../shared/hostApi'
import { decodeInviteLink } from '../../shared/invite'
import { roomKey } from '../../shared/rooms'
import type { NoteId } from '../../shared/ids'
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

afterEach(cleanup)

function tokenOf(invite: string): string {
  const decoded = decodeInviteLink(invite)
  if (!decoded.ok) throw new Error(decoded.error)
  return decoded.invite.token
}

describe('rotating a workspace token', () => {
  it('closes old-token connections, refuses the old token before any byte, accepts the new one', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Hemmelig verksted')
    const oldToken = workspace.token
    const base = `ws://127.0.0.1:${started.port}/sync`
    const noteRoom = roomKey({
      kind: 'note',
      workspaceId: workspace.id,
      noteId: 'note-abcdefabcdef' as NoteId,
    })

    const guest = new RawClient(`${base}/${workspace.id}?token=${oldToken}`)
    const guestInNote = new RawClient(`${base}/${noteRoom}?token=${oldToken}`)
    const owner = connectProvider(started.port, workspace.id, { token: started.host.ownerToken })
    await Promise.all([guest.opened, guestInNote.opened, whenSynced(owner)])

    const rotated = await api(started, 'POST', `/api/workspaces/${workspace.id}/rotate-token`)
    expect(rotated.status).toBe(200)
    const info = workspaceInfoSchema.parse(rotated.json)
    const newToken = tokenOf(info.invite)
    expect(newToken).not.toBe(oldToken)
    expect(started.host.registry.get(workspace.id)?.token).toBe(newToken)

    expect(await guest.closed()).toBe(4401)
    expect(await guestInNote.closed()).toBe(4401)
    // The owner's connection stays and keeps syncing.
    owner.doc.getText('t').insert(0, 'etter rotasjon')
    const reader = connectProvider(started.port, workspace.id, { token: newToken })
    await whenSynced(reader)
    await waitFor(() => reader.doc.getText('t').toJSON() === 'etter rotasjon', 'owner edit')
    expect(owner.wsconnected).toBe(true)

    // The old link: a plain 401, not a single WebSocket frame.
    const refused = await rawUpgrade(started.port, `/sync/${workspace.id}?token=${oldToken}`)
    const text = refused.toString('latin1')
    expect(text.startsWith('HTTP/1.1 401 ')).toBe(true)
    expect(text).not.toContain('101 Switching Protocols')
    expect(text).not.toContain('etter rotasjon')
    const late = new RawClient(`${base}/${workspace.id}?token=${oldToken}`)
    await expect(late.opened).rejects.toThrow('HTTP 401')
    expect(late.messages).toHaveLength(0)
  })

  it('keeps the new token across a restart', async () => {
    const dataDir = await tempDir()
    const first = await startHost({ dataDir })
    const workspace = await first.host.registry.create('Verksted')
    const oldToken = workspace.token
    const info = workspaceInfoSchema.parse(
      (await api(first, 'POST', `/api/workspaces/${workspace.id}/rotate-token`)).json,
    )
    await first.host.stop()

    const second = await startHost({ dataDir })
    expect(second.host.registry.get(workspace.id)?.token).toBe(tokenOf(info.invite))
    const refused = await rawUpgrade(second.port, `/sync/${workspace.id}?token=${oldToken}`)
    expect(refused.toString('latin1').startsWith('HTTP/1.1 401 ')).toBe(true)
  })

  it('is owner only, POST only, and 404 for an unknown workspace', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const path = `/api/workspaces/${workspace.id}/rotate-token`
    const guest = await api(started, 'POST', path, undefined, {
      Authorization: `Bearer ${workspace.token}`,
    })
    expect(guest.status).toBe(401)
    expect((await api(started, 'GET', path)).status).toBe(405)
    expect((await api(started, 'POST', '/api/workspaces/ws-nope/rotate-token')).status).toBe(404)
    expect(started.host.registry.get(workspace.id)?.token).toBe(workspace.token)
  })
})
