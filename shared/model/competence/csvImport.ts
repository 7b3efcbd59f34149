import type * as Y from 'yjs'
import { z } from 'zod'
import { randomId, type CompanyId, type CompetenceId, type NoteId } from '../../ids'
import {
  companyPatchSchema,
  createCompany,
  DEFAULT_COMPANY_COLOR,
  listCompanies,
  updateCompany,
  type CompanyPatch,
} from '../companies'
import { foldText } from '../noteFilter'
import { COMMAND_ORIGIN, notesMap } from '../schema'
import {
  cleanCellComment,
  isCellId,
  MAX_CELL_COMMENT_LENGTH,
  writeCell,
  type CellAuthor,
  type Level,
} from './cells'
import { CSV_REQUIRED, parseCsv, splitList, type CsvKind, type CsvTable } from './csv'
import {
  addCompetence,
  addSynonym,
  cleanSynonym,
  COMPETENCE_CATEGORIES,
  competenceNameSchema,
  escoSchema,
  MAX_COMPETENCE_NAME_LENGTH,
  readVocabulary,
  updateCompetence,
  type CompetenceCategory,
} from './vocabulary'

/**
 * Importing the CSV files of ./csv.ts: `planCsvImport` reads and checks every row and says
 * what it would do — rows that are fine, bad rows with their spreadsheet row number, column
 * and reason — without writing anything. `applyCsvImport` then writes a plan with no
 * problems, all of it in one transaction, or nothing.
 *
 * Matching: a company is the workspace's company with the row's id, else the one with the same
 * name (ids from another workspace mean nothing here), else a new one (keeping the row's id
 * when free, so an import into a fresh workspace reproduces the map). Competences likewise, by
 * id (merged ids followed) or Bokmål label. A cell row names its company and competence by id
 * or name, from the workspace or from the files imported with it.
 *
 * What a row changes: the columns it has (a missing column leaves the field alone; an empty
 * cell clears it). Offer, need and comment are set to the row's values; synonyms and evidence
 * are added to what is there, never removed. Evidence ids of notes this workspace does not
 * have are kept, with a warning.
 */
export type CsvFiles = Partial<Record<CsvKind, string>>

export const CSV_PROBLEM_CODES = [
  'unreadable',
  'missing-column',
  'invalid-value',
  'duplicate',
  'unknown-company',
  'unknown-competence',
] as const
export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number]

export type CsvProblem = {
  file: CsvKind
  /** Spreadsheet row (the header is row 1); undefined for the file as a whole. */
  row: number | undefined
  column: string | undefined
  code: CsvProblemCode
  message: string
}

export type CsvWarning = {
  file: CsvKind
  row: number
  column: string
  code: 'unknown-note'
  message: string
}

export type PlannedCompany = {
  row: number
  action: 'create' | 'update'
  id: CompanyId
  name: string
  patch: CompanyPatch
}

export type PlannedCompetence = {
  row: number
  action: 'create' | 'update'
  id: CompetenceId
  name: string
  nameEn: string | undefined
  category: CompetenceCategory | undefined
  synonyms: string[]
  esco: string | undefined
}

export type PlannedCell = {
  row: number
  companyId: CompanyId
  competenceId: CompetenceId
  offer: Level | undefined
  need: Level | undefined
  comment: string | undefined
  evidence: NoteId[]
}

export type CsvImportPlan = {
  companies: PlannedCompany[]
  competences: PlannedCompetence[]
  cells: PlannedCell[]
  problems: CsvProblem[]
  warnings: CsvWarning[]
  /** True when there is something to import and no problem. */
  ok: boolean
}

const ID = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'not an id (letters, digits, - _ . only)')

const COMPANY_COLUMNS: Record<string, keyof CompanyPatch> = {
  name: 'name',
  industry: 'industry',
  size: 'sizeBand',
  location: 'location',
  website: 'website',
  contact_person: 'contactPerson',
  contact_email: 'contactEmail',
  description: 'description',
  color: 'color',
}
const COMPANY_FIELD_COLUMN = Object.fromEntries(
  Object.entries(COMPANY_COLUMNS).map(([column, field]) => [field, column]),
) as Record<string, string>

const LEVEL = z
  .string()
  .trim()
  .transform((value) => (value === '' ? '0' : value))
  .pipe(z.enum(['0', '1', '2', '3'], { message: 'not a level 0–3' }))
  .transform((value) => Number(value) as Level)

