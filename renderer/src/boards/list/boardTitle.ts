import type * as Y from 'yjs'
import type { BoardId } from '../../../../shared/ids'
import { renameBoard as renameBoardDoc } from '../../../../shared/model/board/boardDoc'
import { renameBoard } from '../../../../shared/model/boards'

/** The documents of the boards open on this screen, by id (see registerOpenBoard). */
const openBoardDocs = new Map<BoardId, Y.Doc>()

/**
 * Tells the list that `doc` is the open document of board `id`, so a rename from the list
 * reaches the board's own title too. Returns the disposer.
 */
export function registerOpenBoard(id: BoardId, doc: Y.Doc): () => void {
  openBoardDocs.set(id, doc)
  return () => {
    if (openBoardDocs.get(id) === doc) openBoardDocs.delete(id)
  }
}

/**
 * Renames a board where people read its title: the workspace's list entry (what the list and
 * the board's header show) and, when the board is open here, its document's own `meta.title`
 * (what exports and summaries use). A board that is not open keeps its old `meta.title` until
 * it is renamed while open; readers prefer the list entry.
 */
export function renameBoardEverywhere(
  root: Y.Doc,
  id: BoardId,
  input: { title: string; now: number },
): void {
  renameBoard(root, id, input)
  const doc = openBoardDocs.get(id)
  if (doc !== undefined) renameBoardDoc(doc, input.title)
}
