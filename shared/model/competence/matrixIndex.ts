import type * as Y from 'yjs'
import type { CompanyId, CompetenceId, NoteId } from '../../ids'
import { listCompanies, type Company } from '../companies'
import { cellKey, readRawCells, type CellEdit, type Level, type RawCell } from './cells'
import { readVocabulary, type Resolver, type VocabularyEntry } from './vocabulary'

/**
 * The competence map read in one pass, for the matrix, the company page, the network map and
 * matchmaking: every cell resolved to live competences and existing companies, indexed by
 * company and by competence. Cells stored under a merged competence id (a concurrent edit
 * that missed the merge) are combined into the live competence's cell the same way a merge
 * combines them (`combineCells`), so every replica shows the merged result before anyone
 * settles the references. Cells of deleted companies or competences are left out.
 */
export type CellView = {
  /** `cellKey(companyId, competenceId)`, after resolution. */
  key: string
  companyId: CompanyId
  competenceId: CompetenceId
  offer: Level
  need: Level
  comment: string
  evidence: readonly NoteId[]
  edited: CellEdit | undefined
}

export type CompetenceIndex = {
  companies: readonly Company[]
  /** Live competences, by category then label. */
  competences: readonly VocabularyEntry[]
  companyById: ReadonlyMap<CompanyId, Company>
  /** Tombstones included, so old ids can still be labelled. */
  competenceById: ReadonlyMap<CompetenceId, VocabularyEntry>
  resolve: Resolver
  /** Cells with an offer, a need, a comment or evidence; by company, then vocabulary order. */
  cells: readonly CellView[]
  cell(companyId: CompanyId, competenceId: CompetenceId): CellView | undefined
  /** A company's cells, in vocabulary order. */
  byCompany: ReadonlyMap<CompanyId, readonly CellView[]>
  /** A competence's cells, in company-name order. */
  byCompetence: ReadonlyMap<CompetenceId, readonly CellView[]>
}

/** What a cell holds, wherever it is. */
export type CellValues = Pick<RawCell, 'offer' | 'need' | 'comment' | 'edited'> & {
  evidence: readonly NoteId[]
}

/** Two comments as one: either alone, or both on their own lines (a repeat only once). */
export function joinComments(a: string, b: string): string {
  const x = a.trim()
  const y = b.trim()
  if (x === '') return y
  if (y === '' || x === y || x.split('\n').includes(y)) return x
  return `${x}\n${y}`
}

/** The cell two cells of one company become: higher levels, joined comments, all evidence. */
export function combineCells<T extends CellValues>(a: T, b: CellValues): T {
  const evidence = [...new Set([...a.evidence, ...b.evidence])].sort()
  const edited =
    a.edited === undefined
      ? b.edited
      : b.edited !== undefined && b.edited.at > a.edited.at
        ? b.edited
        : a.edited
  return {
    ...a,
    offer: Math.max(a.offer, b.offer) as Level,
    need: Math.max(a.need, b.need) as Level,
    comment: joinComments(a.comment, b.comment),
    evidence: evidence,
    edited,
  }
}

function isEmpty(cell: CellValues): boolean {
  return cell.offer === 0 && cell.need === 0 && cell.comment === '' && cell.evidence.length === 0
}

export function buildCompetenceIndex(doc: Y.Doc): CompetenceIndex {
  const companies = listCompanies(doc)
  const vocabulary = readVocabulary(doc)
  const companyById = new Map(companies.map((company) => [company.id, company]))
  const order = new Map(vocabulary.live.map((entry, i) => [entry.id, i]))
  const companyOrder = new Map(companies.map((company, i) => [company.id, i]))

  const resolved = new Map<string, CellView>()
  // Cells already under their live id first, so a stray one combines into them in a fixed
  // order whatever the map's iteration order.
  const raw = [...readRawCells(doc).values()].sort(
    (a, b) =>
      Number(vocabulary.resolve(a.competenceId) !== a.competenceId) -
        Number(vocabulary.resolve(b.competenceId) !== b.competenceId) ||
      (a.competenceId < b.competenceId ? -1 : a.competenceId > b.competenceId ? 1 : 0),
  )
  for (const cell of raw) {
    if (!companyById.has(cell.companyId)) continue
    const competenceId = vocabulary.resolve(cell.competenceId)
    if (competenceId === undefined) continue
    const key = cellKey(cell.companyId, competenceId)
    const existing = resolved.get(key)
    const view: CellView = {
      key,
      companyId: cell.companyId,
      competenceId,
      offer: cell.offer,
      need: cell.need,
      comment: cell.comment,
      evidence: cell.evidence,
      edited: cell.edited,
    }
    resolved.set(key, existing === undefined ? view : combineCells(existing, view))
  }

  // By company (name order), then vocabulary order: the same on every replica.
  const cells = [...resolved.values()]
    .filter((cell) => !isEmpty(cell))
    .sort(
      (a, b) =>
        (companyOrder.get(a.companyId) ?? 0) - (companyOrder.get(b.companyId) ?? 0) ||
        (order.get(a.competenceId) ?? 0) - (order.get(b.competenceId) ?? 0),
    )
  const byCompany = new Map<CompanyId, CellView[]>()
  const byCompetence = new Map<CompetenceId, CellView[]>()
  for (const cell of cells) {
    let forCompany = byCompany.get(cell.companyId)
    if (forCompany === undefined) byCompany.set(cell.companyId, (forCompany = []))
    forCompany.push(cell)
    let forCompetence = byCompetence.get(cell.competenceId)
    if (forCompetence === undefined) byCompetence.set(cell.competenceId, (forCompetence = []))
    forCompetence.push(cell)
  }
  for (const list of byCompany.values()) {
    list.sort((a, b) => (order.get(a.competenceId) ?? 0) - (order.get(b.competenceId) ?? 0))
  }
  for (const list of byCompetence.values()) {
    list.sort((a, b) => (companyOrder.get(a.companyId) ?? 0) - (companyOrder.get(b.companyId) ?? 0))
  }
  const byKey = new Map(cells.map((cell) => [cell.key, cell]))

  return {
    companies,
    competences: vocabulary.live,
    companyById,
    competenceById: vocabulary.entries,
    resolve: vocabulary.resolve,
    cells,
    cell: (companyId, competenceId) => {
      const live = vocabulary.resolve(competenceId)
      return live === undefined ? undefined : byKey.get(cellKey(companyId, live))
    },
    byCompany,
    byCompetence,
  }
}
