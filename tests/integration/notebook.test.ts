import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { workspaceTag } from '../../electron/core/discovery/workspaceTag'
import { PRIVATE_MARKER } from '../../electron/core/workspaces'
import { discoveryInfoSchema } from '../../shared/discovery'
import {
  hostingStatusSchema,
  listWorkspacesResponse,
  shareNoteResponse,
  workspaceInfoSchema,
} from '../../shared/hostApi'
import type { NoteId, WorkspaceId } from '../../shared/ids'
import { encodeInviteLink, INVITE_VERSION } from '../../shared/invite'
import { createCompany, createCompetence } from '../../shared/model/companies'
import { appendNoteBody, noteBodyFragment, noteBodyText } from '../../shared/model/noteBody'
import { addNoteFile, getNoteFile } from '../../shared/model/noteFiles'
import { readSharedTo } from '../../shared/model/noteShare'
import { createNote, getNote } from '../../shared/model/notes'
import { noteRoomName } from '../../shared/rooms'
import { FakeNetwork } from './fakeDnsSd'
import {
  api,
  cleanup,
  connectProvider,
  rawUpgrade,
  startHost,
  waitFor,
  whenSynced,
  type StartedHost,
} from './hostHarness'
import { inviteOf, rootDoc, startPeerHost, TEST_ORIGIN } from './peerHarness'
import { stat } from 'node:fs/promises'
import path from 'node:path'

afterEach(cleanup)

async function openNotebook(started: StartedHost, name = 'Min notatbok') {
  const answer = await api(started, 'POST', '/api/notebook', { name })
  expect([200, 201]).toContain(answer.status)
  return { status: answer.status, info: workspaceInfoSchema.parse(answer.json) }
}

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
)

/** What a refused upgrade got back: the status line, and whether any WebSocket byte came. */
async function upgradeStatus(started: StartedHost, room: string, query: string) {
  const reply = (await rawUpgrade(started.port, `/sync/${room}?${query}`)).toString('latin1')
  return { line: reply.split('\r\n')[0], switched: reply.includes('101 Switching') }
}