const competenceRow = z.object({
  name_nb: competenceNameSchema,
  name_en: z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(MAX_COMPETENCE_NAME_LENGTH))
    .optional(),
  category: z
    .string()
    .trim()
    .transform((value) => (value === '' ? 'other' : value.toLowerCase()))
    .pipe(z.enum(COMPETENCE_CATEGORIES, { message: 'not a category' }))
    .optional(),
  synonyms: z.string().optional(),
  esco: escoSchema.optional(),
})

const cellRow = z.object({ offer: LEVEL, need: LEVEL })

type Collector = {
  problems: CsvProblem[]
  warnings: CsvWarning[]
}

function readTable(file: CsvKind, text: string, out: Collector): CsvTable | undefined {
  const table = parseCsv(text)
  for (const error of table.errors) {
    out.problems.push({
      file,
      row: error.row,
      column: undefined,
      code: 'unreadable',
      message: error.message,
    })
  }
  const missing = CSV_REQUIRED[file].filter((column) => !table.header.includes(column))
  if (file === 'cells') {
    if (!table.header.includes('company_id') && !table.header.includes('company'))
      missing.push('company' as never)
    if (!table.header.includes('competence_id') && !table.header.includes('competence'))
      missing.push('competence' as never)
  }
  for (const column of missing) {
    out.problems.push({
      file,
      row: 1,
      column,
      code: 'missing-column',
      message: `The header has no "${column}" column.`,
    })
  }
  return missing.length === 0 ? table : undefined
}

function issues(
  file: CsvKind,
  row: number,
  error: z.ZodError,
  columnOf: (field: string) => string,
  out: Collector,
): void {
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    out.problems.push({
      file,
      row,
      column: columnOf(field),
      code: 'invalid-value',
      message: issue.message,
    })
  }
}

const nameKey = (name: string): string => foldText(name.replace(/\s+/g, ' ').trim())

