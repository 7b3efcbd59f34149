import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId, WorkspaceId } from '../ids'
import { createCompetence } from './companies'
import { appendNoteBody, noteBodyFragment } from './noteBody'
import {
  copyNoteBody,
  matchCompetences,
  observeSharedTo,
  readSharedTo,
  recordSharedTo,
} from './noteShare'
import { createNote, renameNote } from './notes'

const author = { name: 'Eier' }

describe('sharedTo', () => {
  it('records every copy, reads them oldest first, and tells only about its own note', () => {
    const root = new Y.Doc()
    const a = createNote(root, { title: 'A', author, now: 1 })
    const b = createNote(root, { title: 'B', author, now: 1 })
    let changes = 0
    const stop = observeSharedTo(root, a, () => changes++)

    renameNote(root, a, { title: 'A2', author, now: 2 })
    recordSharedTo(root, b, {
      workspaceId: 'ws-x' as WorkspaceId,
      noteId: 'note-bcopy' as NoteId,
      workspaceName: 'X',
      at: 3,
    })
    expect(changes).toBe(0)

    recordSharedTo(root, a, {
      workspaceId: 'ws-x' as WorkspaceId,
      noteId: 'note-second' as NoteId,
      workspaceName: 'X',
      at: 20,
    })
    recordSharedTo(root, a, {
      workspaceId: 'ws-y' as WorkspaceId,
      noteId: 'note-first' as NoteId,
      workspaceName: 'Y',
      at: 10,
    })
    expect(changes).toBe(2)
    expect(readSharedTo(root, a).map((copy) => [copy.noteId, copy.workspaceName])).toEqual([
      ['note-first', 'Y'],
      ['note-second', 'X'],
    ])
    stop()
  })

  it('two replicas that each record a first share converge', () => {
    const one = new Y.Doc()
    const note = createNote(one, { title: 'A', author, now: 1 })
    const two = new Y.Doc()
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    const copy = (noteId: string, at: number) => ({
      workspaceId: 'ws-x' as WorkspaceId,
      noteId: noteId as NoteId,
      workspaceName: 'X',
      at,
    })
    recordSharedTo(one, note, copy('note-from-one', 1))
    recordSharedTo(two, note, copy('note-from-two', 2))
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    // The first share on each replica creates the map and Yjs keeps one of the two maps. Only
    // the notebook's host ever shares (the notebook has no other replica), so this is moot in
    // practice; what matters is that replicas agree.
    expect(readSharedTo(one, note)).toEqual(readSharedTo(two, note))
    expect(readSharedTo(one, note).length).toBeGreaterThanOrEqual(1)
  })
})

describe('copyNoteBody', () => {
  it('clones blocks and marks, maps links, and keeps text around a link that became text in one run', () => {
    const from = new Y.Doc()
    appendNoteBody(from, [
      { type: 'heading', level: 1, content: ['Tittel'] },
      {
        type: 'paragraph',
        content: [
          'Før ',
          { type: 'noteLink', id: 'note-private' },
          ' etter ',
          { type: 'noteLink', id: 'note-shared' },
          { type: 'noteLink', id: 'note-gone' },
        ],
      },
      { type: 'bulletList', items: [['en'], [{ text: 'to', italic: true }]] },
    ])
    const to = new Y.Doc()
    copyNoteBody(
      { doc: from, fragment: noteBodyFragment(from) },
      { doc: to, fragment: noteBodyFragment(to) },
      (id) =>
        id === 'note-private'
          ? { kind: 'text', text: 'Privat' }
          : id === 'note-shared'
            ? { kind: 'link', id: 'note-copy' as NoteId }
            : null,
    )
    const paragraph = noteBodyFragment(to).get(1) as Y.XmlElement
    expect(paragraph.toArray().map((node) => node.constructor.name)).toEqual([
      'YXmlText',
      'YXmlElement',
    ])
    expect((paragraph.get(0) as Y.XmlText).toJSON()).toBe('Før Privat etter ')
    expect((paragraph.get(1) as Y.XmlElement).nodeName).toBe('noteLink')
    expect((paragraph.get(1) as Y.XmlElement).getAttribute('id')).toBe('note-copy')
    expect(noteBodyFragment(to).get(0).toJSON()).toBe('<heading level="1">Tittel</heading>')
    expect(noteBodyFragment(to).get(2).toJSON()).toContain('<italic>to</italic>')
    // A copy, not shared structure: editing the source leaves the copy alone.
    noteBodyFragment(from).delete(0, 1)
    expect(noteBodyFragment(to).length).toBe(3)
  })
})

describe('matchCompetences', () => {
  it('matches by name whatever the case and spacing, and leaves unknown ones out', () => {
    const from = new Y.Doc()
    const to = new Y.Doc()
    const here = [
      createCompetence(from, { name: 'Robot  celler', category: '' }),
      createCompetence(from, { name: 'Bare her', category: '' }),
    ]
    const there = createCompetence(to, { name: 'robot celler', category: '' })
    createCompetence(to, { name: 'Noe annet', category: '' })
    expect(matchCompetences(from, here, to)).toEqual([there])
  })
})
