import { afterEach, describe, expect, it } from 'vitest'
import { createItems, setItemText } from '../../shared/model/board/commands'
import { ANNE } from '../../shared/model/board/testing'
import { createBoard } from '../../shared/model/boards'
import { createCompany } from '../../shared/model/companies'
import { appendNoteBody, noteBodyFragment } from '../../shared/model/noteBody'
import { createNote, deleteNote, renameNote } from '../../shared/model/notes'
import { NOTE_LINK_NODE } from '../../shared/model/links'
import * as Y from 'yjs'
import { boardRoomName, noteRoomName } from '../../shared/rooms'
import {
  encodeSearchRequest,
  SEARCH_RATE_LIMITED,
  SearchMessageType,
} from '../../shared/search/protocol'
import * as encoding from 'lib0/encoding'
import {
  cleanup,
  connectProvider,
  RawClient,
  startHost,
  waitFor,
  whenSynced,
  type StartedHost,
} from './hostHarness'
import { SEARCH_QUERIES_PER_SECOND, SEARCH_QUERY_BURST } from '../../electron/core/search/rateLimit'
import { marked, SearchClient, text } from './searchHarness'

afterEach(cleanup)

const AUTHOR = { name: 'Åse' }

async function workspaceWithClients(started: StartedHost) {
  const workspace = await started.host.registry.create('Klynge')
  const params = { token: workspace.token }
  const root = connectProvider(started.port, workspace.id, params)
  await whenSynced(root)
  return { workspace, params, root }
}

