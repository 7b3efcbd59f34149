import type * as Y from 'yjs'
import { NOTE_FILES_FIELD } from '../noteFiles'
import { COMMAND_ORIGIN, readNumber, readString, type YRecord } from '../schema'

/**
 * A board is a Y.Doc of its own (room `<workspace>/boards/<boardId>`), so a workshop's many
 * small edits never travel with the workspace document. Its root types:
 *
 * - `meta`: schemaVersion, title, createdAt, createdBy, createdById, template (the template it started from).
 *   Filled when the board starts, from its list record and nothing else (so two replicas that
 *   start it at once write the same; renderer/src/boards/list/newBoard.ts).
 * - `items`: item id → Y.Map per item (see items.ts for the fields).
 * - `votes`: one entry per dot (see voting.ts); entries are never edited, only added/removed,
 *   so concurrent votes never collide.
 * - `session`: facilitation state (facilitator, timer, voting round, private mode; see
 *   session.ts). Pointers, cursors and "follow" never go here: they are awareness state.
 * - `files`: the bytes of the board's images, file id → Y.Map, exactly as a note's images live
 *   in its body document (shared/model/noteFiles.ts: content-addressed ids, 5 MB, raster
 *   types only; never deleted with the item that shows them, so undo can bring it back). An
 *   `image` item names its file by `fileId`; see images.ts.
 *
 * Readers tolerate fields and item kinds they do not know (a newer peer's) and never delete
 * them.
 */
export const BOARD_ROOT = {
  meta: 'meta',
  items: 'items',
  votes: 'votes',
  session: 'session',
  files: NOTE_FILES_FIELD,
} as const

/**
 * Who does something on a board. `id` is stable for a person across sessions and devices
 * (roles and vote budgets are checked against it); `name` is shown.
 */
export type BoardActor = { id: string; name: string }

export function boardMeta(doc: Y.Doc): YRecord {
  return doc.getMap(BOARD_ROOT.meta)
}
export function boardItems(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(BOARD_ROOT.items)
}
export function boardVotes(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_ROOT.votes)
}
export function boardSession(doc: Y.Doc): YRecord {
  return doc.getMap(BOARD_ROOT.session)
}

/**
 * The board document's schema version, in `meta.schemaVersion`. Changes are additive; a
 * board with a higher version still opens, and the app keeps out of what it does not know.
 */
export const BOARD_SCHEMA_VERSION = 1

export type BoardMeta = {
  schemaVersion: number
  title: string
  createdAt: number
  createdBy: string
  createdById: string
  template: string | undefined
}

export const MAX_BOARD_TITLE_LENGTH = 200

function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, MAX_BOARD_TITLE_LENGTH)
}

/** Fills a new board's meta. One transaction; leaves a board that already has a title alone. */
export function initBoard(
  doc: Y.Doc,
  input: { title: string; actor: BoardActor; now: number; template?: string },
): void {
  const meta = boardMeta(doc)
  if (typeof meta.get('createdAt') === 'number') return
  doc.transact(() => {
    meta.set('schemaVersion', BOARD_SCHEMA_VERSION)
    meta.set('title', cleanTitle(input.title))
    meta.set('createdAt', input.now)
    meta.set('createdBy', input.actor.name)
    meta.set('createdById', input.actor.id)
    if (input.template !== undefined) meta.set('template', input.template)
  }, COMMAND_ORIGIN)
}

export function renameBoard(doc: Y.Doc, title: string): void {
  doc.transact(() => boardMeta(doc).set('title', cleanTitle(title)), COMMAND_ORIGIN)
}

export function readBoardMeta(doc: Y.Doc): BoardMeta {
  const meta = boardMeta(doc)
  const template = meta.get('template')
  return {
    schemaVersion: readNumber(meta, 'schemaVersion', BOARD_SCHEMA_VERSION),
    title: readString(meta, 'title'),
    createdAt: readNumber(meta, 'createdAt'),
    createdBy: readString(meta, 'createdBy'),
    createdById: readString(meta, 'createdById'),
    template: typeof template === 'string' ? template : undefined,
  }
}
