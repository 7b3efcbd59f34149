import { readFile, readdir } from 'node:fs/promises'
import { request } from 'node:http'
import path from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { exportFolderResponse, importReportSchema } from '../../shared/hostApi'
import type { NoteId } from '../../shared/ids'
import { listCompetences } from '../../shared/model/companies'
import { parseFrontMatter, splitFrontMatter } from '../../shared/model/markdown/frontMatter'
import { appendNoteBody, noteBodyText } from '../../shared/model/noteBody'
import { createNote, listNotes, type NoteSummary } from '../../shared/model/notes'
import { exportWorkspace } from '../../electron/core/transfer/exportWorkspace'
import type { WorkspaceEntry } from '../../electron/core/workspaces'
import { api, cleanup, startHost, tempDir, type StartedHost } from './hostHarness'

afterEach(cleanup)

function entry(started: StartedHost, id: string): WorkspaceEntry {
  const workspace = started.host.registry.get(id)
  if (workspace?.store == null || workspace.bodies === null) throw new Error(`no workspace ${id}`)
  return workspace
}

function rootOf(workspace: WorkspaceEntry): Y.Doc {
  if (workspace.store === null) throw new Error('workspace not open')
  return workspace.store.doc
}

async function bodyText(workspace: WorkspaceEntry, id: NoteId): Promise<string> {
  if (workspace.bodies === null) throw new Error('no bodies')
  return workspace.bodies.withBody(id, (store) => noteBodyText(store.doc))
}

async function upload(
  started: StartedHost,
  id: string,
  name: string,
  bytes: Uint8Array,
  dryRun: boolean,
): Promise<Response> {
  const query = `name=${encodeURIComponent(name)}${dryRun ? '&dryRun=1' : ''}`
  return fetch(`${started.url}/api/workspaces/${id}/import?${query}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${started.host.ownerToken}`,
      'Content-Type': 'application/zip',
    },
    body: Buffer.from(bytes),
  })
}

function comparable(note: NoteSummary) {
  return { title: note.title, type: note.type, tags: note.tags, createdBy: note.createdBy }
}

