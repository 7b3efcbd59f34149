import type * as Y from 'yjs'
import { COMMAND_ORIGIN } from '../schema'
import { boardItems, boardSession, type BoardActor } from './boardDoc'
import { readAllItems, type BoardItem } from './items'
import { requireFacilitator } from './session'

/**
 * Private mode's read side. Items a participant makes in private mode carry `hidden: true`
 * until the facilitator reveals them; every view of the board (canvas, lists, search,
 * exports, summaries) reads items through {@link visibleItems}, which leaves out the hidden
 * items of others — the facilitator's view included, so nobody is primed by early ideas.
 *
 * WARNING: this is a courtesy, not encryption. Every replica holds the whole document; the
 * UI must say so when private mode is on.
 */

/** Whether `viewer` may see `item` itself. */
function seenBy(item: BoardItem, viewerId: string): boolean {
  return !item.hidden || item.authorId === viewerId
}

/**
 * The items `viewer` may see, in paint order. Connectors show only when both their ends do
 * (an end may also be gone: one person deleting a sticky while another connects to it leaves
 * a dangling connector, which no view shows).
 */
export function visibleItems(doc: Y.Doc, viewer: Pick<BoardActor, 'id'>): BoardItem[] {
  const all = readAllItems(doc)
  const shown = new Set<string>()
  for (const item of all)
    if (item.kind !== 'connector' && seenBy(item, viewer.id)) shown.add(item.id)
  return all.filter((item) => {
    if (item.kind !== 'connector') return shown.has(item.id)
    return (
      seenBy(item, viewer.id) &&
      item.from !== undefined &&
      item.to !== undefined &&
      shown.has(item.from) &&
      shown.has(item.to)
    )
  })
}

/** Whether `viewer` may see `item` by itself (for views that keep items one by one). */
export function isVisibleTo(item: BoardItem, viewer: Pick<BoardActor, 'id'>): boolean {
  return seenBy(item, viewer.id)
}

/** How many items are still hidden, per author id (for "12 stickies waiting to be revealed"). */
export function hiddenCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of readAllItems(doc)) {
    if (item.hidden) counts.set(item.authorId, (counts.get(item.authorId) ?? 0) + 1)
  }
  return counts
}

/** Shows every hidden item to everyone; private mode stays on for new items. Facilitator only. */
export function revealItems(doc: Y.Doc, actor: BoardActor): void {
  requireFacilitator(doc, actor, 'reveal private items')
  doc.transact(() => {
    boardItems(doc).forEach((record) => {
      if (record.get('hidden') !== undefined) record.delete('hidden')
    })
  }, COMMAND_ORIGIN)
}

/** Turns private mode off and reveals everything hidden, in one update. Facilitator only. */
export function endPrivateMode(doc: Y.Doc, actor: BoardActor): void {
  requireFacilitator(doc, actor, 'end private mode')
  doc.transact(() => {
    boardSession(doc).set('privateMode', { on: false })
    boardItems(doc).forEach((record) => {
      if (record.get('hidden') !== undefined) record.delete('hidden')
    })
  }, COMMAND_ORIGIN)
}