export function planCsvImport(doc: Y.Doc, files: CsvFiles): CsvImportPlan {
  const out: Collector = { problems: [], warnings: [] }
  const companies: PlannedCompany[] = []
  const competences: PlannedCompetence[] = []
  const cells: PlannedCell[] = []

  // --- companies
  const existingCompanies = listCompanies(doc)
  const companyIds = new Set<string>(existingCompanies.map((company) => company.id))
  const companyByName = new Map(
    existingCompanies.map((company) => [nameKey(company.name), company.id]),
  )
  /** Ids as the files name them → the company they end up as. */
  const companyAlias = new Map<string, CompanyId>()
  const takenCompany = new Set<string>()
  const companyTable =
    files.companies === undefined ? undefined : readTable('companies', files.companies, out)
  for (const { row, values } of companyTable?.rows ?? []) {
    const rawId = (values.id ?? '').trim()
    if (rawId !== '' && !ID.safeParse(rawId).success) {
      out.problems.push({
        file: 'companies',
        row,
        column: 'id',
        code: 'invalid-value',
        message: 'not an id (letters, digits, - _ . only)',
      })
      continue
    }
    const input: Record<string, string> = {}
    for (const [column, field] of Object.entries(COMPANY_COLUMNS)) {
      const value = values[column]
      if (value === undefined) continue
      if (field === 'industry')
        input[field] = value.trim() === '' ? 'other' : value.trim().toLowerCase()
      else if (field === 'color' && value.trim() === '') continue
      else input[field] = value
    }
    const parsed = companyPatchSchema.safeParse(input)
    if (!parsed.success) {
      issues('companies', row, parsed.error, (field) => COMPANY_FIELD_COLUMN[field] ?? field, out)
      continue
    }
    const name = parsed.data.name ?? ''
    const existing = companyIds.has(rawId) ? (rawId as CompanyId) : companyByName.get(nameKey(name))
    const id =
      existing ??
      (rawId !== '' && !takenCompany.has(rawId)
        ? (rawId as CompanyId)
        : (`co-${randomId(10)}` as CompanyId))
    if (takenCompany.has(id) || companyAlias.has(rawId)) {
      out.problems.push({
        file: 'companies',
        row,
        column: companyAlias.has(rawId) || existing === rawId ? 'id' : 'name',
        code: 'duplicate',
        message: `Another row is already company "${name}".`,
      })
      continue
    }
    takenCompany.add(id)
    if (rawId !== '') companyAlias.set(rawId, id)
    companyAlias.set(`name:${nameKey(name)}`, id)
    companies.push({
      row,
      action: existing === undefined ? 'create' : 'update',
      id,
      name,
      patch: parsed.data,
    })
  }

  // --- competences
  const vocabulary = readVocabulary(doc)
  const competenceByName = new Map(vocabulary.live.map((entry) => [nameKey(entry.name), entry.id]))
  const competenceAlias = new Map<string, CompetenceId>()
  const takenCompetence = new Set<string>()
  const competenceTable =
    files.competences === undefined ? undefined : readTable('competences', files.competences, out)
  for (const { row, values } of competenceTable?.rows ?? []) {
    const rawId = (values.id ?? '').trim()
    if (rawId !== '' && !ID.safeParse(rawId).success) {
      out.problems.push({
        file: 'competences',
        row,
        column: 'id',
        code: 'invalid-value',
        message: 'not an id (letters, digits, - _ . only)',
      })
      continue
    }
    const parsed = competenceRow.safeParse(values)
    if (!parsed.success) {
      issues('competences', row, parsed.error, (field) => field, out)
      continue
    }
    const name = parsed.data.name_nb
    const byId = rawId === '' ? undefined : vocabulary.resolve(rawId as CompetenceId)
    const existing = byId ?? competenceByName.get(nameKey(name))
    const id =
      existing ??
      (rawId !== '' && !takenCompetence.has(rawId) && !vocabulary.entries.has(rawId as CompetenceId)
        ? (rawId as CompetenceId)
        : (`cp-${randomId(10)}` as CompetenceId))
    if (takenCompetence.has(id) || competenceAlias.has(rawId)) {
      out.problems.push({
        file: 'competences',
        row,
        column: byId !== undefined || competenceAlias.has(rawId) ? 'id' : 'name_nb',
        code: 'duplicate',
        message: `Another row is already competence "${name}".`,
      })
      continue
    }
    takenCompetence.add(id)
    if (rawId !== '') competenceAlias.set(rawId, id)
    competenceAlias.set(`name:${nameKey(name)}`, id)
    competences.push({
      row,
      action: existing === undefined ? 'create' : 'update',
      id,
      name,
      nameEn: parsed.data.name_en,
      category: parsed.data.category,
      synonyms: splitList(parsed.data.synonyms ?? '').map(cleanSynonym),
      esco: parsed.data.esco,
    })
  }

  // --- offers and needs
  const notes = new Set(notesMap(doc).keys())
  const seenCells = new Set<string>()
  const cellTable = files.cells === undefined ? undefined : readTable('cells', files.cells, out)
  for (const { row, values } of cellTable?.rows ?? []) {
    const before = out.problems.length
    const companyIdText = (values.company_id ?? '').trim()
    const companyName = values.company ?? ''
    const companyId: CompanyId | undefined =
      companyAlias.get(companyIdText) ??
      (companyIds.has(companyIdText) ? (companyIdText as CompanyId) : undefined) ??
      companyAlias.get(`name:${nameKey(companyName)}`) ??
      companyByName.get(nameKey(companyName))
    if (companyId === undefined) {
      out.problems.push({
        file: 'cells',
        row,
        column: companyIdText !== '' ? 'company_id' : 'company',
        code: 'unknown-company',
        message: `No company "${companyIdText !== '' ? companyIdText : companyName}" in the workspace or the import.`,
      })
    }
    const competenceIdText = (values.competence_id ?? '').trim()
    const competenceName = values.competence ?? ''
    const competenceId: CompetenceId | undefined =
      competenceAlias.get(competenceIdText) ??
      (competenceIdText === ''
        ? undefined
        : vocabulary.resolve(competenceIdText as CompetenceId)) ??
      competenceAlias.get(`name:${nameKey(competenceName)}`) ??
      competenceByName.get(nameKey(competenceName))
    if (competenceId === undefined) {
      out.problems.push({
        file: 'cells',
        row,
        column: competenceIdText !== '' ? 'competence_id' : 'competence',
        code: 'unknown-competence',
        message: `No competence "${competenceIdText !== '' ? competenceIdText : competenceName}" in the workspace or the import.`,
      })
    }
    const parsed = cellRow.safeParse(values)
    if (!parsed.success) issues('cells', row, parsed.error, (field) => field, out)
    const comment = values.comment === undefined ? undefined : cleanCellComment(values.comment)
    if ((values.comment ?? '').replace(/\r\n?/g, '\n').trim().length > MAX_CELL_COMMENT_LENGTH) {
      out.problems.push({
        file: 'cells',
        row,
        column: 'comment',
        code: 'invalid-value',
        message: `Longer than ${MAX_CELL_COMMENT_LENGTH} characters.`,
      })
    }
    const evidence = splitList(values.evidence ?? '')
    for (const noteId of evidence) {
      if (!isCellId(noteId) || !ID.safeParse(noteId).success) {
        out.problems.push({
          file: 'cells',
          row,
          column: 'evidence',
          code: 'invalid-value',
          message: `"${noteId}" is not a note id.`,
        })
      } else if (!notes.has(noteId)) {
        out.warnings.push({
          file: 'cells',
          row,
          column: 'evidence',
          code: 'unknown-note',
          message: `No note "${noteId}" in this workspace; the link is kept.`,
        })
      }
    }
    if (companyId !== undefined && competenceId !== undefined) {
      const key = `${companyId}|${competenceId}`
      if (seenCells.has(key)) {
        out.problems.push({
          file: 'cells',
          row,
          column: undefined,
          code: 'duplicate',
          message: 'Another row is already this company and competence.',
        })
      }
      seenCells.add(key)
    }
    if (
      out.problems.length > before ||
      !parsed.success ||
      companyId === undefined ||
      competenceId === undefined
    )
      continue
    cells.push({
      row,
      companyId,
      competenceId,
      offer: values.offer === undefined ? undefined : parsed.data.offer,
      need: values.need === undefined ? undefined : parsed.data.need,
      comment,
      evidence: evidence as NoteId[],
    })
  }

  const sortProblems = (a: CsvProblem, b: CsvProblem): number =>
    FILE_ORDER.indexOf(a.file) - FILE_ORDER.indexOf(b.file) || (a.row ?? 0) - (b.row ?? 0)
  out.problems.sort(sortProblems)
  return {
    companies,
    competences,
    cells,
    problems: out.problems,
    warnings: out.warnings,
    ok: out.problems.length === 0 && companies.length + competences.length + cells.length > 0,
  }
}