describe('private notebook: never shared', () => {
  it('is created once, has no invite, and refuses guest tokens, invites, rotation and joins', async () => {
    const started = await startPeerHost()
    const shared = await started.host.registry.create('Felles')
    const first = await openNotebook(started)
    expect(first.status).toBe(201)
    expect(first.info.private).toBe(true)
    expect(first.info.invite).toBe('')
    const again = await openNotebook(started, 'Et annet navn')
    expect(again.status).toBe(200)
    expect(again.info.id).toBe(first.info.id)
    const id = first.info.id
    const entry = started.host.registry.get(id)
    if (!entry) throw new Error('the notebook is not registered')

    // Listed for the owner, marked; no invite printed for it (the hub prints these).
    const list = listWorkspacesResponse.parse((await api(started, 'GET', '/api/workspaces')).json)
    expect(list.workspaces.find((w) => w.id === id)?.private).toBe(true)
    expect(list.workspaces.find((w) => w.id === shared.id)?.private).toBeUndefined()
    expect(started.host.inviteLinks().map((i) => i.workspaceId)).toEqual([shared.id])

    // No invite link (full or view-only), no rotation.
    for (const readOnly of [false, true]) {
      const invite = await api(started, 'POST', `/api/workspaces/${id}/invite`, { readOnly })
      expect(invite.status).toBe(409)
      expect(JSON.stringify(invite.json)).not.toContain(entry.token)
    }
    expect((await api(started, 'POST', `/api/workspaces/${id}/rotate-token`)).status).toBe(409)
    expect(entry.viewToken).toBeUndefined()

    // Guest tokens are refused before any byte, exactly like a wrong token: the notebook's own
    // registry token (which never leaves the host), a shared workspace's token, a wrong one.
    const wrong = await upgradeStatus(started, id, 'token=not-the-right-token-at-all')
    for (const token of [entry.token, shared.token]) {
      for (const room of [id, noteRoomName(id, 'note-abc' as NoteId)]) {
        const refused = await upgradeStatus(started, room, `token=${token}`)
        expect(refused).toEqual({ line: 'HTTP/1.1 401 Unauthorized', switched: false })
        expect(refused).toEqual(wrong)
      }
    }

    // No peer link with any token, the owner's included.
    for (const token of [started.host.ownerToken, entry.token]) {
      const peer = await upgradeStatus(started, id, `token=${token}&kryss=1&peer=host-other`)
      expect(peer.switched).toBe(false)
      expect(peer.line).toMatch(/^HTTP\/1\.1 40[13] /)
    }

    // Joining an invite that names the notebook is refused, and links nothing.
    const forged = encodeInviteLink({
      v: INVITE_VERSION,
      workspace: id,
      name: 'Min notatbok',
      token: entry.token,
      hosts: [started.url],
    })
    const join = await api(started, 'POST', '/api/join', { invite: forged })
    expect(join.status).toBe(409)
    expect(started.host.peers.status().some((s) => s.workspaceId === id)).toBe(false)

    // The owner token reaches it.
    const owner = connectProvider(started.port, id, { token: started.host.ownerToken })
    await whenSynced(owner)
  })

  it('another host that names the notebook in a forged invite gets nothing from it', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const notebook = (await openNotebook(a)).info
    createNote(rootDoc(a, notebook.id), {
      title: 'Hemmelig plan',
      author: { name: 'Eier' },
      now: 1,
    })
    const entry = a.host.registry.get(notebook.id)
    if (!entry) throw new Error('no notebook')
    const forged = encodeInviteLink({
      v: INVITE_VERSION,
      workspace: notebook.id,
      name: 'Min notatbok',
      token: entry.token,
      hosts: [a.url],
    })
    expect((await api(b, 'POST', '/api/join', { invite: forged })).status).toBe(201)
    await waitFor(
      () =>
        b.host.peers
          .status()
          .some((s) => s.workspaceId === notebook.id && /\b40[13]\b/.test(s.lastError ?? '')),
      'A to refuse the link',
    )
    expect(b.host.peers.status().find((s) => s.workspaceId === notebook.id)?.state).not.toBe(
      'synced',
    )
    expect(a.host.peers.status()).toEqual([])
    expect(rootDoc(b, notebook.id).getMap('notes').size).toBe(0)
  })

  it('is neither advertised nor matched by LAN discovery, while a shared workspace is', async () => {
    const network = new FakeNetwork()
    const options = { discovery: { createDnsSd: () => network.dnsSd(), pollIntervalMs: 100 } }
    const a = await startPeerHost(options)
    const b = await startPeerHost(options)
    const shared = await a.host.registry.create('Felles prosjekt')
    const notebook = (await openNotebook(a)).info
    const token = a.host.registry.get(notebook.id)?.token as string
    // B somehow holds both ids and tokens (as if it had joined both).
    await b.host.registry.register({ id: shared.id, name: 'Felles prosjekt', token: shared.token })
    await b.host.registry.register({ id: notebook.id, name: 'x', token })
    createNote(rootDoc(a, notebook.id), { title: 'Hemmelig', author: { name: 'Eier' }, now: 1 })
    for (const started of [a, b]) {
      const on = await api(started, 'PUT', '/api/hosting', { on: true })
      expect(hostingStatusSchema.parse(on.json).on).toBe(true)
    }

    const lanPort = hostingStatusSchema.parse((await api(a, 'GET', '/api/hosting')).json).port
    const advertised = discoveryInfoSchema.parse(
      await (await fetch(`http://127.0.0.1:${lanPort}/api/discovery`)).json(),
    )
    const tags = advertised.workspaces.map((w) => w.tag)
    expect(tags).toContain(workspaceTag(shared.id, a.host.peers.hostId))
    expect(tags).not.toContain(workspaceTag(notebook.id, a.host.peers.hostId))
    expect(JSON.stringify(advertised)).not.toContain('notatbok')

    // The shared workspace links through discovery; the notebook never does.
    await waitFor(
      () => b.host.peers.status().some((s) => s.workspaceId === shared.id && s.state === 'synced'),
      'the shared workspace to link',
      10_000,
    )
    await new Promise((resolve) => setTimeout(resolve, 400))
    for (const started of [a, b]) {
      expect(started.host.peers.status().some((s) => s.workspaceId === notebook.id)).toBe(false)
    }
    expect(rootDoc(b, notebook.id).getMap('notes').size).toBe(0)
  })

  it('stays private when the registry is lost and the folder is found again', async () => {
    const first = await startHost()
    const notebook = (await openNotebook(first)).info
    await stat(path.join(first.dataDir, 'workspaces', notebook.id, PRIVATE_MARKER))
    await first.host.stop()
    const { rm } = await import('node:fs/promises')
    await rm(path.join(first.dataDir, 'kryss.json'))
    const second = await startHost({ dataDir: first.dataDir })
    expect(second.host.registry.get(notebook.id)?.private).toBe(true)
    expect(second.host.inviteLinks()).toEqual([])
  })
})

