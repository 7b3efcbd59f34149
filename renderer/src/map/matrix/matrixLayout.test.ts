import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { createCompany } from '../../../../shared/model/companies'
import { updateCell } from '../../../../shared/model/competence/cells'
import { buildCompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { addCompetence } from '../../../../shared/model/competence/vocabulary'
import {
  buildMatrixLayout,
  EMPTY_MATRIX_FILTER,
  isFiltered,
  type MatrixFilter,
} from './matrixLayout'

const edit = { author: { name: 'Ada' }, now: 1 }

function company(doc: Y.Doc, id: string, name: string, industry: 'food' | 'furniture') {
  return createCompany(doc, {
    id: id as CompanyId,
    name,
    industry,
    location: '',
    description: '',
    color: '#123456',
    sizeBand: '',
  })
}

function fixture() {
  const doc = new Y.Doc()
  const fjordmat = company(doc, 'co-fjord', 'Fjordmat AS', 'food')
  const lien = company(doc, 'co-lien', 'Lien Møbelverk AS', 'furniture')
  const binders = addCompetence(doc, {
    id: 'cp-binders' as CompetenceId,
    name: 'Biobaserte bindemidler',
    nameEn: 'Bio-based binders',
    category: 'materials',
    synonyms: ['formaldehydfritt lim'],
  })
  const starch = addCompetence(doc, {
    id: 'cp-starch' as CompetenceId,
    name: 'Stivelseskjemi',
    nameEn: 'Starch chemistry',
    category: 'materials',
  })
  const robot = addCompetence(doc, {
    id: 'cp-robot' as CompetenceId,
    name: 'Robotceller',
    nameEn: 'Robot cells',
    category: 'automation',
  })
  const heat = addCompetence(doc, {
    id: 'cp-heat' as CompetenceId,
    name: 'Ålesund varme',
    nameEn: 'Heat recovery',
    category: 'energy',
  })
  updateCell(doc, { ...edit, companyId: fjordmat, competenceId: starch, offer: 3 })
  updateCell(doc, { ...edit, companyId: lien, competenceId: robot, need: 2 })
  updateCell(doc, { ...edit, companyId: lien, competenceId: binders, comment: 'only a comment' })
  return { doc, fjordmat, lien, binders, starch, robot, heat }
}

const layoutOf = (doc: Y.Doc, filter: Partial<MatrixFilter>, language: 'nb' | 'en' = 'nb') =>
  buildMatrixLayout(buildCompetenceIndex(doc), { ...EMPTY_MATRIX_FILTER, ...filter }, language)

const labels = (layout: ReturnType<typeof layoutOf>) =>
  layout.rows.map((row) => (row.kind === 'group' ? `# ${row.category}` : row.label))

describe('buildMatrixLayout', () => {
  it('groups competences under their category headers, in category order', () => {
    const { doc } = fixture()
    const layout = layoutOf(doc, {})
    expect(labels(layout)).toEqual([
      '# materials',
      'Biobaserte bindemidler',
      'Stivelseskjemi',
      '# automation',
      'Robotceller',
      '# energy',
      'Ålesund varme',
    ])
    expect(layout.rows[0]).toMatchObject({ kind: 'group', count: 2 })
    expect(layout.columns.map((company) => company.name)).toEqual([
      'Fjordmat AS',
      'Lien Møbelverk AS',
    ])
    expect(layout.competences).toEqual({ shown: 4, total: 4 })
    expect(layout.offers).toBe(1)
    expect(layout.needs).toBe(1)
  })

  it('labels and sorts rows in English when read in English', () => {
    const { doc } = fixture()
    expect(labels(layoutOf(doc, {}, 'en')).slice(0, 3)).toEqual([
      '# materials',
      'Bio-based binders',
      'Starch chemistry',
    ])
  })

  it('finds competences by either label or a synonym, ignoring case and accents', () => {
    const { doc } = fixture()
    expect(labels(layoutOf(doc, { text: 'FORMALDEHYD' }))).toEqual([
      '# materials',
      'Biobaserte bindemidler',
    ])
    expect(labels(layoutOf(doc, { text: 'starch' }))).toEqual(['# materials', 'Stivelseskjemi'])
    expect(labels(layoutOf(doc, { text: 'ÅLESUND' }))).toEqual(['# energy', 'Ålesund varme'])
    // "å" is a letter of its own in Norwegian, not an accented "a".
    expect(layoutOf(doc, { text: 'alesund' }).rows).toEqual([])
    expect(layoutOf(doc, { text: 'nothing like it' }).rows).toEqual([])
  })

  it('filters by category and by industry (columns)', () => {
    const { doc } = fixture()
    expect(labels(layoutOf(doc, { category: 'automation' }))).toEqual([
      '# automation',
      'Robotceller',
    ])
    const food = layoutOf(doc, { industry: 'food' })
    expect(food.columns.map((company) => company.id)).toEqual(['co-fjord'])
    expect(food.companies).toEqual({ shown: 1, total: 2 })
    // Lien's need is not in a shown column.
    expect(food.needs).toBe(0)
  })

  it('"only rows with something" keeps rows with an offer or a need on the shown side', () => {
    const { doc } = fixture()
    // A comment alone is not an offer or a need.
    expect(labels(layoutOf(doc, { onlyFilled: true }))).toEqual([
      '# materials',
      'Stivelseskjemi',
      '# automation',
      'Robotceller',
    ])
    expect(labels(layoutOf(doc, { onlyFilled: true, side: 'need' }))).toEqual([
      '# automation',
      'Robotceller',
    ])
    const offers = layoutOf(doc, { onlyFilled: true, side: 'offer' })
    expect(labels(offers)).toEqual(['# materials', 'Stivelseskjemi'])
    expect([offers.offers, offers.needs]).toEqual([1, 0])
    expect(labels(layoutOf(doc, { onlyFilled: true, industry: 'food', side: 'need' }))).toEqual([])
  })

  it('tells whether any filter is set', () => {
    expect(isFiltered(EMPTY_MATRIX_FILTER)).toBe(false)
    expect(isFiltered({ ...EMPTY_MATRIX_FILTER, text: '  ' })).toBe(false)
    expect(isFiltered({ ...EMPTY_MATRIX_FILTER, side: 'need' })).toBe(true)
    expect(isFiltered({ ...EMPTY_MATRIX_FILTER, onlyFilled: true })).toBe(true)
  })
})