const FILE_ORDER: readonly CsvKind[] = ['companies', 'competences', 'cells']

/**
 * Writes a plan from `planCsvImport` in one transaction (one undo step, one update for
 * peers). Refuses a plan with problems: nothing is written then.
 */
export function applyCsvImport(doc: Y.Doc, plan: CsvImportPlan, edit: CellAuthor): void {
  if (!plan.ok) throw new Error('This import has problems; nothing was written.')
  doc.transact(() => {
    for (const company of plan.companies) {
      if (company.action === 'update') {
        updateCompany(doc, company.id, company.patch)
      } else {
        createCompany(doc, {
          id: company.id,
          name: company.name,
          industry: company.patch.industry ?? 'other',
          location: company.patch.location ?? '',
          description: company.patch.description ?? '',
          color: company.patch.color ?? DEFAULT_COMPANY_COLOR,
          sizeBand: company.patch.sizeBand ?? '',
          website: company.patch.website ?? '',
          contactPerson: company.patch.contactPerson ?? '',
          contactEmail: company.patch.contactEmail ?? '',
        })
      }
    }
    for (const competence of plan.competences) {
      if (competence.action === 'update') {
        updateCompetence(doc, competence.id, {
          name: competence.name,
          ...(competence.nameEn === undefined ? {} : { nameEn: competence.nameEn }),
          ...(competence.category === undefined ? {} : { category: competence.category }),
          ...(competence.esco === undefined ? {} : { esco: competence.esco }),
        })
        for (const synonym of competence.synonyms) addSynonym(doc, competence.id, synonym)
      } else {
        addCompetence(doc, {
          id: competence.id,
          name: competence.name,
          ...(competence.nameEn === undefined ? {} : { nameEn: competence.nameEn }),
          category: competence.category ?? 'other',
          synonyms: competence.synonyms,
          ...(competence.esco === undefined ? {} : { esco: competence.esco }),
        })
      }
    }
    for (const cell of plan.cells) {
      writeCell(
        doc,
        cell.companyId,
        cell.competenceId,
        {
          ...(cell.offer === undefined ? {} : { offer: cell.offer }),
          ...(cell.need === undefined ? {} : { need: cell.need }),
          ...(cell.comment === undefined ? {} : { comment: cell.comment }),
          addEvidence: cell.evidence,
        },
        edit,
      )
    }
  }, COMMAND_ORIGIN)
}
