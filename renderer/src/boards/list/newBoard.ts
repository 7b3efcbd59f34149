import type * as Y from 'yjs'
import type { BoardId } from '../../../../shared/ids'
import { boardMeta, initBoard, type BoardActor } from '../../../../shared/model/board/boardDoc'
import { applyTemplate, findBoardTemplate } from '../../../../shared/model/board/templates'
import { createBoard } from '../../../../shared/model/boards'
import type { Author } from '../../../../shared/model/notes'
import type { TemplateLanguage } from '../../../../shared/model/noteTypes'

/**
 * Origin of a new board's first contents. Not `COMMAND_ORIGIN`: the template is where the
 * board starts, not a step its creator can undo.
 */
export const BOARD_INIT_ORIGIN = Object.freeze({ kind: 'kryss-board-init' as const })

export type BoardStart = {
  title: string
  /** A template id from BOARD_TEMPLATES; undefined for a blank board. */
  template: string | undefined
  language: TemplateLanguage
}

/**
 * Boards this session created and has not filled yet. A board's document can only be written
 * once it has synced (it may already hold something), so creating one is two steps: the list
 * entry now, its meta and template when the board screen has synced it. Only the session that
 * created a board fills it: two people opening a brand-new board at once must not both lay
 * the template out.
 */
const pendingStarts = new Map<BoardId, BoardStart>()

/** Adds a board to the workspace's list and remembers to fill it once it is open and synced. */
export function createBoardInList(
  root: Y.Doc,
  input: BoardStart & { author: Author; now: number },
): BoardId {
  const id = createBoard(root, {
    title: input.title,
    author: input.author,
    now: input.now,
    ...(input.template === undefined ? {} : { template: input.template }),
  })
  pendingStarts.set(id, {
    title: input.title,
    template: input.template,
    language: input.language,
  })
  return id
}

/** The start this session still owes `id`, removed as it is handed out (at most once). */
export function takeBoardStart(id: BoardId): BoardStart | undefined {
  const start = pendingStarts.get(id)
  pendingStarts.delete(id)
  return start
}

/** Whether the board's document has been started (by anyone, on any replica). */
export function isBoardStarted(doc: Y.Doc): boolean {
  return typeof boardMeta(doc).get('createdAt') === 'number'
}

/**
 * Fills a synced, empty board's meta and lays out its template, in one transaction (one update
 * on the wire: nobody ever sees a started board without its template). Does nothing and returns
 * false when the board was already started. The only place a board is started.
 */
export function startBoard(
  doc: Y.Doc,
  start: BoardStart,
  input: { actor: BoardActor; now: number },
): boolean {
  if (isBoardStarted(doc)) return false
  const template = start.template === undefined ? undefined : findBoardTemplate(start.template)
  doc.transact(() => {
    initBoard(doc, {
      title: start.title,
      actor: input.actor,
      now: input.now,
      ...(template === undefined ? {} : { template: template.id }),
    })
    if (template !== undefined) applyTemplate(doc, template, start.language, input)
  }, BOARD_INIT_ORIGIN)
  return true
}
