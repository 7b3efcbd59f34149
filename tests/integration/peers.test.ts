import { afterEach, describe, expect, it } from 'vitest'
import type { NoteId } from '../../shared/ids'
import { newNoteId } from '../../shared/ids'
import { cleanup, rawUpgrade } from './hostHarness'
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

describe('peer links', () => {
  it('three hosts in a line (A ← B ← C) converge on random edits to the root and bodies', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const c = await startPeerHost()
    const workspace = await a.host.registry.create('Linja')
    const noteIds: NoteId[] = Array.from({ length: 5 }, () => newNoteId())
    const random = seededRandom(1)
    // Bodies written on A before anyone linked: C gets them without ever opening them.
    for (let i = 0; i < 20; i++) await randomEdit(a, workspace.id, noteIds, random)

    await b.host.peers.link(inviteOf(a, workspace.id))
    await c.host.peers.link(inviteOf(b, workspace.id))
    for (let i = 0; i < 200; i++) {
      await randomEdit([a, b, c][Math.floor(random() * 3)]!, workspace.id, noteIds, random)
    }
    await waitForConvergence([a, b, c], workspace.id, noteIds)
    expect(rootDoc(c, workspace.id).getMap('meta').get('name')).toBe('Linja')
    await waitFor(
      () => c.host.peers.status().some((s) => s.state === 'synced' && s.waiting === 0),
      'C to report its link synced',
    )
  })

  it('refuses a wrong token before any byte', async () => {
    const a = await startPeerHost()
    const workspace = await a.host.registry.create('Lukket')
    const reply = await rawUpgrade(
      a.port,
      `/sync/${workspace.id}?token=${'x'.repeat(43)}&kryss=1&peer=host-intruder`,
    )
    expect(reply.toString('latin1')).toMatch(/^HTTP\/1\.1 401 /)
    expect(reply.toString('latin1')).not.toContain('\r\n\r\n\x82')
  })
})
