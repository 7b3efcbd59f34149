import { describe, expect, it } from 'vitest'
import type { NoteId } from '../../../../shared/ids'
import { filterByQuery, matchRank, offerCreate, rankNoteLinks } from './matching'

const note = (id: string, title: string, updatedAt = 0) => ({
  id: id as NoteId,
  title,
  updatedAt,
})

describe('matchRank', () => {
  it('ranks exact, prefix, word start, substring and scattered words in that order', () => {
    expect(matchRank('Varmegjenvinning', 'varmegjenvinning')).toBe(0)
    expect(matchRank('Varmegjenvinning i tørken', 'varme')).toBe(1)
    expect(matchRank('Erfaringer med robotcelle', 'robot')).toBe(2)
    expect(matchRank('Biobaserte bindemidler', 'baserte')).toBe(3)
    expect(matchRank('Lim for sponplater, biobasert', 'biobasert lim')).toBe(2)
    expect(matchRank('Robotcelle for små serier', 'serie celle')).toBe(4)
    expect(matchRank('Robotcelle', 'laser')).toBeUndefined()
  })

  it('ignores case and accents but keeps æ, ø and å apart', () => {
    expect(matchRank('Café-møte', 'CAFE')).toBe(1)
    expect(matchRank('Tørke', 'torke')).toBeUndefined()
    expect(matchRank('Tørke', 'TØR')).toBe(1)
  })
})

describe('rankNoteLinks', () => {
  const notes = [
    note('n-old-heat', 'Heat recovery in the kiln', 10),
    note('n-new-heat', 'Heat pumps', 30),
    note('n-exact', 'Heat', 1),
    note('n-word', 'Waste heat from compressors', 50),
    note('n-inside', 'Preheated air', 60),
    note('n-self', 'Heat (this note)', 99),
    note('n-other', 'Robot cell', 70),
  ]

  it('puts the best matches first, recently edited first among equals, without the note itself', () => {
    expect(rankNoteLinks(notes, 'heat', { exclude: 'n-self' as NoteId }).map((n) => n.id)).toEqual([
      'n-exact',
      'n-new-heat',
      'n-old-heat',
      'n-word',
      'n-inside',
    ])
  })

  it('offers the most recently edited notes for an empty query, at most the limit', () => {
    expect(rankNoteLinks(notes, '  ', { limit: 3 }).map((n) => n.id)).toEqual([
      'n-self',
      'n-other',
      'n-inside',
    ])
    const many = Array.from({ length: 20 }, (_, i) => note(`n-${i}`, `Note ${i}`, i))
    expect(rankNoteLinks(many, 'note')).toHaveLength(8)
  })

  it('finds nothing when no title matches', () => {
    expect(rankNoteLinks(notes, 'laser')).toEqual([])
  })
})

describe('offerCreate', () => {
  it('offers to create a note unless one has exactly the typed title', () => {
    const notes = [note('n-1', 'Heat  pumps')]
    expect(offerCreate(notes, 'heat pumps ')).toBe(false)
    expect(offerCreate(notes, 'Heat')).toBe(true)
    expect(offerCreate(notes, '   ')).toBe(false)
  })
})

describe('filterByQuery', () => {
  const items = [
    { id: 'text', terms: ['Text', 'paragraph'] },
    { id: 'h1', terms: ['Heading 1', 'h1', 'title'] },
    { id: 'task', terms: ['Checklist', 'todo', 'task'] },
    { id: 'table', terms: ['Table', 'grid'] },
  ]
  const ids = (query: string) => filterByQuery(items, query, (item) => item.terms).map((i) => i.id)

  it('keeps the order for an empty query and filters by any term', () => {
    expect(ids('')).toEqual(['text', 'h1', 'task', 'table'])
    expect(ids('todo')).toEqual(['task'])
    expect(ids('h1')).toEqual(['h1'])
    expect(ids('ta')).toEqual(['task', 'table'])
    expect(ids('zzz')).toEqual([])
  })
})
