import type { BoardItem, Rect, Side } from './items'
import { itemCenter } from './items'

/**
 * Board geometry the canvas, the exports (SVG, PNG) and the tests share: where a connector's
 * ends sit, and which items a rectangle (a marquee, the viewport) touches.
 */
export type Point = { x: number; y: number }
export type ConnectorEnd = Point & { side: Side }

/** The middle of one side of a rectangle. */
export function sideAnchor(rect: Rect, side: Side): Point {
  switch (side) {
    case 'top':
      return { x: rect.x + rect.w / 2, y: rect.y }
    case 'right':
      return { x: rect.x + rect.w, y: rect.y + rect.h / 2 }
    case 'bottom':
      return { x: rect.x + rect.w / 2, y: rect.y + rect.h }
    case 'left':
      return { x: rect.x, y: rect.y + rect.h / 2 }
  }
}

/** The side of `rect` that faces `toward` (by the larger of the two centre offsets). */
export function facingSide(rect: Rect, toward: Point): Side {
  const center = itemCenter(rect)
  const dx = toward.x - center.x
  const dy = toward.y - center.y
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'right' : 'left'
  return dy >= 0 ? 'bottom' : 'top'
}

/**
 * Where a connector between two items starts and ends: on the sides it was attached to, or
 * else on the sides facing each other, so arrows follow items as they move.
 */
export function connectorEnds(
  from: Rect,
  to: Rect,
  sides: { fromSide?: Side | undefined; toSide?: Side | undefined } = {},
): { from: ConnectorEnd; to: ConnectorEnd } {
  const fromSide = sides.fromSide ?? facingSide(from, itemCenter(to))
  const toSide = sides.toSide ?? facingSide(to, itemCenter(from))
  return {
    from: { ...sideAnchor(from, fromSide), side: fromSide },
    to: { ...sideAnchor(to, toSide), side: toSide },
  }
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  )
}

/** A rectangle from two corners in any order (a marquee drag). */
export function rectFromPoints(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  }
}

/**
 * The items (not connectors) a rectangle selects: those it touches, or only those wholly
 * inside it. Frames are selected only when wholly inside, so a marquee drawn inside a frame
 * picks its stickies rather than the frame.
 */
export function itemsInRect(
  items: readonly BoardItem[],
  rect: Rect,
  mode: 'touch' | 'contain' = 'touch',
): BoardItem[] {
  return items.filter((item) => {
    if (item.kind === 'connector') return false
    if (mode === 'contain' || item.kind === 'frame') return containsRect(rect, item)
    return intersects(rect, item)
  })
}
