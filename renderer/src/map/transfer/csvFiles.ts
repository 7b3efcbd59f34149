import { strToU8, unzipSync, zipSync } from 'fflate'
import {
  classifyCsv,
  CSV_FILES,
  parseCsv,
  type CsvExport,
  type CsvKind,
} from '../../../../shared/model/competence/csv'
import type { CsvFiles } from '../../../../shared/model/competence/csvImport'

/**
 * The competence map's spreadsheets as files: the export's .zip, and what a person picked for
 * import — CSV files or a .zip of them — sorted into the three kinds by their header row
 * (`classifyCsv`), with the files that cannot be used and why. No DOM: bytes in, texts out.
 */

/** All picked files together; far above any real cluster's map. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

export type PickedFile = { name: string; bytes: Uint8Array; archive?: string }

export type RefusedFile = {
  name: string
  reason: 'not-csv' | 'unknown-kind' | 'twice' | 'unreadable-zip' | 'too-large'
  /** For 'twice': the kind another file already is. */
  kind?: CsvKind
}

export type CsvSource = {
  name: string
  /** The .zip the file came out of, if any. */
  archive?: string
  kind: CsvKind
  rows: number
  latin1: boolean
}

export type ReadUpload = {
  files: CsvFiles
  /** The file each kind was read from (for "companies.csv, row 4"). */
  sources: CsvSource[]
  refused: RefusedFile[]
}

/** The three export files in one .zip (stored, not compressed: CSV is small and this is instant). */
export function csvZip(files: CsvExport): Uint8Array<ArrayBuffer> {
  return zipSync({
    [CSV_FILES.companies]: [strToU8(files.companies), { level: 0 }],
    [CSV_FILES.competences]: [strToU8(files.competences), { level: 0 }],
    [CSV_FILES.cells]: [strToU8(files.cells), { level: 0 }],
  })
}

/** Any number of named texts in one .zip. */
export function textZip(files: Record<string, string>): Uint8Array<ArrayBuffer> {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, [strToU8(text), { level: 0 }]]),
    ),
  )
}

/**
 * UTF-8 when the bytes are UTF-8; otherwise Windows-1252, which is what Excel writes for "CSV
 * (semicolon separated)" on a Norwegian Windows — so its æøå are not lost.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; latin1: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), latin1: false }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), latin1: true }
  }
}

const isZip = (name: string, bytes: Uint8Array): boolean =>
  /\.zip$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03)

const isCsv = (name: string): boolean => /\.(csv|tsv|txt)$/i.test(name)

/** Unpacks .zip files (their CSV entries, anywhere inside; macOS's "__MACOSX" left out). */
function expand(files: readonly PickedFile[], refused: RefusedFile[]): PickedFile[] {
  const out: PickedFile[] = []
  for (const file of files) {
    if (!isZip(file.name, file.bytes)) {
      if (isCsv(file.name)) out.push(file)
      else refused.push({ name: file.name, reason: 'not-csv' })
      continue
    }
    let entries: Record<string, Uint8Array>
    try {
      entries = unzipSync(file.bytes, {
        filter: (entry) => isCsv(entry.name) && !entry.name.startsWith('__MACOSX/'),
      })
    } catch {
      refused.push({ name: file.name, reason: 'unreadable-zip' })
      continue
    }
    for (const [name, bytes] of Object.entries(entries)) {
      out.push({ name: name.split('/').pop() ?? name, bytes, archive: file.name })
    }
  }
  return out
}

/** Sorts picked files into the three kinds; the first file of a kind wins, later ones are refused. */
export function readUpload(files: readonly PickedFile[]): ReadUpload {
  const refused: RefusedFile[] = []
  const total = files.reduce((sum, file) => sum + file.bytes.length, 0)
  if (total > MAX_IMPORT_BYTES) {
    return {
      files: {},
      sources: [],
      refused: files.map((file) => ({ name: file.name, reason: 'too-large' })),
    }
  }
  const out: CsvFiles = {}
  const sources: CsvSource[] = []
  for (const file of expand(files, refused)) {
    const { text, latin1 } = decodeCsv(file.bytes)
    const kind = classifyCsv(text)
    if (kind === undefined) {
      refused.push({ name: file.name, reason: 'unknown-kind' })
    } else if (out[kind] !== undefined) {
      refused.push({ name: file.name, reason: 'twice', kind })
    } else {
      out[kind] = text
      sources.push({
        name: file.name,
        ...(file.archive === undefined ? {} : { archive: file.archive }),
        kind,
        rows: parseCsv(text).rows.length,
        latin1,
      })
    }
  }
  const order: CsvKind[] = ['companies', 'competences', 'cells']
  sources.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
  return { files: out, sources, refused }
}
