import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId } from '../../../shared/ids'
import { NOTE_LINK_NODE, syncNoteLinks } from '../../../shared/model/links'
import { appendNoteBody, noteBodyFragment } from '../../../shared/model/noteBody'
import { createNote, deleteNote, renameNote } from '../../../shared/model/notes'
import type { SearchResponse, SearchStatus } from '../../../shared/search/protocol'
import { openDocStore } from '../storage/docStore'
import { SearchEngine } from './engine'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

/** A workspace folder with a root holding one note and that note's body, as stores write them. */
async function workspace(bodyText: string): Promise<{ dir: string; root: Y.Doc; noteId: NoteId }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kryss-search-engine-'))
  dirs.push(dir)
  const rootStore = await openDocStore({ dir })
  const noteId = createNote(rootStore.doc, { title: 'Notat', author: { name: 'Åse' }, now: 1 })
  await rootStore.close()
  const bodyStore = await openDocStore({ dir: path.join(dir, 'notes', noteId) })
  appendNoteBody(bodyStore.doc, [{ type: 'paragraph', content: [bodyText] }])
  await bodyStore.close()
  return { dir, root: rootStore.doc, noteId }
}

function engine(
  dir: string,
  root: Y.Doc,
  onStatus: (status: SearchStatus) => void = () => {},
): SearchEngine {
  const created: SearchEngine = new SearchEngine({
    dir,
    delayMs: 0,
    saveDelayMs: 60_000,
    log: () => {},
    onStatus,
    onRootVector: (vector) => created.applyRoot(Y.encodeStateAsUpdate(root, vector)),
  })
  return created
}

const ids = (response: SearchResponse) => response.hits.map((hit) => hit.id)

describe('search engine', () => {
  it('takes a live change of a body over an older read of it from disk', async () => {
    const { dir, root, noteId } = await workspace('Gammel tekst om sponplate')
    const search = engine(dir, root)
    // The host changed the body before the build got to it: its whole state comes live.
    const live = new Y.Doc()
    appendNoteBody(live, [{ type: 'paragraph', content: ['Ny tekst om massivtre'] }])
    search.applyDoc('note', noteId, Y.encodeStateAsUpdate(live), true)
    await search.whenBuilt()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(ids(search.query(JSON.stringify({ text: 'massivtre' })))).toEqual([`note:${noteId}`])
    expect(ids(search.query(JSON.stringify({ text: 'sponplate' })))).toEqual([])
    await search.close()
  })

  it('reads a body from disk when nothing live came, and follows its updates once open', async () => {
    const { dir, root, noteId } = await workspace('Herding av lakk')
    const search = engine(dir, root)
    await search.whenBuilt()
    expect(search.status()).toMatchObject({ state: 'ready' })
    expect(ids(search.query(JSON.stringify({ text: 'herding' })))).toEqual([`note:${noteId}`])

    const open = new Y.Doc()
    appendNoteBody(open, [{ type: 'paragraph', content: ['Herding av lakk'] }])
    search.applyDoc('note', noteId, Y.encodeStateAsUpdate(open), true)
    const before = Y.encodeStateVector(open)
    appendNoteBody(open, [{ type: 'paragraph', content: ['og liming'] }])
    search.applyDoc('note', noteId, Y.encodeStateAsUpdate(open, before), false)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(ids(search.query(JSON.stringify({ text: 'liming' })))).toEqual([`note:${noteId}`])
    search.closeDoc('note', noteId)
    await search.close()
  })

  it('counts every change to the index in its status, also one that changes no count', async () => {
    const { dir, root, noteId } = await workspace('Herding av lakk')
    const statuses: SearchStatus[] = []
    const search = engine(dir, root, (status) => statuses.push(status))
    await search.whenBuilt()
    const before = search.status()
    expect(before).toMatchObject({ state: 'ready', indexed: 1, total: 1 })
    const open = new Y.Doc()
    appendNoteBody(open, [{ type: 'paragraph', content: ['Herding av beis'] }])
    search.applyDoc('note', noteId, Y.encodeStateAsUpdate(open), true)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const after = search.status()
    expect(after).toMatchObject({ state: 'ready', indexed: 1, total: 1 })
    expect(after.changes).toBeGreaterThan(before.changes ?? 0)
    // …and says so to the connections (within the status throttle).
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(statuses.at(-1)).toEqual(after)
    // The same text again is no change.
    search.applyDoc('note', noteId, Y.encodeStateAsUpdate(open), false)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(search.status().changes).toBe(after.changes)
    search.closeDoc('note', noteId)
    await search.close()
  })

  it('indexes the bodies that link to a note again when it is renamed or deleted', async () => {
    // On disk: A's body links to B ("Se <B>"), and the root knows it (A's `links`).
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kryss-search-engine-'))
    dirs.push(dir)
    const rootStore = await openDocStore({ dir })
    const root = rootStore.doc
    const a = createNote(root, { title: 'Referat', author: { name: 'Åse' }, now: 1 })
    const b = createNote(root, { title: 'Ovner', author: { name: 'Åse' }, now: 2 })
    const c = createNote(root, { title: 'Annet', author: { name: 'Åse' }, now: 3 })
    const bodyStore = await openDocStore({ dir: path.join(dir, 'notes', a) })
    const paragraph = new Y.XmlElement('paragraph')
    bodyStore.doc.transact(() => {
      noteBodyFragment(bodyStore.doc).push([paragraph])
      const link = new Y.XmlElement(NOTE_LINK_NODE)
      link.setAttribute('id', b)
      paragraph.push([new Y.XmlText('Se '), link])
    })
    syncNoteLinks(root, a, noteBodyFragment(bodyStore.doc))
    await bodyStore.close()
    // C's body is open on the host (a live replica) and links to B too.
    const open = new Y.Doc()
    open.transact(() => {
      const element = new Y.XmlElement('paragraph')
      noteBodyFragment(open).push([element])
      const link = new Y.XmlElement(NOTE_LINK_NODE)
      link.setAttribute('id', b)
      element.push([new Y.XmlText('Om '), link])
    })
    syncNoteLinks(root, c, noteBodyFragment(open))
    await rootStore.close()

    const search = engine(dir, root)
    search.applyDoc('note', c, Y.encodeStateAsUpdate(open), true)
    await search.whenBuilt()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const found = (text: string) => ids(search.query(JSON.stringify({ text }))).sort()
    expect(found('ovner')).toEqual([`note:${a}`, `note:${b}`, `note:${c}`].sort())

    const before = Y.encodeStateVector(root)
    renameNote(root, b, { title: 'Tørkeovner', author: { name: 'Åse' }, now: 4 })
    search.applyRoot(Y.encodeStateAsUpdate(root, before))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await search.whenRelinked()
    expect(found('tørkeovner')).toEqual([`note:${a}`, `note:${b}`, `note:${c}`].sort())
    expect(found('ovner')).toEqual([])
    // The passage shows the link as the new title, marked.
    const hit = search
      .query(JSON.stringify({ text: 'tørkeovner' }))
      .hits.find((h) => h.id === `note:${a}`)
    expect(hit?.snippet.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual([
      'Tørkeovner',
    ])

    // Deleted: a link to it reads as nothing.
    const beforeDelete = Y.encodeStateVector(root)
    deleteNote(root, b)
    search.applyRoot(Y.encodeStateAsUpdate(root, beforeDelete))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await search.whenRelinked()
    expect(found('tørkeovner')).toEqual([])
    search.closeDoc('note', c)
    await search.close()
  })
})