describe('full-text search on the host', () => {
  it('tells a search client its status first, then answers queries with marked hits', async () => {
    const started = await startHost()
    const { workspace, params, root } = await workspaceWithClients(started)
    const noteId = createNote(root.doc, {
      title: 'Varmegjenvinning fra tørkeovner',
      author: AUTHOR,
      now: 1_000,
    })
    const body = connectProvider(started.port, noteRoomName(workspace.id, noteId), params)
    await whenSynced(body)
    appendNoteBody(body.doc, [
      { type: 'paragraph', content: ['Ovnene i hall B gir spillvarme til lageret på Løten.'] },
    ])

    const client = new SearchClient(started.port, workspace.id, workspace.token)
    await client.raw.opened
    await waitFor(() => client.statuses.length > 0, 'the first status')
    // The status comes before anything else the host sends on the connection.
    expect(client.raw.types()[0]).toBe(SearchMessageType.searchStatus)

    const response = await client.searchUntil({ text: 'loeten spillvarme' }, (r) => r.total > 0)
    expect(response.error).toBeUndefined()
    expect(response.hits).toHaveLength(1)
    const [hit] = response.hits
    expect(hit).toMatchObject({
      id: `note:${noteId}`,
      kind: 'note',
      target: { type: 'note', note: noteId },
    })
    expect(text(hit!.title)).toBe('Varmegjenvinning fra tørkeovner')
    expect(marked(hit!.snippet)).toEqual(['spillvarme', 'Løten'])
    // Typed on an English keyboard (ø as o): found, and the word as written is marked.
    const loose = await client.search({ text: 'torkeovner loten' })
    expect(loose.hits.map((h) => h.id)).toEqual([`note:${noteId}`])
    expect(marked(loose.hits[0]!.title)).toEqual(['tørkeovner'])
    expect(marked(loose.hits[0]!.snippet)).toEqual(['Løten'])
    expect(response.tookMs).toBeGreaterThanOrEqual(0)

    // A typo of five letters or more still finds it, and the word found is marked.
    const typo = await client.search({ text: 'varmegjenvining' })
    expect(typo.hits.map((h) => h.id)).toEqual([`note:${noteId}`])
    expect(marked(typo.hits[0]!.title)).toEqual(['Varmegjenvinning'])
  })

  it('finds a sticky one participant writes on a board for another within a second', async () => {
    const started = await startHost()
    const { workspace, params, root } = await workspaceWithClients(started)
    const boardId = createBoard(root.doc, { title: 'Workshop april', author: AUTHOR, now: 1 })
    const board = connectProvider(started.port, boardRoomName(workspace.id, boardId), params)
    await whenSynced(board)
    const client = new SearchClient(started.port, workspace.id, workspace.token)
    await client.ready()

    const written = Date.now()
    const [sticky] = createItems(
      board.doc,
      [{ kind: 'sticky', x: 0, y: 0, text: 'Solceller på taket' }],
      {
        actor: ANNE,
        now: 5,
      },
    )
    const found = await client.searchUntil({ text: 'solceller' }, (r) => r.total === 1, 1_000)
    expect(Date.now() - written).toBeLessThan(1_000)
    expect(found.hits[0]).toMatchObject({
      kind: 'sticky',
      context: 'Workshop april',
      target: { type: 'boardItem', board: boardId, item: sticky },
    })

    // Typing on: the new words are found, the old ones are gone.
    setItemText(board.doc, sticky!, 'Varmepumpe i lageret')
    await client.searchUntil({ text: 'varmepumpe' }, (r) => r.total === 1, 1_000)
    expect((await client.search({ text: 'solceller' })).total).toBe(0)
  })

  it('follows note body edits and forgets deleted notes', async () => {
    const started = await startHost()
    const { workspace, params, root } = await workspaceWithClients(started)
    const noteId = createNote(root.doc, { title: 'Møtereferat', author: AUTHOR, now: 1 })
    const body = connectProvider(started.port, noteRoomName(workspace.id, noteId), params)
    await whenSynced(body)
    const client = new SearchClient(started.port, workspace.id, workspace.token)
    await client.ready()
    appendNoteBody(body.doc, [{ type: 'paragraph', content: ['Kjetting og sliping'] }])
    await client.searchUntil({ text: 'kjetting' }, (r) => r.total === 1)
    // An edit changes no count; the status says it anyway (its `changes`), unasked, so a
    // client with a query shown knows to ask again.
    await new Promise((resolve) => setTimeout(resolve, 400))
    const before = client.statuses.length
    const seen = client.lastStatus!
    appendNoteBody(body.doc, [{ type: 'paragraph', content: ['Robotcelle for lakk'] }])
    await waitFor(
      () => (client.lastStatus?.changes ?? 0) > (seen.changes ?? 0),
      'a status telling of the edit',
    )
    expect(client.statuses.length).toBeGreaterThan(before)
    expect(client.lastStatus).toMatchObject({ indexed: seen.indexed, total: seen.total })
    expect((await client.search({ text: 'robotcelle' })).total).toBe(1)

    deleteNote(root.doc, noteId)
    await client.searchUntil({ text: 'kjetting' }, (r) => r.total === 0)
    expect((await client.search({ text: 'møtereferat' })).total).toBe(0)
  })

  it('finds a note by the new title of a note its body links to, after that one is renamed', async () => {
    const started = await startHost()
    const { workspace, params, root } = await workspaceWithClients(started)
    const a = createNote(root.doc, { title: 'Referat fra verkstedet', author: AUTHOR, now: 1 })
    const b = createNote(root.doc, { title: 'Ovner', author: AUTHOR, now: 2 })
    const body = connectProvider(started.port, noteRoomName(workspace.id, a), params)
    await whenSynced(body)
    body.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph')
      noteBodyFragment(body.doc).push([paragraph])
      const link = new Y.XmlElement(NOTE_LINK_NODE)
      link.setAttribute('id', b)
      paragraph.push([new Y.XmlText('Vi så på '), link])
    })
    const client = new SearchClient(started.port, workspace.id, workspace.token)
    await client.ready()
    // The host derived A's link to B; A's text shows the link as B's title.
    await client.searchUntil({ text: 'ovner' }, (r) => r.total === 2)

    renameNote(root.doc, b, { title: 'Tørkeovner', author: AUTHOR, now: 3 })
    const renamed = await client.searchUntil({ text: 'tørkeovner' }, (r) => r.total === 2)
    const hit = renamed.hits.find((h) => h.id === `note:${a}`)
    expect(marked(hit!.snippet)).toEqual(['Tørkeovner'])
    expect((await client.search({ text: 'ovner' })).total).toBe(0)

    // (A linking body that is not open on the host is read again from disk: engine.test.ts.)
  })

  it('narrows by filters and kinds', async () => {
    const started = await startHost()
    const { workspace, root } = await workspaceWithClients(started)
    const companyId = createCompany(root.doc, {
      name: 'Lien Møbelverk',
      industry: 'furniture',
      location: 'Løten',
      description: 'Massivtre og lakk',
      color: '#336699',
    })
    createNote(root.doc, {
      title: 'Lakk fra Lien',
      author: AUTHOR,
      now: 10,
      companyId,
      type: 'lesson',
      tags: ['Overflate'],
    })
    createNote(root.doc, { title: 'Lakk i hall B', author: { name: 'Bo' }, now: 20, type: 'idea' })
    const client = new SearchClient(started.port, workspace.id, workspace.token)
    await client.ready()
    await client.searchUntil({ text: 'lakk' }, (r) => r.total === 3)

    const titles = async (query: Parameters<SearchClient['search']>[0]) =>
      (await client.search(query)).hits.map((hit) => text(hit.title)).sort()
    expect(await titles({ text: 'lakk', filters: { companyId } })).toEqual([
      'Lakk fra Lien',
      'Lien Møbelverk',
    ])
    expect(await titles({ text: 'lakk', kinds: ['note'], filters: { companyId } })).toEqual([
      'Lakk fra Lien',
    ])
    expect(await titles({ text: 'lakk', filters: { tag: 'overflate' } })).toEqual(['Lakk fra Lien'])
    expect(await titles({ text: 'lakk', filters: { type: 'idea' } })).toEqual(['Lakk i hall B'])
    expect(await titles({ text: 'lakk', filters: { author: 'bo' } })).toEqual(['Lakk i hall B'])
    expect(await titles({ text: 'lakk', kinds: ['note'], filters: { updatedSince: 15 } })).toEqual([
      'Lakk i hall B',
    ])
    expect(await titles({ text: 'lakk', kinds: ['note'], filters: { updatedBefore: 15 } })).toEqual(
      ['Lakk fra Lien'],
    )
    const limited = await client.search({ text: 'lakk', limit: 1 })
    expect(limited.hits).toHaveLength(1)
    expect(limited.total).toBe(3)
  })

  it('answers a bad query with an error and keeps the connection open', async () => {
    const started = await startHost()
    const { workspace } = await workspaceWithClients(started)
    const client = new SearchClient(started.port, workspace.id, workspace.token)
    await client.ready()
    const tooLong = await client.search({ text: 'x'.repeat(500) })
    expect(tooLong.error).toBeDefined()
    expect(tooLong.hits).toEqual([])
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, SearchMessageType.searchRequest)
    encoding.writeVarUint(encoder, 77)
    encoding.writeVarString(encoder, '{not json')
    const notJson = await client.sendRaw(encoding.toUint8Array(encoder), 77)
    expect(notJson.error).toBeDefined()
    expect(client.raw.closeCode).toBeNull()
    expect((await client.search({ text: 'ok' })).error).toBeUndefined()
  })

  it('refuses queries over the per-connection rate limit with an error, the connection open', async () => {
    const started = await startHost()
    const { workspace, root } = await workspaceWithClients(started)
    createNote(root.doc, { title: 'Sponplate', author: AUTHOR, now: 1 })
    const client = new SearchClient(started.port, workspace.id, workspace.token)
    await client.ready()
    await client.searchUntil({ text: 'sponplate' }, (r) => r.total === 1)
    await new Promise((resolve) => setTimeout(resolve, 2_100)) // the bucket full again

    const burst = await client.searchBurst({ text: 'sponplate' }, SEARCH_QUERY_BURST + 20)
    const refused = burst.filter((r) => r.code === SEARCH_RATE_LIMITED)
    const answered = burst.filter((r) => r.error === undefined)
    // The burst is answered; what comes beyond it (bar the trickle refilled meanwhile) is not.
    expect(answered.length).toBeGreaterThanOrEqual(SEARCH_QUERY_BURST)
    expect(refused.length).toBeGreaterThanOrEqual(15)
    expect(answered.length + refused.length).toBe(burst.length)
    expect(answered.every((r) => r.total === 1)).toBe(true)
    for (const r of refused) {
      expect(r).toMatchObject({ hits: [], total: 0 })
      expect(r.error).toMatch(/too many searches/i)
      expect(r.retryAfterMs).toBeGreaterThan(0)
      expect(r.retryAfterMs).toBeLessThanOrEqual(1000 / SEARCH_QUERIES_PER_SECOND)
    }
    // The connection stays open; another connection has a bucket of its own.
    expect(client.raw.closeCode).toBeNull()
    const other = new SearchClient(started.port, workspace.id, workspace.token)
    await other.ready()
    expect((await other.searchBurst({ text: 'sponplate' }, 10)).every((r) => r.total === 1)).toBe(
      true,
    )
    // After a pause the first connection is answered again.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await client.search({ text: 'sponplate' })).toMatchObject({ total: 1 })
    expect(client.raw.closeCode).toBeNull()
  })

  it('lets view-only and private-notebook connections search; a stock client never hears of it', async () => {
    const started = await startHost()
    const { workspace, root } = await workspaceWithClients(started)
    createNote(root.doc, { title: 'Sponplate', author: AUTHOR, now: 1 })
    const viewToken = await started.host.registry.ensureViewToken(workspace.id)
    const viewer = new SearchClient(started.port, workspace.id, viewToken)
    await viewer.ready()
    await viewer.searchUntil({ text: 'sponplate' }, (r) => r.total === 1)

    const notebook = await started.host.registry.ensurePrivateNotebook('Mine notater')
    const owner = new SearchClient(started.port, notebook.id, started.host.ownerToken)
    await owner.ready()
    expect((await owner.search({ text: 'sponplate' })).total).toBe(0)

    // No `search=1`, or no `kryss=1`: no status, and a search request is an unknown message.
    const stock = new SearchClient(started.port, workspace.id, workspace.token, 'kryss=1')
    await stock.raw.opened
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(stock.statuses).toEqual([])
    stock.raw.send(encodeSearchRequest(1, { text: 'sponplate' }))
    expect(await stock.raw.closed()).toBe(1007)
    const plain = new RawClient(
      `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${workspace.token}&search=1`,
    )
    await plain.opened
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(plain.types()).not.toContain(SearchMessageType.searchStatus)
  })
})
