import type { ItemId } from '../../../../shared/ids'
import type { Rect } from '../../../../shared/model/board/items'

/** An item as Tab sees it: where it is and the frame it sits in. */
export type PlacedItem = { id: ItemId; frameId: ItemId | undefined; rect: Rect }

/**
 * The order Tab walks a board in, as one reads a page: rows from top to bottom, left to right
 * within a row, and a frame's contents right after the frame (before whatever comes next
 * beside it), so the columns of a template are read one column at a time.
 *
 * A row starts at the top-most item left; items whose top is above that item's middle join
 * it. Stickies placed by hand are never exactly level, and plain (y, x) order would zigzag.
 */
export function readingOrder(items: readonly PlacedItem[]): ItemId[] {
  const ids = new Set(items.map((item) => item.id))
  const children = new Map<ItemId | undefined, PlacedItem[]>()
  for (const item of items) {
    const parent =
      item.frameId !== undefined && item.frameId !== item.id && ids.has(item.frameId)
        ? item.frameId
        : undefined
    const siblings = children.get(parent)
    if (siblings === undefined) children.set(parent, [item])
    else siblings.push(item)
  }
  const order: ItemId[] = []
  const seen = new Set<ItemId>()
  const visit = (list: readonly PlacedItem[]): void => {
    for (const item of inRows(list)) {
      if (seen.has(item.id)) continue
      seen.add(item.id)
      order.push(item.id)
      visit(children.get(item.id) ?? [])
    }
  }
  visit(children.get(undefined) ?? [])
  // Frames inside each other in a loop (two people re-parenting at once) are never reached
  // from the top level: they come last, still in reading order.
  if (order.length < items.length) visit(items.filter((item) => !seen.has(item.id)))
  return order
}

function inRows(items: readonly PlacedItem[]): PlacedItem[] {
  const sorted = [...items].sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x)
  const result: PlacedItem[] = []
  let row: PlacedItem[] = []
  let rowMiddle = -Infinity
  const flush = (): void => {
    row.sort((a, b) => a.rect.x - b.rect.x || a.rect.y - b.rect.y)
    result.push(...row)
    row = []
  }
  for (const item of sorted) {
    if (row.length > 0 && item.rect.y >= rowMiddle) flush()
    if (row.length === 0) rowMiddle = item.rect.y + item.rect.h / 2
    row.push(item)
  }
  flush()
  return result
}
