import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createItems } from '../../shared/model/board/commands'
import { ANNE } from '../../shared/model/board/testing'
import { createBoard } from '../../shared/model/boards'
import { appendNoteBody } from '../../shared/model/noteBody'
import { createNote } from '../../shared/model/notes'
import { boardRoomName, noteRoomName } from '../../shared/rooms'
import { INDEX_FILE, INDEX_FORMAT_VERSION, TMP_FILE } from '../../electron/core/search/persist'
import { openDocStore } from '../../electron/core/storage/docStore'
import { cleanup, connectProvider, startHost, waitFor, whenSynced } from './hostHarness'
import { SearchClient } from './searchHarness'

afterEach(cleanup)

const AUTHOR = { name: 'Åse' }

/** A host with one workspace holding a note with a body and a board with a sticky. */
async function seeded() {
  const lines: string[] = []
  const started = await startHost({ log: (line) => lines.push(line) })
  const workspace = await started.host.registry.create('Klynge')
  const params = { token: workspace.token }
  const root = connectProvider(started.port, workspace.id, params)
  await whenSynced(root)
  const noteId = createNote(root.doc, { title: 'Herding', author: AUTHOR, now: 1 })
  const boardId = createBoard(root.doc, { title: 'Verksted', author: AUTHOR, now: 1 })
  const body = connectProvider(started.port, noteRoomName(workspace.id, noteId), params)
  const board = connectProvider(started.port, boardRoomName(workspace.id, boardId), params)
  await Promise.all([whenSynced(body), whenSynced(board)])
  appendNoteBody(body.doc, [{ type: 'paragraph', content: ['Bindemiddel og stivelse på Løten'] }])
  createItems(board.doc, [{ kind: 'sticky', x: 0, y: 0, text: 'Kjettingsag' }], {
    actor: ANNE,
    now: 2,
  })
  const client = new SearchClient(started.port, workspace.id, workspace.token)
  await client.searchUntil({ text: 'stivelse' }, (r) => r.total === 1)
  await client.searchUntil({ text: 'kjettingsag' }, (r) => r.total === 1)
  // Let the stores write what the clients sent before the host stops.
  await new Promise((resolve) => setTimeout(resolve, 300))
  body.destroy()
  board.destroy()
  root.destroy()
  await started.host.stop()
  return { started, workspace, noteId, boardId, lines }
}

async function restart(dataDir: string) {
  const lines: string[] = []
  const started = await startHost({ dataDir, log: (line) => lines.push(line) })
  return { started, lines }
}

function buildLine(lines: readonly string[]): string {
  return lines.find((line) => line.includes('documents from the saved index')) ?? ''
}

describe('the saved search index', () => {
  it('is saved at stop and loaded at the next start without reading the documents again', async () => {
    const first = await seeded()
    const dir = first.workspace.dir
    expect(await readdir(dir)).toContain(INDEX_FILE)
    // A save the process was killed in left its temp file beside the intact index.
    await writeFile(path.join(dir, TMP_FILE), 'KRYSIDX half a save')

    const { started, lines } = await restart(first.started.dataDir)
    const client = new SearchClient(started.port, first.workspace.id, first.workspace.token)
    await client.ready()
    expect((await client.search({ text: 'stivelse' })).total).toBe(1)
    expect((await client.search({ text: 'kjettingsag' })).total).toBe(1)
    await waitFor(() => buildLine(lines) !== '', 'the build to be logged')
    // Nothing changed while stopped: nothing is read from disk.
    expect(buildLine(lines)).toMatch(
      /: [1-9]\d* documents from the saved index \(\d+ ms\), 0 of 2 notes and boards read from disk/,
    )
    expect(await readdir(dir)).not.toContain(TMP_FILE)
  })

  it('moves a corrupt index aside with one warning and rebuilds it from the documents', async () => {
    const first = await seeded()
    const file = path.join(first.workspace.dir, INDEX_FILE)
    await writeFile(file, `KRYSIDX${INDEX_FORMAT_VERSION} this is not an index`)

    const { started, lines } = await restart(first.started.dataDir)
    const client = new SearchClient(started.port, first.workspace.id, first.workspace.token)
    await client.ready()
    expect((await client.search({ text: 'stivelse' })).total).toBe(1)
    expect((await client.search({ text: 'kjettingsag' })).total).toBe(1)
    const warnings = lines.filter(
      (line) => line.includes(INDEX_FILE) && line.includes('unreadable'),
    )
    expect(warnings).toHaveLength(1)
    const names = await readdir(first.workspace.dir)
    expect(names.some((name) => name.startsWith(`${INDEX_FILE}.corrupt-`))).toBe(true)
    expect(buildLine(lines)).toMatch(
      /: 0 documents from the saved index \(0 ms\), 2 of 2 notes and boards read from disk/,
    )
    // The rebuilt index is saved again at stop.
    await started.host.stop()
    expect(await readdir(first.workspace.dir)).toContain(INDEX_FILE)
  })

  it('rebuilds an index saved by the version before (no loose æøå), not reading it', async () => {
    const first = await seeded()
    const file = path.join(first.workspace.dir, INDEX_FILE)
    // The file as the previous version wrote it says so in its header.
    expect(INDEX_FORMAT_VERSION).toBe(3)
    const bytes = await readFile(file)
    bytes.write('2', 'KRYSIDX'.length, 'latin1')
    await writeFile(file, bytes)

    const { started, lines } = await restart(first.started.dataDir)
    const client = new SearchClient(started.port, first.workspace.id, first.workspace.token)
    await client.ready()
    await waitFor(() => buildLine(lines) !== '', 'the build to be logged')
    expect(buildLine(lines)).toMatch(
      /: 0 documents from the saved index \(0 ms\), 2 of 2 notes and boards read from disk/,
    )
    // Not a corrupt file: nothing moved aside, no warning.
    expect(lines.filter((line) => line.includes('unreadable'))).toEqual([])
    // "Løten" typed on an English keyboard.
    for (const text of ['loten', 'loeten', 'løten']) {
      expect((await client.search({ text })).total).toBe(1)
    }
    await started.host.stop()
    expect((await readFile(file)).toString('latin1', 0, 8)).toBe(`KRYSIDX${INDEX_FORMAT_VERSION}`)
  })

  it('updates what changed on disk while the host was stopped', async () => {
    const first = await seeded()
    // Another process (an import, a restored backup) changes the body while the host is down.
    const store = await openDocStore({ dir: path.join(first.workspace.dir, 'notes', first.noteId) })
    store.doc.transact(() => {
      const fragment = store.doc.getXmlFragment('body')
      fragment.delete(0, fragment.length)
    })
    appendNoteBody(store.doc, [{ type: 'paragraph', content: ['Massivtre og lim'] }])
    await store.whenDurable()
    await store.close()

    const { started, lines } = await restart(first.started.dataDir)
    const client = new SearchClient(started.port, first.workspace.id, first.workspace.token)
    await client.ready()
    expect((await client.search({ text: 'massivtre' })).total).toBe(1)
    expect((await client.search({ text: 'stivelse' })).total).toBe(0)
    expect((await client.search({ text: 'kjettingsag' })).total).toBe(1)
    expect(buildLine(lines)).toMatch(/, 1 of 2 notes and boards read from disk/)
  })
})
