import type * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import { boardItems } from '../../../../shared/model/board/boardDoc'
import { connectorEnds, intersects, type Point } from '../../../../shared/model/board/geometry'
import {
  comparePaintOrder,
  readItem,
  type BoardItem,
  type Rect,
} from '../../../../shared/model/board/items'
import { observeItems } from '../../../../shared/model/board/observe'

/**
 * What one person sees of a board, kept current item by item: a snapshot per visible item
 * (private-mode rules of shared/model/board/visibility.ts applied), a grid index for "what is
 * in this rectangle" and "what is under the pointer", and the paint order. A remote edit to
 * one sticky re-reads that sticky only; drawing a frame asks the grid for what is on screen,
 * so cost follows the viewport, not the board (5,000 stickies and more).
 *
 * Listeners hear which ids changed (added, removed or updated, visibility included) once per
 * transaction.
 */
export type BoardScene = {
  readonly doc: Y.Doc
  /** A visible item by id. */
  get(id: ItemId): BoardItem | undefined
  /** Every visible item, in paint order (cached between changes). */
  all(): readonly BoardItem[]
  readonly size: number
  /** Visible items whose bounds meet `rect` (world units), in paint order. */
  query(rect: Rect): BoardItem[]
  /** The top-most visible item at `point`; connectors within `tolerance` of their line. */
  hit(point: Point, tolerance?: number): BoardItem | undefined
  /** The bounds of every visible item (undefined for an empty board). */
  bounds(): Rect | undefined
  /** Grows with every change; a cheap "did anything change" for views. */
  readonly version: number
  subscribe(listener: (changed: ReadonlySet<ItemId>) => void): () => void
  /**
   * Shows a board's preview (shared/model/board/preview.ts) until the document has items:
   * the first change of the document's items replaces it, item by item. Returns false, and
   * shows nothing, when the document already has items.
   */
  showPreview(items: readonly BoardItem[]): boolean
  /** The document has synced: anything still shown from the preview is read from it. */
  endPreview(): void
  destroy(): void
}

/** World units per grid cell: a sticky is 160, so a cell holds a few dozen at most. */
export const CELL = 512

function cellKey(cx: number, cy: number): number {
  // Cells within ±2^20 on each axis (±5e8 world units) map to distinct keys.
  return (cx + 1048576) * 2097152 + (cy + 1048576)
}

function cellsOf(rect: Rect): [number, number, number, number] {
  return [
    Math.floor(rect.x / CELL),
    Math.floor(rect.y / CELL),
    Math.floor((rect.x + rect.w) / CELL),
    Math.floor((rect.y + rect.h) / CELL),
  ]
}

/** Distance from `p` to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length = dx * dx + dy * dy
  const t =
    length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

/** Where a connector's line runs, from the items at its ends. */
export function connectorLine(
  connector: BoardItem,
  get: (id: ItemId) => BoardItem | undefined,
): [Point, Point] | undefined {
  const from = connector.from === undefined ? undefined : get(connector.from)
  const to = connector.to === undefined ? undefined : get(connector.to)
  if (from === undefined || to === undefined) return undefined
  const ends = connectorEnds(from, to, connector)
  return [ends.from, ends.to]
}