describe('Markdown export and import through the host API', () => {
  it('exports the demo workspace and imports it into a fresh one, matching the notes', async () => {
    const started = await startHost({ demo: true })
    const demo = started.host.registry.list()[0]
    if (demo === undefined) throw new Error('no demo workspace')
    const source = entry(started, demo.id)
    const sourceNotes = listNotes(rootOf(source))

    const response = await fetch(`${started.url}/api/workspaces/${demo.id}/export`, {
      headers: { Authorization: `Bearer ${started.host.ownerToken}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=/)
    const zip = new Uint8Array(await response.arrayBuffer())
    const files = unzipSync(zip)
    const markdownFiles = Object.keys(files).filter((name) => name.endsWith('.md'))
    expect(markdownFiles).toHaveLength(sourceNotes.length)
    expect(sourceNotes.length).toBeGreaterThan(2)
    for (const name of markdownFiles) {
      const { yaml } = splitFrontMatter(strFromU8(files[name] as Uint8Array))
      const front = parseFrontMatter(yaml)
      expect(sourceNotes.map((n) => n.title)).toContain(front.title)
      expect(front.kryssId).toMatch(/^note-/)
      expect(front.company).toBeDefined()
    }
    // The bodies were opened one at a time and closed again.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(source.bodies?.openCount).toBe(0)

    const created = await api(started, 'POST', '/api/workspaces', { name: 'Import' })
    const targetId = (created.json as { id: string }).id
    const target = entry(started, targetId)

    const dry = await upload(started, targetId, 'demo.zip', zip, true)
    expect(dry.status).toBe(200)
    const preview = importReportSchema.parse(await dry.json())
    expect(preview).toMatchObject({ imported: false, refused: [] })
    expect(preview.notes).toHaveLength(sourceNotes.length)
    // The fresh workspace has no companies: they are reported, never created.
    expect(preview.notes[0]?.warnings).toContainEqual(
      expect.objectContaining({ code: 'company-missing' }),
    )
    expect(listNotes(rootOf(target))).toEqual([])

    const real = await upload(started, targetId, 'demo.zip', zip, false)
    expect(importReportSchema.parse(await real.json()).imported).toBe(true)
    const imported = listNotes(rootOf(target))
    const byTitle = (notes: NoteSummary[]) =>
      [...notes].sort((a, b) => a.title.localeCompare(b.title))
    expect(byTitle(imported).map(comparable)).toEqual(byTitle(sourceNotes).map(comparable))
    for (const [i, note] of byTitle(imported).entries()) {
      const original = byTitle(sourceNotes)[i] as NoteSummary
      expect(note.createdAt).toBe(original.createdAt)
      expect(await bodyText(target, note.id)).toBe(await bodyText(source, original.id))
    }
    const competenceNames = (id: string) =>
      listCompetences(rootOf(entry(started, id))).map((c) => c.name)
    const used = new Set(sourceNotes.flatMap((n) => n.competenceIds))
    expect(competenceNames(targetId).sort()).toEqual(
      listCompetences(rootOf(source))
        .filter((c) => used.has(c.id))
        .map((c) => c.name)
        .sort(),
    )
  })

  it('writes the export into a new folder, and refuses uploads over the limit with 413', async () => {
    const started = await startHost({ demo: true })
    const demo = started.host.registry.list()[0]
    if (demo === undefined) throw new Error('no demo workspace')
    const parent = await tempDir('kryss-export-')
    const first = await api(started, 'POST', `/api/workspaces/${demo.id}/export-folder`, {
      path: parent,
    })
    expect(first.status).toBe(200)
    const { folder, notes } = exportFolderResponse.parse(first.json)
    expect(path.dirname(folder)).toBe(parent)
    const names = await readdir(folder)
    expect(names.filter((n) => n.endsWith('.md'))).toHaveLength(notes)
    const one = names.find((n) => n.endsWith('.md')) as string
    expect(await readFile(path.join(folder, one), 'utf8')).toMatch(/^---\ntitle: /)
    // A second export never writes over the first.
    const second = exportFolderResponse.parse(
      (await api(started, 'POST', `/api/workspaces/${demo.id}/export-folder`, { path: parent }))
        .json,
    )
    expect(second.folder).toBe(`${folder} (2)`)
    const relative = await api(started, 'POST', `/api/workspaces/${demo.id}/export-folder`, {
      path: 'relative/dir',
    })
    expect(relative.status).toBe(400)

    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${started.url}/api/workspaces/${demo.id}/import?name=big.zip`,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${started.host.ownerToken}`,
            'Content-Length': String(60 * 1024 * 1024),
          },
        },
        (res) => {
          let body = ''
          res.on('data', (chunk: Buffer) => (body += chunk.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      req.write('x')
    })
    expect(status.status).toBe(413)
    expect(status.body).toMatch(/larger than 50 MB/)
  })

  it('opens one body at a time while exporting many notes', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Mange')
    const root = rootOf(workspace)
    const bodies = workspace.bodies
    if (bodies === null) throw new Error('no bodies')
    const ids: NoteId[] = []
    for (let i = 0; i < 150; i++) {
      const id = createNote(root, { title: `Notat ${i % 50}`, author: { name: 'Ada' }, now: i })
      const store = await bodies.acquire(id)
      appendNoteBody(store.doc, [{ type: 'paragraph', content: [`Tekst ${i}`] }])
      await store.whenDurable()
      bodies.release(id, 0)
      ids.push(id)
    }
    // The host re-reads each written body for its links (electron/core/noteLinks.ts) and keeps
    // it open a while; let that happen, then close them all.
    await new Promise((resolve) => setTimeout(resolve, 600))
    for (const id of ids) {
      await bodies.acquire(id)
      bodies.release(id, 0)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(bodies.openCount).toBe(0)
    const names: string[] = []
    let mostOpen = 0
    const { notes } = await exportWorkspace(workspace, {
      file(name) {
        names.push(name)
        mostOpen = Math.max(mostOpen, bodies.openCount)
        return Promise.resolve()
      },
    })
    expect(notes).toBe(150)
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(150)
    expect(names).toContain('Notat 7 (3).md')
    // Each body is closed again as soon as its file is written: memory stays flat.
    expect(mostOpen).toBeLessThanOrEqual(2)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(bodies.openCount).toBe(0)
  })

  it('reports a bad file by name and imports the good ones only', async () => {
    const started = await startHost()
    const created = await api(started, 'POST', '/api/workspaces', { name: 'Import' })
    const id = (created.json as { id: string }).id
    const bad = await upload(
      started,
      id,
      'bad.md',
      new TextEncoder().encode('---\ntitle: [broken\n---\nx\n'),
      false,
    )
    expect(importReportSchema.parse(await bad.json())).toMatchObject({
      imported: false,
      notes: [],
      refused: [{ file: 'bad.md', reason: 'front-matter' }],
    })
    expect(listNotes(rootOf(entry(started, id)))).toEqual([])
  })
})
