import { noteSummary } from './notes.fixture'
import { describe, expect, it } from 'vitest'
import type { CompanyId, CompetenceId } from '../ids'
import {
  filterAndSortNotes,
  filterNotes,
  sortNotes,
  foldText,
  isEmptyFilter,
  noteAuthors,
  noteTagCounts,
} from './noteFilter'
import type { NoteSummary } from './notes'

function note(id: string, fields: Partial<NoteSummary>): NoteSummary {
  return noteSummary(`note-${id}`, fields)
}

const panel = 'co-panel' as CompanyId
const binders = 'cp-binders' as CompetenceId
const notes = [
  note('a', {
    title: 'Biobaserte bindemidler',
    updatedAt: 30,
    createdAt: 1,
    companyId: panel,
    tags: ['Sirkulær'],
    competenceIds: [binders],
    type: 'competence',
  }),
  note('b', {
    title: 'Varmegjenvinning fra ovner',
    updatedAt: 20,
    createdAt: 3,
    updatedBy: 'Bo',
    tags: ['energi', 'sirkulær'],
    type: 'lesson',
  }),
  note('c', {
    title: 'Robotcelle for små serier',
    updatedAt: 10,
    createdAt: 2,
    createdBy: 'Cy',
    updatedBy: 'Cy',
  }),
  note('d', { title: '', updatedAt: 40, createdAt: 4 }),
]

const titles = (list: readonly NoteSummary[]): string[] => list.map((n) => n.id.slice(5))

describe('note filter', () => {
  it('folds case and accents but keeps æ, ø and å apart', () => {
    expect(foldText('Ærlig ØL på Café')).toBe('ærlig øl på cafe')
    expect(foldText('Å')).toBe('å')
    expect(foldText('å')).not.toBe(foldText('a'))
  })

  it('matches every filter field, all at once', () => {
    expect(titles(filterAndSortNotes(notes, { text: 'ovner VARME' }, 'updated'))).toEqual(['b'])
    expect(titles(filterAndSortNotes(notes, { text: 'sma' }, 'updated'))).toEqual([])
    expect(titles(filterAndSortNotes(notes, { text: 'små' }, 'updated'))).toEqual(['c'])
    expect(titles(filterAndSortNotes(notes, { companyId: panel }, 'updated'))).toEqual(['a'])
    expect(titles(filterAndSortNotes(notes, { tag: 'SIRKULÆR' }, 'updated'))).toEqual(['a', 'b'])
    expect(titles(filterAndSortNotes(notes, { competenceId: binders }, 'updated'))).toEqual(['a'])
    expect(titles(filterAndSortNotes(notes, { type: 'lesson' }, 'updated'))).toEqual(['b'])
    expect(titles(filterAndSortNotes(notes, { author: 'Bo' }, 'updated'))).toEqual(['b'])
    expect(titles(filterAndSortNotes(notes, { author: 'Cy' }, 'updated'))).toEqual(['c'])
    expect(titles(filterAndSortNotes(notes, { updatedSince: 20 }, 'updated'))).toEqual([
      'd',
      'a',
      'b',
    ])
    expect(
      titles(filterAndSortNotes(notes, { tag: 'sirkulær', type: 'lesson' }, 'updated')),
    ).toEqual(['b'])
  })

  it('sorts by last edit, creation or title (untitled last) without touching its input', () => {
    const before = [...notes]
    expect(titles(filterAndSortNotes(notes, {}, 'updated'))).toEqual(['d', 'a', 'b', 'c'])
    expect(titles(filterAndSortNotes(notes, {}, 'created'))).toEqual(['d', 'b', 'c', 'a'])
    expect(titles(filterAndSortNotes(notes, {}, 'title'))).toEqual(['a', 'c', 'b', 'd'])
    expect(notes).toEqual(before)
  })

  it('filters a sorted list without sorting it again, and keeps it whole when nothing filters', () => {
    const sorted = sortNotes(notes, 'title')
    expect(titles(sorted.notes)).toEqual(['a', 'c', 'b', 'd'])
    expect(filterNotes(sorted, { text: '  ' })).toBe(sorted.notes)
    expect(titles(filterNotes(sorted, { tag: 'sirkulær' }))).toEqual(['a', 'b'])
    expect(titles(filterNotes(sortNotes(notes, 'updated'), { text: 'VARME' }))).toEqual(['b'])
  })

  it('lists authors and tag counts for the filter menus', () => {
    expect(noteAuthors(notes)).toEqual(['Ada', 'Bo', 'Cy'])
    expect(noteTagCounts(notes)).toEqual([
      { tag: 'Sirkulær', count: 2 },
      { tag: 'energi', count: 1 },
    ])
    expect(isEmptyFilter({ text: '  ' })).toBe(true)
    expect(isEmptyFilter({ type: 'idea' })).toBe(false)
  })
})
