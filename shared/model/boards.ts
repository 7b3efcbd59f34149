import * as Y from 'yjs'
import { newBoardId, type BoardId } from '../ids'
import type { Author } from './notes'
import type { TemplateLanguage } from './noteTypes'
import { COMMAND_ORIGIN, readNumber, readString, recordToYMap, type YRecord } from './schema'

/**
 * The board list of a workspace. Each board is a document of its own (room
 * `<workspace>/boards/<boardId>`, shared/model/board/); the root document only lists them, so
 * the list shows without opening any board. A board is a Y.Map in the `boards` root map, keyed
 * by its id: `{ id, title, createdAt, createdBy, createdById?, updatedAt, template?, language? }`,
 * every field last-writer-wins. Readers tolerate fields they do not know and never delete them.
 *
 * The record is also everything a board's document starts from (renderer/src/boards/list/
 * newBoard.ts): its title, its template and the language the template is laid out in, and who
 * made it when. Records written before `language` and `createdById` existed lack them; their
 * readers get `undefined` and pick a default that is the same on every replica.
 */
export const BOARDS_ROOT = 'boards'

export type BoardSummary = {
  id: BoardId
  title: string
  createdAt: number
  createdBy: string
  updatedAt: number
  /** The template the board started from (shared/model/board/templates.ts), if any. */
  template: string | undefined
  /** The language its template is laid out in; undefined in records older than the field. */
  language: TemplateLanguage | undefined
  /** The person id (a board actor's id) of whoever made it; undefined in older records. */
  createdById: string | undefined
}

const LANGUAGES: readonly TemplateLanguage[] = ['nb', 'en']

function isTemplateLanguage(value: unknown): value is TemplateLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export const MAX_BOARD_TITLE_LENGTH = 300

export function boardsMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(BOARDS_ROOT)
}

function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, MAX_BOARD_TITLE_LENGTH)
}

/** Adds a board to the list and returns its id. The board's own document starts empty. */
export function createBoard(
  doc: Y.Doc,
  input: {
    title: string
    /** `id`: the maker's person id, as board items record it (`made.authorId`). */
    author: Author & { id?: string }
    now: number
    template?: string
    /** The language the template is to be laid out in. */
    language?: TemplateLanguage
    id?: BoardId
  },
): BoardId {
  const id = input.id ?? newBoardId()
  doc.transact(() => {
    boardsMap(doc).set(
      id,
      recordToYMap({
        id,
        title: cleanTitle(input.title),
        createdAt: input.now,
        createdBy: input.author.name,
        createdById: input.author.id,
        updatedAt: input.now,
        template: input.template,
        language: input.language,
      }),
    )
  }, COMMAND_ORIGIN)
  return id
}

export function renameBoard(doc: Y.Doc, id: BoardId, input: { title: string; now: number }): void {
  const board = boardsMap(doc).get(id)
  if (!(board instanceof Y.Map)) throw new Error(`No board ${id}`)
  doc.transact(() => {
    board.set('title', cleanTitle(input.title))
    board.set('updatedAt', input.now)
  }, COMMAND_ORIGIN)
}

/** Removes the board from the list. Its document stays on the hosts that hold it. */
export function deleteBoard(doc: Y.Doc, id: BoardId): void {
  doc.transact(() => boardsMap(doc).delete(id), COMMAND_ORIGIN)
}

function toSummary(id: string, board: YRecord): BoardSummary {
  const template = board.get('template')
  const language = board.get('language')
  const createdById = board.get('createdById')
  return {
    id: id as BoardId,
    title: readString(board, 'title'),
    createdAt: readNumber(board, 'createdAt'),
    createdBy: readString(board, 'createdBy'),
    updatedAt: readNumber(board, 'updatedAt'),
    template: typeof template === 'string' ? template : undefined,
    language: isTemplateLanguage(language) ? language : undefined,
    createdById: typeof createdById === 'string' && createdById !== '' ? createdById : undefined,
  }
}

/** All boards, most recently updated first (ties by title, then id, so order is stable). */
export function listBoards(doc: Y.Doc): BoardSummary[] {
  const boards: BoardSummary[] = []
  boardsMap(doc).forEach((board, id) => {
    if (board instanceof Y.Map) boards.push(toSummary(id, board))
  })
  return boards.sort(
    (a, b) => b.updatedAt - a.updatedAt || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1),
  )
}

export function getBoard(doc: Y.Doc, id: BoardId): BoardSummary | undefined {
  const board = boardsMap(doc).get(id)
  return board instanceof Y.Map ? toSummary(id, board) : undefined
}

/**
 * Calls `onChange` when a board is added or removed or one of its own fields changes; values
 * nested deeper (a newer peer's) never make the list recompute.
 */
export function observeBoardList(doc: Y.Doc, onChange: () => void): () => void {
  const boards = boardsMap(doc)
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (events.some((event) => event.target === boards || event.target.parent === boards)) {
      onChange()
    }
  }
  boards.observeDeep(handler)
  return () => boards.unobserveDeep(handler)
}
