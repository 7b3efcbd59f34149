import * as Y from 'yjs'
import { COMMAND_ORIGIN } from '../schema'
import { boardItems } from './boardDoc'

/**
 * Undo for one person on a board: a Y.UndoManager over the items, tracking only the
 * transactions this replica made with `COMMAND_ORIGIN` (plus any origin the in-place text
 * editor uses), so undo takes back one's own actions and never someone else's. Votes and
 * facilitation state are not undoable: they have their own explicit commands (unvote, …).
 * The caller destroys it (`destroy()`) when the board closes.
 */
export function createBoardUndo(
  doc: Y.Doc,
  options: { textOrigins?: readonly unknown[]; captureTimeout?: number } = {},
): Y.UndoManager {
  return new Y.UndoManager(boardItems(doc), {
    trackedOrigins: new Set<unknown>([COMMAND_ORIGIN, ...(options.textOrigins ?? [])]),
    // One command is one step; typing merges into steps of this many milliseconds.
    captureTimeout: options.captureTimeout ?? 500,
  })
}
