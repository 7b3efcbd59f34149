import type { ItemId } from '../../../../shared/ids'
import { intersects } from '../../../../shared/model/board/geometry'
import { comparePaintOrder, type BoardItem, type Rect } from '../../../../shared/model/board/items'
import type { BoardPeer } from '../state/boardPresence'
import type { BoardScene } from '../state/boardScene'
import type { Interaction } from '../state/interaction'

/** What the painter needs of the scene. */
export type SceneView = Pick<BoardScene, 'get' | 'all' | 'query' | 'version'>

/**
 * Where items are drawn this frame when that is not where the document has them: my drag and
 * resize previews (interaction store) and other people's drags (their presence). A drag's ids
 * already hold what a dragged frame carries (the tools put its unlocked contents in). Mine
 * wins over someone else's for the same item.
 */
export type Placement = {
  /** The item as drawn: itself, or a moved / resized copy. */
  place(item: BoardItem): BoardItem
  /** `get` for connectors: the item at an end, as drawn. */
  readonly get: (id: ItemId) => BoardItem | undefined
  /** Items drawn away from where the document has them. */
  readonly moved: ReadonlySet<ItemId>
  /** Items I am dragging (drawn above the others). */
  readonly mine: ReadonlySet<ItemId>
}

type Offset = { readonly dx: number; readonly dy: number }

export function placeItems(
  scene: SceneView,
  interaction: Interaction,
  peers: readonly BoardPeer[],
): Placement {
  const offsets = new Map<ItemId, Offset>()
  const mine = new Set<ItemId>()
  for (const peer of peers) {
    const drag = peer.board.drag
    if (drag === null || (drag.dx === 0 && drag.dy === 0)) continue
    for (const id of drag.ids) offsets.set(id, drag)
  }
  const drag = interaction.drag
  if (drag !== undefined && (drag.dx !== 0 || drag.dy !== 0)) {
    for (const id of drag.ids) {
      offsets.set(id, drag)
      mine.add(id)
    }
  }
  const resize = interaction.resize
  const moved = new Set<ItemId>(offsets.keys())
  if (resize !== undefined) moved.add(resize.id)
  const copies = new Map<ItemId, BoardItem>()
  const place = (item: BoardItem): BoardItem => {
    if (!moved.has(item.id)) return item
    let copy = copies.get(item.id)
    if (copy === undefined) {
      const offset = offsets.get(item.id)
      copy =
        resize?.id === item.id
          ? { ...item, ...resize.rect }
          : { ...item, x: item.x + (offset?.dx ?? 0), y: item.y + (offset?.dy ?? 0) }
      copies.set(item.id, copy)
    }
    return copy
  }
  return {
    place,
    get(id) {
      const item = scene.get(id)
      return item === undefined ? undefined : place(item)
    },
    moved,
    mine,
  }
}

/**
 * The items to draw in `view` (world units), in paint order: what the scene's grid finds
 * there, plus moved items and the connectors at their ends, which may be drawn here while the
 * document still has them elsewhere.
 */
export function itemsToDraw(
  scene: SceneView,
  view: Rect,
  placement: Placement,
  connectors: () => readonly BoardItem[],
): BoardItem[] {
  const found = scene.query(view)
  if (placement.moved.size === 0) return found
  const ids = new Set(found.map((item) => item.id))
  const extra: BoardItem[] = []
  for (const id of placement.moved) {
    if (ids.has(id)) continue
    const item = placement.get(id)
    if (item !== undefined && item.kind !== 'connector' && intersects(item, view)) {
      const original = scene.get(id)
      if (original !== undefined) extra.push(original)
      ids.add(id)
    }
  }
  for (const connector of connectors()) {
    if (ids.has(connector.id)) continue
    const { from, to } = connector
    if (
      (from !== undefined && placement.moved.has(from)) ||
      (to !== undefined && placement.moved.has(to))
    ) {
      extra.push(connector)
      ids.add(connector.id)
    }
  }
  return extra.length === 0 ? found : [...found, ...extra].sort(comparePaintOrder)
}
