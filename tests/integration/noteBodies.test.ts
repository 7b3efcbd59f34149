import { afterEach, describe, expect, it } from 'vitest'
import type { NoteId } from '../../shared/ids'
import { noteBodyFragment, noteBodyText, seedNoteBody } from '../../shared/model/noteBody'
import { noteRoomName } from '../../shared/rooms'
import type { WorkspaceId } from '../../shared/ids'
import { NoteBodyStores } from '../../electron/core/noteBodies'
import {
  cleanup,
  connectProvider,
  rawUpgrade,
  startHost,
  tempDir,
  waitFor,
  whenSynced,
} from './hostHarness'

afterEach(cleanup)

const noteA = 'note-aaaaaaaaaaaa' as NoteId
const noteB = 'note-bbbbbbbbbbbb' as NoteId

describe('note bodies: one document per note, opened on demand', () => {
  it('syncs a note body between two stock clients, apart from the root and other notes', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Notater')
    const params = { token: workspace.token }
    const room = noteRoomName(workspace.id, noteA)
    const a = connectProvider(started.port, room, params)
    const b = connectProvider(started.port, room, params)
    const other = connectProvider(started.port, noteRoomName(workspace.id, noteB), params)
    await Promise.all([whenSynced(a), whenSynced(b), whenSynced(other)])

    seedNoteBody(a.doc, [{ type: 'paragraph', content: ['Varmegjenvinning fra ovner'] }])
    await waitFor(() => noteBodyText(b.doc) === 'Varmegjenvinning fra ovner', 'body to reach b')
    expect(noteBodyFragment(other.doc).length).toBe(0)
    expect(workspace.store?.doc.getXmlFragment('body').length).toBe(0)
    expect(workspace.bodies?.openCount).toBe(2)
  })

  it('keeps a body on disk across a restart and closes it when nobody uses it', async () => {
    const first = await startHost()
    const workspace = await first.host.registry.create('Notater')
    const room = noteRoomName(workspace.id, noteA)
    const writer = connectProvider(first.port, room, { token: workspace.token })
    await whenSynced(writer)
    seedNoteBody(writer.doc, [{ type: 'heading', level: 2, content: ['Lagret'] }])
    const host = first.host.registry.get(workspace.id)
    await waitFor(() => host?.bodies?.openCount === 1, 'body to open')
    // Let the host receive and persist the edit, then stop it: stop flushes every store.
    await new Promise((resolve) => setTimeout(resolve, 200))
    writer.destroy()
    await first.host.stop()

    const second = await startHost({ dataDir: first.dataDir })
    const reopened = second.host.registry.get(workspace.id)
    expect(reopened?.bodies?.openCount).toBe(0)
    const reader = connectProvider(second.port, room, { token: workspace.token })
    await whenSynced(reader)
    expect(noteBodyText(reader.doc)).toBe('Lagret')
  })

  it('refuses a body room with a wrong token or a malformed note id before any byte', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Notater')
    const status = (response: Buffer) => response.toString('latin1').split('\r\n')[0]
    const wrong = await rawUpgrade(
      started.port,
      `/sync/${noteRoomName(workspace.id, noteA)}?token=nope`,
    )
    expect(status(wrong)).toBe('HTTP/1.1 401 Unauthorized')
    const malformed = await rawUpgrade(
      started.port,
      `/sync/${workspace.id}/notes/..%2F..?token=${workspace.token}`,
    )
    expect(status(malformed)).toBe('HTTP/1.1 404 Not Found')
    const unknown = await rawUpgrade(
      started.port,
      `/sync/${noteRoomName('ws-nosuchspace' as WorkspaceId, noteA)}?token=${workspace.token}`,
    )
    expect(status(unknown)).toBe('HTTP/1.1 404 Not Found')
    expect(workspace.bodies?.openCount).toBe(0)
  })
})

describe('NoteBodyStores', () => {
  it('shares one store between users and closes it a while after the last release', async () => {
    const dir = await tempDir()
    const bodies = new NoteBodyStores({ dir, idleMs: 30 })
    const first = await bodies.acquire(noteA)
    const second = await bodies.acquire(noteA)
    expect(second).toBe(first)
    bodies.release(noteA)
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(bodies.openCount).toBe(1)
    bodies.release(noteA)
    await waitFor(() => bodies.openCount === 0, 'the idle body to close')
    // Reopening reads what was written before.
    await bodies.withBody(noteA, (store) =>
      seedNoteBody(store.doc, [{ type: 'paragraph', content: ['igjen'] }]),
    )
    const again = await bodies.acquire(noteA)
    expect(noteBodyText(again.doc)).toBe('igjen')
    await expect(bodies.acquire('../escape' as NoteId)).rejects.toThrow(/not a note id/)
    await bodies.close()
  })
})
