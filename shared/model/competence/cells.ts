import type * as Y from 'yjs'
import type { CompanyId, CompetenceId, NoteId } from '../../ids'
import { COMMAND_ORIGIN, ROOT } from '../schema'

/**
 * Offers and needs: one cell per company × competence, stored FLAT in the root map
 * `competenceCells`, one key per field:
 *
 *   `<companyId>|<competenceId>|offer`             → 1 | 2 | 3   (absent = 0, none)
 *   `<companyId>|<competenceId>|need`              → 1 | 2 | 3   (absent = 0, none)
 *   `<companyId>|<competenceId>|comment`           → string      (absent = '')
 *   `<companyId>|<competenceId>|evidence|<noteId>` → true        (a set of evidence notes)
 *   `<companyId>|<competenceId>|edited`            → { by, at }  (last edit, for display)
 *
 * Why flat rather than a Y.Map per cell: two people who set the offer and the need of a cell
 * that does not exist yet would each create the cell's map, and Yjs keeps only one of two
 * maps set at the same key, losing the other's edit. With one key per field nothing is ever
 * created twice: every field is last-writer-wins on its own, evidence is an add/remove set,
 * and edits of different cells or fields never touch the same key.
 *
 * Setting a level to 0 or the comment to '' deletes the key; a concurrent non-zero write from
 * another replica then wins (Yjs keeps a set over a concurrent delete of the older value).
 * Ids must not contain '|' (`isCellId`).
 */

export const LEVELS = [0, 1, 2, 3] as const
export type Level = (typeof LEVELS)[number]
/** Offer levels by number: none, some, solid, expert. */
export const OFFER_LEVELS = ['none', 'some', 'solid', 'expert'] as const
/** Need levels by number: none, nice to have, important, critical. */
export const NEED_LEVELS = ['none', 'nice-to-have', 'important', 'critical'] as const
export type CellSide = 'offer' | 'need'

export const MAX_CELL_COMMENT_LENGTH = 1_000

const SEP = '|'
const FIELD = {
  offer: 'offer',
  need: 'need',
  comment: 'comment',
  evidence: 'evidence',
  edited: 'edited',
} as const

export function isLevel(value: unknown): value is Level {
  return value === 0 || value === 1 || value === 2 || value === 3
}

/** Company, competence and note ids used in cell keys may not contain the separator. */
export function isCellId(id: string): boolean {
  return id !== '' && !id.includes(SEP)
}

export function cellsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.competenceCells)
}

/** The key of a cell (no field): `<companyId>|<competenceId>`. */
export function cellKey(companyId: CompanyId, competenceId: CompetenceId): string {
  return `${companyId}${SEP}${competenceId}`
}

/** A cell as stored under one (company, competence) pair; levels 0 when absent. */
export type RawCell = {
  companyId: CompanyId
  competenceId: CompetenceId
  offer: Level
  need: Level
  comment: string
  evidence: NoteId[]
  edited: CellEdit | undefined
}
export type CellEdit = { by: string; at: number }
export type CellAuthor = { author: { name: string }; now: number }

function emptyCell(companyId: CompanyId, competenceId: CompetenceId): RawCell {
  return {
    companyId,
    competenceId,
    offer: 0,
    need: 0,
    comment: '',
    evidence: [],
    edited: undefined,
  }
}

function readEdit(value: unknown): CellEdit | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { by, at } = value as Record<string, unknown>
  return typeof by === 'string' && typeof at === 'number' ? { by, at } : undefined
}

/**
 * Every stored cell in one pass over the map, keyed by `cellKey`. Unknown fields (a newer
 * peer's) and malformed values are skipped. Competence ids are as stored: merged ones are
 * resolved by the index (./matrixIndex.ts).
 */
export function readRawCells(doc: Y.Doc): Map<string, RawCell> {
  const cells = new Map<string, RawCell>()
  cellsMap(doc).forEach((value, key) => {
    const first = key.indexOf(SEP)
    const second = first < 0 ? -1 : key.indexOf(SEP, first + 1)
    if (second < 0) return
    const id = key.slice(0, second)
    const rest = key.slice(second + 1)
    let cell = cells.get(id)
    const ensure = (): RawCell => {
      if (cell === undefined) {
        cell = emptyCell(
          key.slice(0, first) as CompanyId,
          key.slice(first + 1, second) as CompetenceId,
        )
        cells.set(id, cell)
      }
      return cell
    }
    if (rest === FIELD.offer || rest === FIELD.need) {
      if (isLevel(value) && value > 0) ensure()[rest] = value
    } else if (rest === FIELD.comment) {
      if (typeof value === 'string' && value !== '') ensure().comment = value
    } else if (rest.startsWith(`${FIELD.evidence}${SEP}`)) {
      if (value === true) ensure().evidence.push(rest.slice(FIELD.evidence.length + 1) as NoteId)
    } else if (rest === FIELD.edited) {
      const edit = readEdit(value)
      if (edit !== undefined) ensure().edited = edit
    }
  })
  for (const cell of cells.values()) cell.evidence.sort()
  return cells
}

/** One cell as stored, or an empty one. */
export function readRawCell(doc: Y.Doc, companyId: CompanyId, competenceId: CompetenceId): RawCell {
  const map = cellsMap(doc)
  const prefix = `${cellKey(companyId, competenceId)}${SEP}`
  const cell = emptyCell(companyId, competenceId)
  const offer = map.get(prefix + FIELD.offer)
  const need = map.get(prefix + FIELD.need)
  const comment = map.get(prefix + FIELD.comment)
  if (isLevel(offer)) cell.offer = offer
  if (isLevel(need)) cell.need = need
  if (typeof comment === 'string') cell.comment = comment
  cell.edited = readEdit(map.get(prefix + FIELD.edited))
  const evidencePrefix = `${prefix}${FIELD.evidence}${SEP}`
  for (const key of map.keys()) {
    if (key.startsWith(evidencePrefix) && map.get(key) === true) {
      cell.evidence.push(key.slice(evidencePrefix.length) as NoteId)
    }
  }
  cell.evidence.sort()
  return cell
}

