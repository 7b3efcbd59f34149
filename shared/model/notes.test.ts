import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { seedDemoWorkspace } from '../demo'
import { listCompanies, listCompetences } from './companies'
import { appendNoteBody, noteBodyFragment, noteBodyText } from './noteBody'
import {
  createNote,
  deleteNote,
  getNote,
  listNotes,
  observeNoteList,
  renameNote,
  touchNote,
} from './notes'
import { notesMap } from './schema'
import { COMMAND_ORIGIN, SCHEMA_VERSION } from './schema'
import { initWorkspace, migrateWorkspace, readWorkspaceMeta, renameWorkspace } from './workspace'

const ada = { name: 'Ada' }

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('notes', () => {
  it('creates, renames, touches and deletes a note, one transaction each', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const id = createNote(doc, {
      title: '  Robot cell   for small batches ',
      author: ada,
      now: 1000,
    })
    expect(getNote(doc, id)).toMatchObject({
      title: 'Robot cell for small batches',
      createdBy: 'Ada',
      updatedAt: 1000,
    })
    renameNote(doc, id, { title: 'Robot cell', author: { name: 'Bo' }, now: 2000 })
    expect(getNote(doc, id)).toMatchObject({
      title: 'Robot cell',
      updatedBy: 'Bo',
      updatedAt: 2000,
    })
    touchNote(doc, id, { author: ada, now: 3000 })
    expect(getNote(doc, id)?.updatedAt).toBe(3000)
    deleteNote(doc, id)
    expect(getNote(doc, id)).toBeUndefined()
    expect(origins).toEqual([COMMAND_ORIGIN, COMMAND_ORIGIN, COMMAND_ORIGIN, COMMAND_ORIGIN])
  })

  it('keeps the body in a document of its own, written the way y-prosemirror writes it', () => {
    const root = new Y.Doc()
    const body = new Y.Doc()
    createNote(root, { title: 't', author: ada, now: 1 })
    appendNoteBody(body, [
      { type: 'heading', level: 3, content: ['What we know'] },
      {
        type: 'paragraph',
        content: ['Changeover ', { text: 'under ten minutes', bold: true }, ' with fixtures'],
      },
      { type: 'bulletList', items: [['fixtures'], ['offline programming']] },
    ])
    expect(noteBodyText(body)).toBe(
      'What we know\nChangeover under ten minutes with fixtures\nfixtures\noffline programming',
    )
    const heading = noteBodyFragment(body).get(0) as Y.XmlElement
    expect(heading.nodeName).toBe('heading')
    expect(heading.getAttribute('level')).toBe(3)
    // Plain text after a bold run stays plain.
    const paragraph = noteBodyFragment(body).get(1) as Y.XmlElement
    const delta = (paragraph.get(0) as Y.XmlText).toDelta() as {
      insert: string
      attributes?: object
    }[]
    expect(delta).toEqual([
      { insert: 'Changeover ' },
      { insert: 'under ten minutes', attributes: { bold: {} } },
      { insert: ' with fixtures' },
    ])
    // The root holds no text of the body.
    expect(JSON.stringify(root.toJSON())).not.toContain('What we know')
  })

  it('lists most recently updated first, with a stable order for ties', () => {
    const doc = new Y.Doc()
    createNote(doc, { title: 'B', author: ada, now: 5 })
    createNote(doc, { title: 'A', author: ada, now: 5 })
    createNote(doc, { title: 'Newest', author: ada, now: 9 })
    expect(listNotes(doc).map((n) => n.title)).toEqual(['Newest', 'A', 'B'])
  })

  it('notifies list observers on list and field changes, not on deeper values', () => {
    const doc = new Y.Doc()
    const id = createNote(doc, { title: 'x', author: ada, now: 1 })
    let calls = 0
    const dispose = observeNoteList(doc, () => calls++)
    // A nested value a newer peer might add under a note.
    const nested = new Y.Map<number>()
    notesMap(doc).get(id)?.set('future', nested)
    expect(calls).toBe(1)
    nested.set('deep', 1)
    expect(calls).toBe(1)
    renameNote(doc, id, { title: 'y', author: ada, now: 2 })
    expect(calls).toBe(2)
    createNote(doc, { title: 'z', author: ada, now: 3 })
    expect(calls).toBe(3)
    dispose()
    deleteNote(doc, id)
    expect(calls).toBe(3)
  })

  it('converges when two replicas edit concurrently', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const id = createNote(a, { title: 'shared', author: ada, now: 1 })
    sync(a, b)
    renameNote(a, id, { title: 'from a', author: ada, now: 2 })
    createNote(b, { title: 'only on b', author: { name: 'Bo' }, now: 3 })
    deleteNote(b, id)
    sync(a, b)
    expect(listNotes(a)).toEqual(listNotes(b))
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b))
  })
})

describe('workspace meta and demo', () => {
  it('initialises once, migrates, renames', () => {
    const doc = new Y.Doc()
    initWorkspace(doc, { name: 'Cluster', now: 10 })
    initWorkspace(doc, { name: 'Other', now: 20 })
    expect(readWorkspaceMeta(doc)).toEqual({
      name: 'Cluster',
      schemaVersion: SCHEMA_VERSION,
      demo: false,
      createdAt: 10,
    })
    renameWorkspace(doc, '  Project  ')
    expect(readWorkspaceMeta(doc).name).toBe('Project')
    expect(() => renameWorkspace(doc, '  ')).toThrow()
  })

  it('migrates an old document and leaves unknown fields from newer peers alone', () => {
    const doc = new Y.Doc()
    doc.getMap('meta').set('name', 'old')
    doc.getMap('meta').set('futureField', { keep: true })
    migrateWorkspace(doc)
    expect(doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(doc.getMap('meta').get('futureField')).toEqual({ keep: true })
  })

  it('seeds the example cluster idempotently, marked as demo', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const bodies = seedDemoWorkspace(a, 1_000_000)
    seedDemoWorkspace(b, 1_000_000)
    expect(bodies.map((body) => body.noteId).sort()).toEqual(
      listNotes(a)
        .map((n) => n.id)
        .sort(),
    )
    expect(bodies.every((body) => body.blocks.length > 0)).toBe(true)
    sync(a, b)
    expect(readWorkspaceMeta(a).demo).toBe(true)
    const companies = listCompanies(a)
    expect(companies.length).toBeGreaterThanOrEqual(8)
    expect(companies.length).toBeLessThanOrEqual(10)
    expect(new Set(companies.map((c) => c.industry))).toEqual(
      new Set([
        'furniture',
        'food',
        'wood-panels',
        'chains',
        'packaging',
        'construction',
        'innovation',
        'university',
      ]),
    )
    expect(listCompetences(a).length).toBeGreaterThan(5)
    expect(listNotes(a).length).toBe(listNotes(b).length)
    expect(listNotes(a).length).toBeGreaterThanOrEqual(3)
  })
})
