import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CHANGE_COALESCE_MS } from '../../electron/core/peers/peerLinks'
import { workspaceInfoSchema } from '../../shared/hostApi'
import type { NoteId } from '../../shared/ids'
import { noteBodyFragment } from '../../shared/model/noteBody'
import { workspacePeersResponse } from '../../shared/peersApi'
import { api, cleanup } from './hostHarness'
import { rootDoc, startPeerHost, TEST_ORIGIN, waitFor } from './peerHarness'

afterEach(cleanup)

describe('joining from the owner API', () => {
  it('joins by invite, reports the link, and counts changes no peer has yet', async () => {
    const a = await startPeerHost()
    // B's clock can jump ahead, to show when edits stop being one change.
    let skew = 0
    const b = await startPeerHost({ now: () => Date.now() + skew })
    const workspace = await a.host.registry.create('Felles verksted')
    const link = a.host.inviteLinks().find((i) => i.workspaceId === workspace.id)?.link
    rootDoc(a, workspace.id).transact(
      () => rootDoc(a, workspace.id).getMap('test').set('k', 'fra A'),
      TEST_ORIGIN,
    )

    const joined = await api(b, 'POST', '/api/join', { invite: link })
    expect(joined.status).toBe(201)
    expect(workspaceInfoSchema.parse(joined.json).id).toBe(workspace.id)
    await waitFor(
      () => rootDoc(b, workspace.id).getMap('test').get('k') === 'fra A',
      'A content on B',
    )
    await waitFor(
      () => b.host.registry.get(workspace.id)?.name === 'Felles verksted',
      'the name to arrive',
    )

    const peers = async () =>
      workspacePeersResponse.parse(
        (await api(b, 'GET', `/api/workspaces/${workspace.id}/peers`)).json,
      )
    await waitFor(() => b.host.peers.status().some((s) => s.state === 'synced'), 'synced')
    const synced = await peers()
    expect(synced.unshared).toBe(0)
    expect(synced.links).toMatchObject([
      { direction: 'out', state: 'synced', remoteHostId: a.host.peers.hostId },
    ])

    // A goes away: B's edits wait, and say so, counted as changes a person made: three quick
    // edits to the root (like keystrokes) are one, an edit to a note body another, and an edit
    // to the root after a pause a third.
    await a.host.stop()
    await waitFor(() => b.host.peers.status().every((s) => s.state !== 'synced'), 'offline')
    const setWord = (word: string) =>
      rootDoc(b, workspace.id).transact(
        () => rootDoc(b, workspace.id).getMap('test').set('k', word),
        TEST_ORIGIN,
      )
    for (const word of ['e', 'en', 'en t']) setWord(word)
    expect((await peers()).unshared).toBe(1)
    await b.host.registry
      .get(workspace.id)
      ?.bodies?.withBody('note-kladd' as NoteId, (store) =>
        store.doc.transact(() => noteBodyFragment(store.doc).insert(0, [new Y.XmlText('hei')])),
      )
    expect((await peers()).unshared).toBe(2)
    skew += CHANGE_COALESCE_MS
    setWord('tre')
    const offline = await peers()
    expect(offline.unshared).toBe(3)
    expect(offline.links[0]?.waiting).toBe(3)
    expect(offline.links[0]?.state).toBe('connecting')

    const a2 = await startPeerHost({ dataDir: a.dataDir, port: a.port })
    await waitFor(() => rootDoc(a2, workspace.id).getMap('test').get('k') === 'tre', 'heal')
    await waitFor(() => b.host.peers.status().some((s) => s.state === 'synced'), 'synced again')
    expect((await peers()).unshared).toBe(0)
  })

  it('refuses a bad invite with the reason in words, and unknown workspaces with 404', async () => {
    const b = await startPeerHost()
    const bad = await api(b, 'POST', '/api/join', { invite: 'http://127.0.0.1:1/join#bm9wZQ' })
    expect(bad.status).toBe(400)
    expect(bad.json).toEqual({ error: expect.stringMatching(/damaged|incomplete/) as unknown })
    const notInvite = await api(b, 'POST', '/api/join', { invite: 'https://example.com/page#x' })
    expect(notInvite.status).toBe(400)
    expect(notInvite.json).toEqual({ error: expect.stringMatching(/not an invite/) as unknown })
    expect((await api(b, 'POST', '/api/join', {})).status).toBe(400)
    expect((await api(b, 'GET', '/api/workspaces/ws-nope-nope/peers')).status).toBe(404)
  })
})
