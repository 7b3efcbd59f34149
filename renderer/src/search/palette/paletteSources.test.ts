import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId } from '../../../../shared/ids'
import { createBoard, listBoards } from '../../../../shared/model/boards'
import { createCompany, listCompanies } from '../../../../shared/model/companies'
import { addCompetence, readVocabulary } from '../../../../shared/model/competence/vocabulary'
import { createNote, listNotes } from '../../../../shared/model/notes'
import { createFuzzyIndex } from './fuzzyIndex'
import { paletteEntries, type PaletteData } from './paletteSources'
import { readRecentItems, routeItem, withRecent, MAX_RECENT } from './recentList'

function workspace(): { doc: Y.Doc; data: () => PaletteData } {
  const doc = new Y.Doc()
  const author = { name: 'Ada' }
  createNote(doc, { title: 'Tørkeanlegg på Løten', author, now: 1, tags: ['energi', 'Tørking'] })
  createNote(doc, { title: '', author, now: 2, tags: ['energi'] })
  createBoard(doc, { title: 'Workshop: sirkulær emballasje', author, now: 3 })
  createBoard(doc, { title: '  ', author, now: 4 })
  createCompany(doc, {
    id: 'co-vest' as CompanyId,
    name: 'Vestplate AS',
    industry: 'wood-panels',
    location: 'Elverum',
    description: '',
    color: '#336699',
  })
  addCompetence(doc, {
    name: 'Varmegjenvinning',
    nameEn: 'Heat recovery',
    synonyms: ['Spillvarme', 'Energigjenvinning'],
  })
  addCompetence(doc, { name: 'Limtre' })
  return {
    doc,
    data: () => ({
      notes: listNotes(doc),
      boards: listBoards(doc),
      companies: listCompanies(doc),
      competences: readVocabulary(doc).live,
    }),
  }
}

describe('what the palette jumps to', () => {
  it('names every note, board, company, competence (labels and synonyms) and tag', () => {
    const entries = paletteEntries(workspace().data())
    const names = entries.map(({ kind, names }) => `${kind}: ${names.join(' | ')}`)
    expect(names).toEqual([
      'note: Tørkeanlegg på Løten',
      'board: Workshop: sirkulær emballasje',
      'company: Vestplate AS',
      'competence: Limtre',
      'competence: Varmegjenvinning | Heat recovery | Energigjenvinning | Spillvarme',
      'tag: energi',
      'tag: Tørking',
    ])
  })

  it('finds them through the index: a synonym, an English label, a tag, a company', () => {
    const index = createFuzzyIndex(paletteEntries(workspace().data()))
    const first = (query: string) => index.search(query)[0]?.entry
    expect(first('spillvarme')).toMatchObject({ kind: 'competence' })
    expect(first('heat rec')).toMatchObject({ kind: 'competence' })
    expect(first('toerking')).toMatchObject({ kind: 'tag', id: 'Tørking' })
    // "torking" lacks the e of "toerking": one typo in seven letters.
    expect(index.search('torking')[0]).toMatchObject({ typo: true, entry: { id: 'Tørking' } })
    expect(first('xylofon')).toBeUndefined()
    expect(first('vestpl')).toMatchObject({ kind: 'company', id: 'co-vest' })
    expect(first('loeten')).toMatchObject({ kind: 'note' })
  })
})

describe('recently opened', () => {
  it('is what the main area shows: a board over a note, a company page, not the search page', () => {
    const w = 'w1' as never
    expect(routeItem({ workspace: w, note: 'n1' as never })).toEqual({ kind: 'note', id: 'n1' })
    expect(routeItem({ workspace: w, note: 'n1' as never, board: 'b1' as never })).toEqual({
      kind: 'board',
      id: 'b1',
    })
    expect(
      routeItem({
        workspace: w,
        note: undefined,
        map: { view: 'company', company: 'c1' as never },
      }),
    ).toEqual({ kind: 'company', id: 'c1' })
    expect(
      routeItem({ workspace: w, note: 'n1' as never, map: { view: 'matrix' } }),
    ).toBeUndefined()
    expect(routeItem({ workspace: w, note: 'n1' as never, search: 'x' })).toBeUndefined()
  })

  it('keeps the newest first, each once, at most eight, and reads back only what it wrote', () => {
    let list = withRecent([], { kind: 'note', id: 'a' })
    list = withRecent(list, { kind: 'board', id: 'b' })
    list = withRecent(list, { kind: 'note', id: 'a' })
    expect(list).toEqual([
      { kind: 'note', id: 'a' },
      { kind: 'board', id: 'b' },
    ])
    for (let i = 0; i < 20; i++) list = withRecent(list, { kind: 'note', id: `n${i}` })
    expect(list).toHaveLength(MAX_RECENT)
    expect(list[0]).toEqual({ kind: 'note', id: 'n19' })
    expect(readRecentItems(JSON.parse(JSON.stringify(list)))).toEqual(list)
    expect(readRecentItems([{ kind: 'script', id: 'x' }, { kind: 'note' }, 'note', null])).toEqual(
      [],
    )
    expect(readRecentItems('nope')).toEqual([])
  })
})
