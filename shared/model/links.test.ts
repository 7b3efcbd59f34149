import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId } from '../ids'
import { createBacklinkIndex, extractNoteLinks, NOTE_LINK_NODE, syncNoteLinks } from './links'
import { noteBodyFragment } from './noteBody'
import { createNote, deleteNote, getNote } from './notes'

const ada = { name: 'Ada' }

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** Appends a paragraph holding a link to `target` (the shape the editor writes). */
function appendLink(body: Y.Doc, target: string): void {
  body.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    noteBodyFragment(body).push([paragraph])
    const text = new Y.XmlText()
    const link = new Y.XmlElement(NOTE_LINK_NODE)
    link.setAttribute('id', target)
    paragraph.insert(0, [text, link])
    text.insert(0, 'see ')
  })
}

/** Removes every paragraph that links to `target`. */
function removeLink(body: Y.Doc, target: string): void {
  const fragment = noteBodyFragment(body)
  body.transact(() => {
    for (let i = fragment.length - 1; i >= 0; i--) {
      const block = fragment.get(i)
      if (block instanceof Y.XmlElement && extractNoteLinks(wrap(block)).has(target as NoteId)) {
        fragment.delete(i, 1)
      }
    }
  })
}

function wrap(element: Y.XmlElement): Y.XmlFragment {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('x')
  fragment.push([element.clone()])
  return fragment
}

function notes(doc: Y.Doc, count: number): [NoteId, NoteId, NoteId, NoteId] {
  return Array.from({ length: count }, (_, i) =>
    createNote(doc, {
      id: `note-${String(i).padStart(12, '0')}` as NoteId,
      title: `Note ${i}`,
      author: ada,
      now: i,
    }),
  ) as [NoteId, NoteId, NoteId, NoteId]
}

describe('note links', () => {
  it('finds links anywhere in a body, ignoring itself and malformed ids', () => {
    const body = new Y.Doc()
    appendLink(body, 'note-aaaaaaaaaaaa')
    appendLink(body, 'note-aaaaaaaaaaaa')
    appendLink(body, 'note-self00000000')
    appendLink(body, '../../etc')
    body.transact(() => {
      const list = new Y.XmlElement('bulletList')
      noteBodyFragment(body).push([list])
      const item = new Y.XmlElement('listItem')
      list.push([item])
      const paragraph = new Y.XmlElement('paragraph')
      item.push([paragraph])
      const link = new Y.XmlElement(NOTE_LINK_NODE)
      link.setAttribute('id', 'note-bbbbbbbbbbbb')
      paragraph.push([link])
    })
    expect(
      [...extractNoteLinks(noteBodyFragment(body), 'note-self00000000' as NoteId)].sort(),
    ).toEqual(['note-aaaaaaaaaaaa', 'note-bbbbbbbbbbbb'])
  })

  it('writes only the difference, and nothing when the set is right', () => {
    const root = new Y.Doc()
    const [a, b, c] = notes(root, 3)
    const body = new Y.Doc()
    appendLink(body, b)
    let updates = 0
    root.on('update', () => updates++)
    expect(syncNoteLinks(root, a, noteBodyFragment(body))).toBe(true)
    expect(syncNoteLinks(root, a, noteBodyFragment(body))).toBe(false)
    expect(updates).toBe(1)
    appendLink(body, c)
    removeLink(body, b)
    syncNoteLinks(root, a, noteBodyFragment(body))
    expect(getNote(root, a)?.links).toEqual([c])
  })

  it('converges when two replicas edit the links of two notes at once', () => {
    const rootA = new Y.Doc()
    const [x, y, z, w] = notes(rootA, 4)
    const rootB = new Y.Doc()
    sync(rootA, rootB)
    // Two bodies, each edited on both replicas before they meet.
    const bodyXA = new Y.Doc()
    const bodyXB = new Y.Doc()
    const bodyYA = new Y.Doc()
    const bodyYB = new Y.Doc()
    appendLink(bodyXA, y)
    appendLink(bodyXB, z)
    appendLink(bodyYA, x)
    appendLink(bodyYB, w)
    syncNoteLinks(rootA, x, noteBodyFragment(bodyXA))
    syncNoteLinks(rootB, x, noteBodyFragment(bodyXB))
    syncNoteLinks(rootA, y, noteBodyFragment(bodyYA))
    syncNoteLinks(rootB, y, noteBodyFragment(bodyYB))
    const indexA = createBacklinkIndex(rootA)
    const indexB = createBacklinkIndex(rootB)
    sync(rootA, rootB)
    sync(bodyXA, bodyXB)
    sync(bodyYA, bodyYB)
    // Each replica re-derives after the bodies met; nothing more changes after the roots meet again.
    syncNoteLinks(rootA, x, noteBodyFragment(bodyXA))
    syncNoteLinks(rootB, y, noteBodyFragment(bodyYB))
    sync(rootA, rootB)
    for (const [root, index] of [
      [rootA, indexA],
      [rootB, indexB],
    ] as const) {
      expect(getNote(root, x)?.links).toEqual([y, z].sort())
      expect(getNote(root, y)?.links).toEqual([w, x].sort())
      expect([...index.backlinks(y)]).toEqual([x])
      expect([...index.backlinks(z)]).toEqual([x])
      expect([...index.backlinks(x)]).toEqual([y])
      expect([...index.backlinks(w)]).toEqual([y])
    }
  })

  it('keeps backlinks current as links and notes come and go, telling who changed', () => {
    const root = new Y.Doc()
    const [a, b, c] = notes(root, 3)
    const index = createBacklinkIndex(root)
    const seen: NoteId[][] = []
    index.subscribe((changed) => seen.push([...changed].sort()))
    const body = new Y.Doc()
    appendLink(body, c)
    syncNoteLinks(root, a, noteBodyFragment(body))
    const other = new Y.Doc()
    appendLink(other, c)
    appendLink(other, a)
    syncNoteLinks(root, b, noteBodyFragment(other))
    expect([...index.backlinks(c)].sort()).toEqual([a, b])
    expect([...index.backlinks(a)]).toEqual([b])
    deleteNote(root, b)
    expect([...index.backlinks(c)]).toEqual([a])
    expect(index.backlinks(a).size).toBe(0)
    expect(seen).toEqual([[c], [a, c], [a, c]])
    index.destroy()
    removeLink(body, c)
    syncNoteLinks(root, a, noteBodyFragment(body))
    expect(seen).toHaveLength(3)
  })

  it('builds the index from what a replica already holds', () => {
    const root = new Y.Doc()
    const [a, b] = notes(root, 2)
    const body = new Y.Doc()
    appendLink(body, b)
    syncNoteLinks(root, a, noteBodyFragment(body))
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(root))
    expect([...createBacklinkIndex(copy).backlinks(b)]).toEqual([a])
  })
})
