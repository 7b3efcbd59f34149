import Papa from 'papaparse'
import type { CompetenceIndex } from './matrixIndex'

/**
 * The competence map as spreadsheets: three CSV files — companies, the vocabulary, and
 * offers/needs — that the import (./csvImport.ts) reads back.
 *
 * Encoding: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting (fields with the
 * delimiter, a quote or a line break are quoted, quotes doubled), so Excel opens æøå intact
 * and a comment may hold commas, quotes and line breaks.
 *
 * Delimiter: ',' by default — the RFC's, and what Google Sheets, LibreOffice, Numbers and
 * Kumu read without asking. Excel set to Norwegian (or any locale with a decimal comma) splits
 * on ';' when a file is double-clicked, so the export takes `delimiter: ';'` for that; the
 * import detects either (and tab) from the header line.
 *
 * Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading apostrophe on export, and the import takes exactly one such apostrophe off again:
 * a workspace is written by many people, and a CSV must not become a way to run something
 * on a colleague's computer.
 */

export const CSV_FILES = {
  companies: 'companies.csv',
  competences: 'competences.csv',
  cells: 'offers-needs.csv',
} as const
export type CsvKind = keyof typeof CSV_FILES

export const CSV_COLUMNS = {
  companies: [
    'id',
    'name',
    'industry',
    'size',
    'location',
    'website',
    'contact_person',
    'contact_email',
    'description',
    'color',
  ],
  competences: ['id', 'name_nb', 'name_en', 'category', 'synonyms', 'esco'],
  cells: [
    'company_id',
    'company',
    'competence_id',
    'competence',
    'offer',
    'need',
    'comment',
    'evidence',
  ],
} as const

/** Columns a file must have to be read (the others may be left out). */
export const CSV_REQUIRED = {
  companies: ['name'],
  competences: ['name_nb'],
  cells: ['offer', 'need'],
} as const satisfies Record<CsvKind, readonly string[]>

export type CsvDelimiter = ',' | ';'
export const BOM = '\uFEFF'
/** Separates several values in one cell (synonyms, evidence notes). */
export const LIST_SEPARATOR = ';'

const FORMULA = /^'*[=+\-@\t\r]/

export function toCsv(
  rows: readonly (readonly (string | number)[])[],
  delimiter: CsvDelimiter,
): string {
  return BOM + Papa.unparse(rows, { delimiter, newline: '\r\n', escapeFormulae: FORMULA }) + '\r\n'
}

/** Takes off the apostrophe `toCsv` put in front of a formula-like value. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA.test(value) ? value.slice(1) : value
}

export type CsvExport = Record<CsvKind, string>

/**
 * The three files. Only live competences and existing companies are written (merged ones
 * appear as their kept competence); offers/needs list every non-empty cell, by company then
 * vocabulary order. Levels are numbers 0–3.
 */
export function exportCompetenceMapCsv(
  index: CompetenceIndex,
  options: { delimiter?: CsvDelimiter } = {},
): CsvExport {
  const delimiter = options.delimiter ?? ','
  const companies = index.companies.map((company) => [
    company.id,
    company.name,
    company.industry,
    company.sizeBand,
    company.location,
    company.website,
    company.contactPerson,
    company.contactEmail,
    company.description,
    company.color,
  ])
  const competences = index.competences.map((entry) => [
    entry.id,
    entry.labels.nb,
    entry.hasEnglishLabel ? entry.labels.en : '',
    entry.category,
    entry.synonyms.join(`${LIST_SEPARATOR} `),
    entry.esco ?? '',
  ])
  const cells: (string | number)[][] = []
  for (const company of index.companies) {
    for (const cell of index.byCompany.get(company.id) ?? []) {
      cells.push([
        company.id,
        company.name,
        cell.competenceId,
        index.competenceById.get(cell.competenceId)?.name ?? '',
        cell.offer,
        cell.need,
        cell.comment,
        cell.evidence.join(`${LIST_SEPARATOR} `),
      ])
    }
  }
  return {
    companies: toCsv([[...CSV_COLUMNS.companies], ...companies], delimiter),
    competences: toCsv([[...CSV_COLUMNS.competences], ...competences], delimiter),
    cells: toCsv([[...CSV_COLUMNS.cells], ...cells], delimiter),
  }
}

/** A parsed file: its header (lower-cased, trimmed) and its records with spreadsheet row numbers. */
export type CsvTable = {
  delimiter: string
  header: string[]
  /** `row` is the spreadsheet's row number: the header is row 1. Blank rows are left out. */
  rows: { row: number; values: Record<string, string> }[]
  /** Problems of the file as a whole or of one row (unclosed quotes, …). */
  errors: { row: number | undefined; message: string }[]
}

/** The delimiter the header line uses: the most frequent of , ; and tab (',' when none). */
export function detectDelimiter(text: string): string {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  const counts = [',', ';', '\t'].map((candidate) => ({
    candidate,
    count: line.split(candidate).length - 1,
  }))
  counts.sort((a, b) => b.count - a.count)
  return counts[0] !== undefined && counts[0].count > 0 ? counts[0].candidate : ','
}

/**
 * Parses one CSV text (with or without BOM, any line ends, the delimiter detected). Values
 * are trimmed of the formula apostrophe only; the validation trims what it needs.
 */
export function parseCsv(text: string): CsvTable {
  const source = text.replace(/^\uFEFF/, '')
  const delimiter = detectDelimiter(source)
  const result = Papa.parse(source, { delimiter, skipEmptyLines: false })
  const [head = [], ...records] = result.data
  const header = head.map((name) =>
    name
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  )
  const rows: CsvTable['rows'] = []
  records.forEach((record, i) => {
    if (record.every((value) => value.trim() === '')) return
    const values: Record<string, string> = {}
    header.forEach((name, column) => {
      if (name !== '') values[name] = unescapeFormula(record[column] ?? '')
    })
    rows.push({ row: i + 2, values })
  })
  const errors = result.errors
    .filter((error) => error.code !== 'UndetectableDelimiter')
    .map((error) => ({
      row: error.row === undefined ? undefined : error.row + 1,
      message: error.message,
    }))
  return { delimiter, header, rows, errors }
}

/** Which of the three files a CSV is, from its header; undefined when none fits. */
export function classifyCsv(text: string): CsvKind | undefined {
  const header = new Set(parseCsv(text.split(/\r?\n/, 1)[0] ?? '').header)
  if (header.has('name_nb')) return 'competences'
  if (header.has('offer') || header.has('need')) return 'cells'
  if (header.has('name')) return 'companies'
  return undefined
}

/** Splits a list cell ("a; b;c") into trimmed, non-empty values. */
export function splitList(value: string): string[] {
  return value
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}