describe('share to workspace', () => {
  it('copies title, type, tags, matched vocabulary, body and images, and records both ends', async () => {
    const a = await startPeerHost()
    const target = await a.host.registry.create('Kryssverksted')
    const notebook = (await openNotebook(a)).info
    const from = rootDoc(a, notebook.id)
    const to = rootDoc(a, target.id)
    const author = { name: 'Eier' }

    // Vocabulary: "Robotikk" exists in both (different ids), "Hemmelig kunnskap" only here.
    const robotHere = createCompetence(from, { name: 'Robotikk', category: '' })
    const secret = createCompetence(from, { name: 'Hemmelig kunnskap', category: '' })
    const robotThere = createCompetence(to, { name: ' robotikk ', category: '' })
    const companyHere = createCompany(from, {
      name: 'Ekornes',
      industry: 'furniture',
      location: '',
      description: '',
      color: '#123456',
    })
    const companyThere = createCompany(to, {
      name: 'EKORNES',
      industry: 'furniture',
      location: '',
      description: '',
      color: '#654321',
    })

    const other = createNote(from, { title: 'Annen privat tanke', author, now: 1 })
    const note = createNote(from, {
      title: 'Bindemiddel i sponplater',
      author,
      now: 2,
      type: 'lesson',
      tags: ['Bio', 'Sponplate'],
      competenceIds: [robotHere, secret],
      companyId: companyHere,
    })
    const bodies = a.host.registry.get(notebook.id)?.bodies
    if (!bodies) throw new Error('no bodies')
    const store = await bodies.acquire(note)
    let fileId: string
    let unusedId: string
    try {
      appendNoteBody(store.doc, [
        { type: 'heading', level: 2, content: ['Hva vi lærte'] },
        {
          type: 'paragraph',
          content: [
            { text: 'Lignin', bold: true },
            ' binder. Se ',
            { type: 'noteLink', id: other },
          ],
        },
      ])
      fileId = await addNoteFile(store.doc, {
        bytes: PNG,
        type: 'image/png',
        name: 'bilde.png',
        addedBy: 'Eier',
        now: 3,
      })
      unusedId = await addNoteFile(store.doc, {
        bytes: Uint8Array.from([...PNG, 0]),
        type: 'image/png',
        name: 'ubrukt.png',
        addedBy: 'Eier',
        now: 3,
      })
      store.doc.transact(() => {
        const image = new Y.XmlElement('image')
        image.setAttribute('fileId', fileId)
        image.setAttribute('alt', 'Et bilde')
        noteBodyFragment(store.doc).push([image])
      }, TEST_ORIGIN)
      await store.whenDurable()
    } finally {
      bodies.release(note)
    }

    const answer = await api(a, 'POST', `/api/workspaces/${notebook.id}/notes/${note}/share`, {
      to: target.id,
    })
    expect(answer.status).toBe(201)
    const shared = shareNoteResponse.parse(answer.json)
    expect(shared.workspace).toBe(target.id)
    const copyId = shared.note as NoteId
    expect(copyId).not.toBe(note)

    const copy = getNote(to, copyId)
    expect(copy).toMatchObject({
      title: 'Bindemiddel i sponplater',
      type: 'lesson',
      tags: ['Bio', 'Sponplate'],
      competenceIds: [robotThere],
      companyId: companyThere,
      copiedFrom: { workspaceId: notebook.id, noteId: note, workspaceName: 'Min notatbok' },
    })
    // The unknown competence was left out, not created in the shared workspace.
    expect(to.getMap('competences').size).toBe(1)

    const targetBodies = a.host.registry.get(target.id)?.bodies
    if (!targetBodies) throw new Error('no target bodies')
    await targetBodies.withBody(copyId, (store) => {
      const fragment = noteBodyFragment(store.doc)
      expect(fragment.length).toBe(3)
      // The link to a private note that was not shared became its title, as text.
      expect(noteBodyText(store.doc)).toContain('Se Annen privat tanke')
      const xml = fragment.toJSON()
      expect(xml).not.toContain(other)
      expect(xml).toContain(
        '<paragraph><bold>Lignin</bold> binder. Se Annen privat tanke</paragraph>',
      )
      expect(xml).toContain('<heading level="2">Hva vi lærte</heading>')
      expect(xml).toContain(`<image alt="Et bilde" fileId="${fileId}"></image>`)
      expect(getNoteFile(store.doc, fileId)?.bytes).toEqual(PNG)
      expect(getNoteFile(store.doc, unusedId)).toBeUndefined()
    })

    const [record, ...more] = readSharedTo(from, note)
    expect(more).toEqual([])
    expect(record).toMatchObject({
      workspaceId: target.id,
      noteId: copyId,
      workspaceName: 'Kryssverksted',
    })

    // Sharing the linked note too, then the first again: a second copy, whose link now points
    // at the linked note's copy in the same workspace.
    const otherCopy = shareNoteResponse.parse(
      (
        await api(a, 'POST', `/api/workspaces/${notebook.id}/notes/${other}/share`, {
          to: target.id,
        })
      ).json,
    ).note
    const second = shareNoteResponse.parse(
      (
        await api(a, 'POST', `/api/workspaces/${notebook.id}/notes/${note}/share`, {
          to: target.id,
        })
      ).json,
    ).note
    expect(second).not.toBe(copyId)
    expect(readSharedTo(from, note).map((c) => c.noteId)).toEqual([copyId, second])
    expect(getNote(to, second as NoteId)?.links).toEqual([otherCopy])
  })

  it('refuses to share from a shared workspace, into the notebook, or a missing note', async () => {
    const a = await startPeerHost()
    const target = await a.host.registry.create('Kryssverksted')
    const notebook = (await openNotebook(a)).info
    const inShared = createNote(rootDoc(a, target.id), {
      title: 'x',
      author: { name: 'E' },
      now: 1,
    })
    const inNotebook = createNote(rootDoc(a, notebook.id), {
      title: 'y',
      author: { name: 'E' },
      now: 1,
    })
    const share = (from: WorkspaceId, note: string, to: WorkspaceId) =>
      api(a, 'POST', `/api/workspaces/${from}/notes/${note}/share`, { to })
    expect((await share(target.id, inShared, notebook.id)).status).toBe(409)
    expect((await share(notebook.id, inNotebook, notebook.id)).status).toBe(409)
    expect((await share(notebook.id, 'note-missing', target.id)).status).toBe(404)
    expect((await share(notebook.id, inNotebook, 'ws-nothere' as WorkspaceId)).status).toBe(404)
    expect(rootDoc(a, target.id).getMap('notes').size).toBe(1)
  })

  it('the copy reaches a guest and a linked host of the target; the original never does', async () => {
    const a = await startPeerHost()
    const b = await startPeerHost()
    const target = await a.host.registry.create('Kryssverksted')
    const notebook = (await openNotebook(a)).info
    const from = rootDoc(a, notebook.id)
    const note = createNote(from, { title: 'Varmegjenvinning', author: { name: 'Eier' }, now: 1 })
    await a.host.registry
      .get(notebook.id)
      ?.bodies?.withBody(note, (store) =>
        appendNoteBody(store.doc, [{ type: 'paragraph', content: ['Privat tekst som deles'] }]),
      )

    // B has joined the target workspace by its invite; a guest is connected to it.
    const invite = encodeInviteLink(inviteOf(a, target.id))
    expect((await api(b, 'POST', '/api/join', { invite })).status).toBe(201)
    const guest = connectProvider(a.port, target.id, { token: target.token })
    await whenSynced(guest)

    const shared = shareNoteResponse.parse(
      (
        await api(a, 'POST', `/api/workspaces/${notebook.id}/notes/${note}/share`, {
          to: target.id,
        })
      ).json,
    )
    const copyId = shared.note as NoteId
    await waitFor(() => getNote(guest.doc, copyId) !== undefined, 'the copy at the guest')
    expect(getNote(guest.doc, copyId)?.copiedFrom?.noteId).toBe(note)
    const body = connectProvider(a.port, noteRoomName(target.id, copyId), { token: target.token })
    await whenSynced(body)
    expect(noteBodyText(body.doc)).toBe('Privat tekst som deles')

    await waitFor(() => getNote(rootDoc(b, target.id), copyId) !== undefined, 'the copy at B')
    const copyAtB = await b.host.registry
      .get(target.id)
      ?.bodies?.withBody(copyId, (store) => noteBodyText(store.doc))
    expect(copyAtB).toBe('Privat tekst som deles')

    // The original: the guest's token does not open it, and B never heard of the notebook.
    for (const room of [notebook.id, noteRoomName(notebook.id, note)]) {
      const refused = await upgradeStatus(a, room, `token=${target.token}`)
      expect(refused.line).toBe('HTTP/1.1 401 Unauthorized')
    }
    expect(b.host.registry.get(notebook.id)).toBeUndefined()
    expect(getNote(guest.doc, note)).toBeUndefined()
    expect(b.host.peers.status().every((s) => s.workspaceId === target.id)).toBe(true)
  })
})
