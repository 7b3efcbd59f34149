import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { createCompany } from '../../../../shared/model/companies'
import { updateCell } from '../../../../shared/model/competence/cells'
import { readStoredMarks, setMatchStatus } from '../../../../shared/model/competence/matchStatus'
import { buildCompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { mergeCompetences } from '../../../../shared/model/competence/merge'
import { addCompetence } from '../../../../shared/model/competence/vocabulary'
import { createNote, listNotes } from '../../../../shared/model/notes'
import {
  competenceUsage,
  filterVocabulary,
  groupByCategory,
  headerOf,
  mergeImpact,
  vocabularyLines,
} from './vocabularyModel'

const edit = { author: { name: 'Ada' }, now: 1_000 }

function workspace() {
  const doc = new Y.Doc()
  const company = (id: string, name: string): CompanyId =>
    createCompany(doc, {
      id: id as CompanyId,
      name,
      industry: 'food',
      location: '',
      description: '',
      color: '#15803d',
    })
  const fjordmat = company('co-fjord', 'Fjordmat AS')
  const vestplate = company('co-vest', 'Vestplate AS')
  const binders = addCompetence(doc, {
    id: 'cp-binders' as CompetenceId,
    name: 'Biobaserte bindemidler',
    nameEn: 'Bio-based binders',
    category: 'materials',
    synonyms: ['biolim'],
  })
  const starch = addCompetence(doc, {
    id: 'cp-starch' as CompetenceId,
    name: 'Stivelseskjemi',
    nameEn: 'Starch chemistry',
    category: 'materials',
    synonyms: ['potetstivelse'],
  })
  const heat = addCompetence(doc, {
    id: 'cp-heat' as CompetenceId,
    name: 'Varmegjenvinning',
    category: 'energy',
    esco: 'S6.1.2',
  })
  updateCell(doc, { ...edit, companyId: fjordmat, competenceId: starch, offer: 3 })
  updateCell(doc, { ...edit, companyId: vestplate, competenceId: starch, need: 2 })
  updateCell(doc, { ...edit, companyId: vestplate, competenceId: binders, need: 3, offer: 1 })
  createNote(doc, { ...edit, title: 'Stivelse', competenceIds: [starch] })
  createNote(doc, { ...edit, title: 'Lim', competenceIds: [binders] })
  setMatchStatus(doc, {
    ...edit,
    needCompanyId: vestplate,
    offerCompanyId: fjordmat,
    competenceId: starch,
    status: 'contacted',
  })
  return { doc, fjordmat, vestplate, binders, starch, heat }
}

describe('vocabulary view model', () => {
  it('counts who offers and needs each competence', () => {
    const { doc, starch, binders, heat } = workspace()
    const usage = competenceUsage(buildCompetenceIndex(doc))
    expect(usage.get(starch)).toEqual({ offers: 1, needs: 1 })
    expect(usage.get(binders)).toEqual({ offers: 1, needs: 1 })
    expect(usage.get(heat)).toBeUndefined()
  })

  it('filters on labels, synonyms and ESCO codes, ignoring case and accents; groups by category', () => {
    const { doc } = workspace()
    const { competences } = buildCompetenceIndex(doc)
    const names = (text: string) => filterVocabulary(competences, text).map((entry) => entry.name)
    expect(names('BIOLIM')).toEqual(['Biobaserte bindemidler'])
    expect(names('starch')).toEqual(['Stivelseskjemi'])
    expect(names('s6.1')).toEqual(['Varmegjenvinning'])
    expect(names('stivelse kjemi')).toEqual(['Stivelseskjemi'])
    expect(names('  ')).toHaveLength(3)
    expect(
      groupByCategory(competences).map((group) => [group.category, group.entries.length]),
    ).toEqual([
      ['materials', 2],
      ['energy', 1],
    ])
  })

  it('lays the groups out as lines: each header, then its competences', () => {
    const { doc, binders, starch, heat } = workspace()
    const { items, headers, indexOf } = vocabularyLines(
      groupByCategory(buildCompetenceIndex(doc).competences),
    )
    expect(
      items.map((item) => (item.kind === 'group' ? `# ${item.count}` : item.entry.id)),
    ).toEqual(['# 2', expect.any(String), expect.any(String), '# 1', heat])
    expect(headers).toEqual([0, 3])
    expect([indexOf.get(binders), indexOf.get(starch)].sort()).toEqual([1, 2])
    expect(indexOf.get(heat)).toBe(4)
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length)
  })

  it('finds the header a line is under', () => {
    const headers = [0, 4, 5, 90]
    expect([0, 1, 3, 4, 5, 6, 89, 90, 3000].map((index) => headerOf(headers, index))).toEqual([
      0, 0, 0, 4, 5, 5, 5, 90, 90,
    ])
    expect(headerOf([2], 1)).toBeUndefined()
    expect(headerOf([], 0)).toBeUndefined()
  })

  it('says what a merge moves, and the merge moves exactly that', () => {
    const { doc, fjordmat, vestplate, binders, starch } = workspace()
    const before = buildCompetenceIndex(doc)
    const impact = mergeImpact({
      index: before,
      notes: listNotes(doc),
      marks: readStoredMarks(doc),
      removeId: starch,
    })
    expect(impact).toEqual({
      offers: 1,
      needs: 1,
      notes: 1,
      marks: 1,
      names: ['Stivelseskjemi', 'Starch chemistry', 'potetstivelse'],
    })
    mergeCompetences(doc, { ...edit, keepId: binders, removeId: starch })
    const after = buildCompetenceIndex(doc)
    expect(after.cell(fjordmat, binders)?.offer).toBe(3)
    expect(after.cell(vestplate, binders)?.need).toBe(3)
    expect(listNotes(doc).filter((note) => note.competenceIds.includes(binders))).toHaveLength(2)
    expect(readStoredMarks(doc).map((mark) => mark.competenceId)).toEqual([binders])
    expect(after.competenceById.get(binders)?.synonyms).toEqual(
      expect.arrayContaining(impact.names),
    )
    expect(after.competences.map((entry) => entry.id)).not.toContain(starch)
  })
})