/** What to change in one cell; fields left out stay as they are. */
export type CellPatch = {
  offer?: Level
  need?: Level
  comment?: string
  addEvidence?: readonly NoteId[]
  removeEvidence?: readonly NoteId[]
}

export function cleanCellComment(comment: string): string {
  return comment.replace(/\r\n?/g, '\n').trim().slice(0, MAX_CELL_COMMENT_LENGTH)
}

/**
 * Writes a patch into a cell. Call inside a transaction (the commands below do); used by
 * merge, CSV import and promotion so their writes join their own transaction.
 */
export function writeCell(
  doc: Y.Doc,
  companyId: CompanyId,
  competenceId: CompetenceId,
  patch: CellPatch,
  edit: CellAuthor | undefined,
): void {
  for (const id of [companyId, competenceId, ...(patch.addEvidence ?? [])]) {
    if (!isCellId(id)) throw new Error(`Not usable in a cell key: ${JSON.stringify(id)}`)
  }
  const map = cellsMap(doc)
  const prefix = `${cellKey(companyId, competenceId)}${SEP}`
  let changed = false
  const put = (field: string, value: unknown): void => {
    const key = prefix + field
    if (value === undefined) {
      if (map.has(key)) {
        map.delete(key)
        changed = true
      }
    } else if (map.get(key) !== value) {
      map.set(key, value)
      changed = true
    }
  }
  for (const side of ['offer', 'need'] as const) {
    const level = patch[side]
    if (level === undefined) continue
    if (!isLevel(level)) throw new Error(`Not a level 0–3: ${String(level)}`)
    put(FIELD[side], level === 0 ? undefined : level)
  }
  if (patch.comment !== undefined) {
    const comment = cleanCellComment(patch.comment)
    put(FIELD.comment, comment === '' ? undefined : comment)
  }
  for (const noteId of patch.removeEvidence ?? [])
    put(`${FIELD.evidence}${SEP}${noteId}`, undefined)
  for (const noteId of patch.addEvidence ?? []) put(`${FIELD.evidence}${SEP}${noteId}`, true)
  if (changed && edit !== undefined) {
    map.set(prefix + FIELD.edited, { by: edit.author.name, at: edit.now })
  }
}

/** Changes one cell in one transaction (levels, comment, evidence, as given). */
export function updateCell(
  doc: Y.Doc,
  input: CellAuthor & { companyId: CompanyId; competenceId: CompetenceId } & CellPatch,
): void {
  doc.transact(() => {
    writeCell(doc, input.companyId, input.competenceId, input, input)
  }, COMMAND_ORIGIN)
}

export function setOfferLevel(
  doc: Y.Doc,
  input: CellAuthor & { companyId: CompanyId; competenceId: CompetenceId; level: Level },
): void {
  updateCell(doc, { ...input, offer: input.level })
}

export function setNeedLevel(
  doc: Y.Doc,
  input: CellAuthor & { companyId: CompanyId; competenceId: CompetenceId; level: Level },
): void {
  updateCell(doc, { ...input, need: input.level })
}

export function setCellComment(
  doc: Y.Doc,
  input: CellAuthor & { companyId: CompanyId; competenceId: CompetenceId; comment: string },
): void {
  updateCell(doc, input)
}

export function addCellEvidence(
  doc: Y.Doc,
  input: CellAuthor & { companyId: CompanyId; competenceId: CompetenceId; noteId: NoteId },
): void {
  updateCell(doc, { ...input, addEvidence: [input.noteId] })
}

export function removeCellEvidence(
  doc: Y.Doc,
  input: CellAuthor & { companyId: CompanyId; competenceId: CompetenceId; noteId: NoteId },
): void {
  updateCell(doc, { ...input, removeEvidence: [input.noteId] })
}

/** Keys of the cell map whose company (or competence) part is `id`. */
function keysWhere(doc: Y.Doc, part: 0 | 1, ids: ReadonlySet<string>): string[] {
  const keys: string[] = []
  for (const key of cellsMap(doc).keys()) {
    const pieces = key.split(SEP, 2)
    if (ids.has(pieces[part] ?? '')) keys.push(key)
  }
  return keys
}

/** Empties a whole cell (every field). One transaction. */
export function clearCell(doc: Y.Doc, companyId: CompanyId, competenceId: CompetenceId): void {
  const prefix = `${cellKey(companyId, competenceId)}${SEP}`
  const map = cellsMap(doc)
  doc.transact(() => {
    for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key)
  }, COMMAND_ORIGIN)
}

/** Deletes every cell of a company. Call inside a transaction (deleteCompany does). */
export function removeCompanyCells(doc: Y.Doc, companyId: CompanyId): void {
  const map = cellsMap(doc)
  for (const key of keysWhere(doc, 0, new Set([companyId]))) map.delete(key)
}

/** Deletes every cell of the given competences. Call inside a transaction. */
export function removeCompetenceCells(doc: Y.Doc, competenceIds: ReadonlySet<string>): void {
  const map = cellsMap(doc)
  for (const key of keysWhere(doc, 1, competenceIds)) map.delete(key)
}

/**
 * Calls `onChange` after any change to offers and needs. Returns the disposer. The map is
 * flat, so a shallow observer sees everything.
 */
export function observeCells(doc: Y.Doc, onChange: () => void): () => void {
  const map = cellsMap(doc)
  const handler = (): void => onChange()
  map.observe(handler)
  return () => map.unobserve(handler)
}
