import type * as Y from 'yjs'
import type { BoardId } from '../../../../shared/ids'
import { DEMO_BOARD, seedDemoBoard } from '../../../../shared/demo'
import { boardMeta, initBoard, type BoardActor } from '../../../../shared/model/board/boardDoc'
import {
  applyTemplate,
  findBoardTemplate,
  templateItemId,
} from '../../../../shared/model/board/templates'
import { createBoard, type BoardSummary } from '../../../../shared/model/boards'
import type { Author } from '../../../../shared/model/notes'
import type { TemplateLanguage } from '../../../../shared/model/noteTypes'
import { personId } from '../../connection/personId'

/**
 * Creating and starting a board. Creating is one write to the workspace's root document: the
 * board's list record, which holds everything its own document will start from (title,
 * template, the template's language, who made it when; shared/model/boards.ts). Starting is
 * filling the board's document — meta and the template's items — which can only happen once
 * that document has synced (it may already hold something).
 *
 * Any session that can write starts a board it opens and finds unstarted after its first sync
 * (BoardScreen), not only the one that created it: a creator who closes the tab, crashes or
 * loses the workshop Wi-Fi before the board syncs no longer leaves it without a title or
 * template for everyone. Two people may still start the same board at once, so a start is a
 * pure function of the record: the meta's fields and every item's id, text, place, size,
 * colour, `made` (the creator and the record's time) and stacking order are the same on every
 * replica. Both write the same keys with the same values; the items map keeps one item per
 * key and the meta one value per field, so the board ends up started exactly once in effect.
 * (Each item is a Y.Map of its own, and two made concurrently are never merged: Yjs keeps one
 * of them whole. An edit to a template item made on the other replica inside that one round
 * trip is lost with its copy — a moment nobody has had time to use.)
 *
 * Why not let the host start boards? Hosts open a board's document only on demand and would
 * have to watch every new record and open its board just to fill it; hosts peer with each
 * other, so a host-made start would need to be just as deterministic; and the host never
 * needs to, because nobody sees a board before a session opens it, and that session can
 * start it. A view-only guest cannot write: the next participant who can starts it.
 */

/**
 * Origin of a new board's first contents. Not `COMMAND_ORIGIN`: the template is where the
 * board starts, not a step its creator can undo.
 */
export const BOARD_INIT_ORIGIN = Object.freeze({ kind: 'kryss-board-init' as const })

/** What a new board is made with (the new-board dialog's choice). */
export type BoardStart = {
  title: string
  /** A template id from BOARD_TEMPLATES; undefined for a blank board. */
  template: string | undefined
  language: TemplateLanguage
}

/**
 * The language a record made before records kept one is started in: the app's first
 * language, the same on every replica (not the opener's, which would differ between two).
 */
export const DEFAULT_START_LANGUAGE: TemplateLanguage = 'nb'

/**
 * Adds a board to the workspace's list; whoever opens it first (normally its creator, at
 * once) starts it. `author.id` is the creator's person id, this app's by default.
 */
export function createBoardInList(
  root: Y.Doc,
  input: BoardStart & { author: Author & { id?: string }; now: number },
): BoardId {
  return createBoard(root, {
    title: input.title,
    author: { name: input.author.name, id: input.author.id ?? personId() },
    now: input.now,
    language: input.language,
    ...(input.template === undefined ? {} : { template: input.template }),
  })
}

/** Whether the board's document has been started (by anyone, on any replica). */
export function isBoardStarted(doc: Y.Doc): boolean {
  return typeof boardMeta(doc).get('createdAt') === 'number'
}

/**
 * Starts a synced, unstarted board from its list record: fills its meta and lays out its
 * template, in one transaction (one update on the wire: nobody ever sees a started board
 * without its template). Everything written comes from `record`, so two replicas starting it
 * at once converge to one copy (see the file's comment). Returns whether it started the board:
 * false when it was started already, or when its template is one this version does not know
 * (a newer peer's — left for that peer to lay out rather than started blank for good).
 */
export function startBoard(doc: Y.Doc, record: BoardSummary): boolean {
  if (isBoardStarted(doc)) return false
  const template = record.template === undefined ? undefined : findBoardTemplate(record.template)
  if (record.template !== undefined && template === undefined) return false
  // The creator, as the record names them: the same whoever starts the board.
  const stamp = {
    actor: { id: record.createdById ?? '', name: record.createdBy } satisfies BoardActor,
    now: record.createdAt,
  }
  doc.transact(() => {
    // The example board is seeded by the host that made the example workspace, from its
    // record's time with fixed ids: starting it anywhere else writes exactly that.
    if (record.id === DEMO_BOARD.id) {
      seedDemoBoard(doc, record.createdAt)
      return
    }
    initBoard(doc, {
      title: record.title,
      ...stamp,
      ...(template === undefined ? {} : { template: template.id }),
    })
    if (template === undefined) return
    applyTemplate(doc, template, record.language ?? DEFAULT_START_LANGUAGE, {
      ...stamp,
      origin: { x: 0, y: 0 },
      ids: (part) => templateItemId(record.id, part),
    })
  }, BOARD_INIT_ORIGIN)
  return true
}