export function createBoardScene(doc: Y.Doc, viewer: { id: string }): BoardScene {
  /** Every item this version understands, visible or not. */
  const known = new Map<ItemId, BoardItem>()
  /** The visible ones, with the bounds they are indexed under. */
  const shown = new Map<ItemId, { item: BoardItem; bounds: Rect }>()
  /** Connectors by the items at their ends: they move and show with them. */
  const byEnd = new Map<ItemId, Set<ItemId>>()
  const grid = new Map<number, Set<ItemId>>()
  const listeners = new Set<(changed: ReadonlySet<ItemId>) => void>()
  let ordered: BoardItem[] | undefined
  let version = 0
  /** Ids shown from a preview, not (yet) read from the document. */
  let previewed = new Set<ItemId>()

  const seen = (item: BoardItem): boolean => !item.hidden || item.authorId === viewer.id
  const visible = (id: ItemId): BoardItem | undefined => shown.get(id)?.item

  const index = (id: ItemId, bounds: Rect, add: boolean): void => {
    const [x0, y0, x1, y1] = cellsOf(bounds)
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy)
        let cell = grid.get(key)
        if (add) {
          if (cell === undefined) grid.set(key, (cell = new Set()))
          cell.add(id)
        } else if (cell !== undefined) {
          cell.delete(id)
          if (cell.size === 0) grid.delete(key)
        }
      }
    }
  }

  const unshow = (id: ItemId): boolean => {
    const entry = shown.get(id)
    if (entry === undefined) return false
    index(id, entry.bounds, false)
    shown.delete(id)
    return true
  }

  const boundsOfItem = (item: BoardItem): Rect | undefined => {
    if (item.kind !== 'connector') return item
    const line = connectorLine(item, visible)
    if (line === undefined) return undefined
    const [a, b] = line
    return {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      w: Math.abs(a.x - b.x),
      h: Math.abs(a.y - b.y),
    }
  }

  /** Re-derives whether and where `id` shows; records it in `changed` when that differs. */
  const refresh = (id: ItemId, changed: Set<ItemId>): void => {
    const item = known.get(id)
    const wasShown = unshow(id)
    if (item === undefined || !seen(item)) {
      if (wasShown) changed.add(id)
      return
    }
    const bounds = boundsOfItem(item)
    if (bounds === undefined) {
      if (wasShown) changed.add(id)
      return
    }
    shown.set(id, { item, bounds })
    index(id, bounds, true)
    changed.add(id)
  }

  const link = (item: BoardItem, add: boolean): void => {
    if (item.kind !== 'connector') return
    for (const end of [item.from, item.to]) {
      if (end === undefined) continue
      let set = byEnd.get(end)
      if (add) {
        if (set === undefined) byEnd.set(end, (set = new Set()))
        set.add(item.id)
      } else if (set !== undefined) {
        set.delete(item.id)
        if (set.size === 0) byEnd.delete(end)
      }
    }
  }

  const apply = (
    ids: Iterable<ItemId>,
    read: (id: ItemId) => BoardItem | undefined = (id) => readItem(id, boardItems(doc).get(id)),
  ): Set<ItemId> => {
    const changed = new Set<ItemId>()
    const touched: ItemId[] = []
    for (const id of ids) {
      const before = known.get(id)
      if (before !== undefined) link(before, false)
      const after = read(id)
      if (after === undefined) known.delete(id)
      else {
        known.set(id, after)
        link(after, true)
      }
      touched.push(id)
    }
    // Items first, then the connectors at their ends (which follow them, and show only when
    // both ends do).
    const connectors = new Set<ItemId>()
    for (const id of touched) {
      if (known.get(id)?.kind === 'connector') connectors.add(id)
      else {
        refresh(id, changed)
        for (const connector of byEnd.get(id) ?? []) connectors.add(connector)
      }
    }
    for (const id of connectors) refresh(id, changed)
    return changed
  }

  // First read: every item.
  const initial: ItemId[] = []
  boardItems(doc).forEach((_, id) => initial.push(id as ItemId))
  apply(initial)

  const notify = (changed: ReadonlySet<ItemId>): void => {
    if (changed.size === 0) return
    ordered = undefined
    version++
    for (const listener of [...listeners]) listener(changed)
  }

  const stop = observeItems(doc, ({ added, removed, changed }) => {
    // The document replaces a preview whole: what it lacks is gone.
    const ids = new Set<ItemId>([...previewed, ...added, ...removed, ...changed])
    previewed = new Set()
    notify(apply(ids))
  })

  const query = (rect: Rect): BoardItem[] => {
    const [x0, y0, x1, y1] = cellsOf(rect)
    const cells = (x1 - x0 + 1) * (y1 - y0 + 1)
    // A rectangle over most of the board: walking the items is cheaper than the cells.
    if (cells > grid.size) {
      return scene.all().filter((item) => {
        const bounds = shown.get(item.id)?.bounds
        return bounds !== undefined && intersects(bounds, rect)
      })
    }
    const found = new Set<ItemId>()
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (const id of grid.get(cellKey(cx, cy)) ?? []) found.add(id)
      }
    }
    const result: BoardItem[] = []
    for (const id of found) {
      const entry = shown.get(id)
      if (entry !== undefined && intersects(entry.bounds, rect)) result.push(entry.item)
    }
    return result.sort(comparePaintOrder)
  }

  const scene: BoardScene = {
    doc,
    get: visible,
    all() {
      ordered ??= [...shown.values()].map((entry) => entry.item).sort(comparePaintOrder)
      return ordered
    },
    get size() {
      return shown.size
    },
    query,
    hit(point, tolerance = 6) {
      const near = query({
        x: point.x - tolerance,
        y: point.y - tolerance,
        w: tolerance * 2,
        h: tolerance * 2,
      })
      for (let i = near.length - 1; i >= 0; i--) {
        const item = near[i] as BoardItem
        if (item.kind !== 'connector') {
          if (
            point.x >= item.x &&
            point.x <= item.x + item.w &&
            point.y >= item.y &&
            point.y <= item.y + item.h
          ) {
            return item
          }
          continue
        }
        const line = connectorLine(item, visible)
        if (line !== undefined && segmentDistance(point, line[0], line[1]) <= tolerance) return item
      }
      return undefined
    },
    bounds() {
      let left = Infinity
      let top = Infinity
      let right = -Infinity
      let bottom = -Infinity
      for (const { bounds } of shown.values()) {
        left = Math.min(left, bounds.x)
        top = Math.min(top, bounds.y)
        right = Math.max(right, bounds.x + bounds.w)
        bottom = Math.max(bottom, bounds.y + bounds.h)
      }
      return left === Infinity ? undefined : { x: left, y: top, w: right - left, h: bottom - top }
    },
    get version() {
      return version
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    showPreview(items) {
      if (boardItems(doc).size > 0) return false
      const byId = new Map(items.map((item) => [item.id, item]))
      // A second preview (after a reconnect) replaces the first.
      const ids = new Set([...previewed, ...byId.keys()])
      previewed = new Set(byId.keys())
      notify(apply(ids, (id) => byId.get(id)))
      return true
    },
    endPreview() {
      if (previewed.size === 0) return
      const ids = previewed
      previewed = new Set()
      notify(apply(ids))
    },
    destroy() {
      stop()
      listeners.clear()
    },
  }
  return scene
}
