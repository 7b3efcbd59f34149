import type { CompanyId } from '../../../../shared/ids'
import type { Company, Industry } from '../../../../shared/model/companies'
import type { CellView, CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import {
  COMPETENCE_CATEGORIES,
  type CompetenceCategory,
  type LabelLanguage,
  type VocabularyEntry,
} from '../../../../shared/model/competence/vocabulary'
import { foldText } from '../../../../shared/model/noteFilter'

/**
 * What the matrix shows, worked out from the competence index and the filters: the company
 * columns and the rows — competences grouped by category, each group under a header row.
 * Pure, so the grid only draws what this returns and the filters are tested without a DOM.
 */

/** Which side of a cell the matrix shows. */
export const MATRIX_SIDES = ['both', 'offer', 'need'] as const
export type MatrixSide = (typeof MATRIX_SIDES)[number]

export type MatrixFilter = {
  /** Part of a competence's label (either language) or of a synonym; case and accents ignored. */
  text: string
  category: CompetenceCategory | 'all'
  industry: Industry | 'all'
  side: MatrixSide
  /** Only competences with an offer or a need (on the shown side) among the shown companies. */
  onlyFilled: boolean
}

export const EMPTY_MATRIX_FILTER: MatrixFilter = {
  text: '',
  category: 'all',
  industry: 'all',
  side: 'both',
  onlyFilled: false,
}

export type MatrixGroupRow = {
  kind: 'group'
  key: string
  category: CompetenceCategory
  /** Competences shown in the group. */
  count: number
}

export type MatrixCompetenceRow = {
  kind: 'competence'
  key: string
  entry: VocabularyEntry
  label: string
}

export type MatrixRow = MatrixGroupRow | MatrixCompetenceRow

export type MatrixLayout = {
  rows: readonly MatrixRow[]
  columns: readonly Company[]
  /** Competence rows shown / live competences. */
  competences: { shown: number; total: number }
  companies: { shown: number; total: number }
  /** Offers and needs in the shown cells (on the shown side). */
  offers: number
  needs: number
}

/** Whether a cell shows something on the given side. */
export function cellHasSide(cell: CellView, side: MatrixSide): boolean {
  if (side === 'offer') return cell.offer > 0
  if (side === 'need') return cell.need > 0
  return cell.offer > 0 || cell.need > 0
}

function matchesText(entry: VocabularyEntry, folded: string): boolean {
  if (folded === '') return true
  return (
    foldText(entry.labels.nb).includes(folded) ||
    foldText(entry.labels.en).includes(folded) ||
    entry.synonyms.some((synonym) => foldText(synonym).includes(folded))
  )
}

export function buildMatrixLayout(
  index: CompetenceIndex,
  filter: MatrixFilter,
  language: LabelLanguage,
): MatrixLayout {
  const columns =
    filter.industry === 'all'
      ? index.companies
      : index.companies.filter((company) => company.industry === filter.industry)
  const shownCompanies = new Set<CompanyId>(columns.map((company) => company.id))
  const folded = foldText(filter.text.trim())

  const byCategory = new Map<CompetenceCategory, MatrixCompetenceRow[]>()
  let offers = 0
  let needs = 0
  for (const entry of index.competences) {
    if (filter.category !== 'all' && entry.category !== filter.category) continue
    if (!matchesText(entry, folded)) continue
    let filled = false
    for (const cell of index.byCompetence.get(entry.id) ?? []) {
      if (!shownCompanies.has(cell.companyId) || !cellHasSide(cell, filter.side)) continue
      filled = true
      if (filter.side !== 'need' && cell.offer > 0) offers++
      if (filter.side !== 'offer' && cell.need > 0) needs++
    }
    if (filter.onlyFilled && !filled) continue
    let group = byCategory.get(entry.category)
    if (group === undefined) byCategory.set(entry.category, (group = []))
    group.push({ kind: 'competence', key: entry.id, entry, label: entry.labels[language] })
  }

  const rows: MatrixRow[] = []
  let shown = 0
  for (const category of COMPETENCE_CATEGORIES) {
    const group = byCategory.get(category)
    if (group === undefined) continue
    // The index sorts by the Bokmål label; read in English, the English one sorts.
    if (language !== 'nb') group.sort((a, b) => a.label.localeCompare(b.label, language))
    rows.push({ kind: 'group', key: `group:${category}`, category, count: group.length })
    rows.push(...group)
    shown += group.length
  }
  return {
    rows,
    columns,
    competences: { shown, total: index.competences.length },
    companies: { shown: columns.length, total: index.companies.length },
    offers,
    needs,
  }
}

/** Whether any filter narrows the matrix (for "clear filters"). */
export function isFiltered(filter: MatrixFilter): boolean {
  return (
    filter.text.trim() !== '' ||
    filter.category !== 'all' ||
    filter.industry !== 'all' ||
    filter.side !== 'both' ||
    filter.onlyFilled
  )
}
