import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId, NoteId } from '../ids'
import { noteBodyFragment, appendNoteBody } from './noteBody'
import {
  addNoteCompetence,
  addNoteTag,
  createNote,
  getNote,
  observeNoteList,
  removeNoteCompetence,
  removeNoteTag,
  setNoteCompany,
  setNoteType,
} from './notes'
import { NOTE_TYPES, noteTemplate } from './noteTypes'
import { fragmentToPlainText } from './richText'

const ada = { name: 'Ada' }
const bo = { name: 'Bo' }

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('note structure', () => {
  it('keeps tags and competences that two people add at once', () => {
    const a = new Y.Doc()
    const id = createNote(a, { title: 'Bindemidler', author: ada, now: 1, tags: ['#Sirkulær'] })
    const b = new Y.Doc()
    sync(a, b)
    addNoteTag(a, id, { tag: 'energi', author: ada, now: 2 })
    addNoteTag(b, id, { tag: '  lim  ', author: bo, now: 3 })
    addNoteTag(b, id, { tag: 'SIRKULÆR', author: bo, now: 3 })
    addNoteCompetence(a, id, { competenceId: 'cp-one' as CompetenceId, author: ada, now: 4 })
    addNoteCompetence(b, id, { competenceId: 'cp-two' as CompetenceId, author: bo, now: 5 })
    sync(a, b)
    for (const doc of [a, b]) {
      const note = getNote(doc, id)
      expect(note?.tags).toEqual(['energi', 'lim', 'Sirkulær'])
      expect(note?.competenceIds).toEqual(['cp-one', 'cp-two'])
      // Who edited last is a last-writer-wins field: either, as long as both agree.
      expect(note?.updatedBy).toBe(getNote(a, id)?.updatedBy)
    }
    removeNoteTag(a, id, { tag: 'sirkulær', author: ada, now: 6 })
    removeNoteCompetence(b, id, { competenceId: 'cp-one' as CompetenceId, author: bo, now: 6 })
    sync(a, b)
    expect(getNote(b, id)?.tags).toEqual(['energi', 'lim'])
    expect(getNote(a, id)?.competenceIds).toEqual(['cp-two'])
  })

  it('refuses an empty tag and sets company and type as plain fields', () => {
    const doc = new Y.Doc()
    const id = createNote(doc, { title: 'x', author: ada, now: 1 })
    expect(() => addNoteTag(doc, id, { tag: ' # ', author: ada, now: 2 })).toThrow()
    setNoteCompany(doc, id, { companyId: 'co-a' as CompanyId, author: ada, now: 3 })
    setNoteType(doc, id, { type: 'idea', author: ada, now: 3 })
    expect(getNote(doc, id)).toMatchObject({ companyId: 'co-a', type: 'idea' })
    setNoteCompany(doc, id, { companyId: undefined, author: ada, now: 4 })
    setNoteType(doc, id, { type: undefined, author: ada, now: 4 })
    expect(getNote(doc, id)).toMatchObject({ companyId: undefined, type: undefined })
  })

  it('reads a note written before the sets existed, and creates a set on first write', () => {
    const doc = new Y.Doc()
    const id = 'note-old000000000' as NoteId
    doc.getMap('notes').set(id, new Y.Map<unknown>([['title', 'Gammel']]))
    expect(getNote(doc, id)).toMatchObject({
      title: 'Gammel',
      tags: [],
      links: [],
      type: undefined,
    })
    addNoteTag(doc, id, { tag: 'ny', author: ada, now: 1 })
    expect(getNote(doc, id)?.tags).toEqual(['ny'])
  })

  it('tells the note list about changes inside a note’s sets, not about unknown deep values', () => {
    const doc = new Y.Doc()
    const id = createNote(doc, { title: 'x', author: ada, now: 1 })
    let calls = 0
    const stop = observeNoteList(doc, () => calls++)
    const tags = doc.getMap<Y.Map<unknown>>('notes').get(id)?.get('tags') as Y.Map<string>
    doc.transact(() => tags.set('a', 'a')) // a set member changed, without touching the note
    expect(calls).toBe(1)
    doc.transact(() => {
      const future = new Y.Map<unknown>()
      doc.getMap<Y.Map<unknown>>('notes').get(id)?.set('future', future)
    })
    expect(calls).toBe(2) // the note's own field `future` was added
    const future = doc.getMap<Y.Map<unknown>>('notes').get(id)?.get('future') as Y.Map<unknown>
    doc.transact(() => future.set('deep', 1))
    expect(calls).toBe(2)
    stop()
  })

  it('has a template for every type in both languages', () => {
    for (const type of NOTE_TYPES) {
      for (const language of ['nb', 'en'] as const) {
        const template = noteTemplate(type, language)
        expect(template.title).not.toBe('')
        const body = new Y.Doc()
        appendNoteBody(body, template.blocks)
        expect(noteBodyFragment(body).length).toBe(template.blocks.length)
        expect(fragmentToPlainText(noteBodyFragment(body)).length).toBeGreaterThan(10)
      }
    }
    // Fresh objects each time: a caller changing one cannot change the next.
    noteTemplate('idea', 'en').blocks.pop()
    expect(noteTemplate('idea', 'en').blocks.length).toBe(8)
  })
})
