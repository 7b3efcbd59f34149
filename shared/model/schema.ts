import * as Y from 'yjs'

/**
 * The workspace document's shape. One Y.Doc per workspace; these are its root types.
 * Readers tolerate fields they do not know (written by newer peers) and never delete them.
 */
export const ROOT = {
  meta: 'meta',
  notes: 'notes',
  companies: 'companies',
  competences: 'competences',
  /** Offers and needs, one key per field: see shared/model/competence/cells.ts. */
  competenceCells: 'competenceCells',
  /** Match status (contacted, project started, not relevant): shared/model/competence/matchStatus.ts. */
  competenceMatches: 'competenceMatches',
} as const

/**
 * Current schema version. Changes are additive; a document with a higher version than this
 * is still opened, and the app keeps out of the fields it does not understand.
 */
export const SCHEMA_VERSION = 1

/**
 * Transaction origins. Undo tracks `COMMAND_ORIGIN` and the editor's own origin; persistence
 * skips what it loaded from disk; sync skips what came from the same connection.
 * Identity matters (Y.UndoManager compares origins by reference), so these are singletons.
 */
export const COMMAND_ORIGIN = Object.freeze({ kind: 'command' as const })
export const SEED_ORIGIN = Object.freeze({ kind: 'seed' as const })
export type CommandOrigin = typeof COMMAND_ORIGIN | typeof SEED_ORIGIN

/** A Y.Map whose values are a known record shape. Y's own typing is untyped here. */
export type YRecord = Y.Map<unknown>

/**
 * What the readers below need of a record: a Y.Map, or the same fields as a plain object
 * (e.g. a board preview sent before the document, see board/preview.ts).
 */
export type FieldSource = { get(key: string): unknown }

export function metaMap(doc: Y.Doc): YRecord {
  return doc.getMap(ROOT.meta)
}
export function notesMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(ROOT.notes)
}
export function companiesMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(ROOT.companies)
}
export function competencesMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(ROOT.competences)
}

export function readString(map: FieldSource, key: string, fallback = ''): string {
  const value = map.get(key)
  return typeof value === 'string' ? value : fallback
}

export function readNumber(map: FieldSource, key: string, fallback = 0): number {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** Builds a Y.Map from a plain record in one go (call inside a transaction). */
export function recordToYMap(record: Record<string, unknown>): YRecord {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) map.set(key, value)
  }
  return map
}
