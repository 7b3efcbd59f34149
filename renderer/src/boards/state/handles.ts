import type { Point } from '../../../../shared/model/board/geometry'
import { MIN_SIZE, type Rect } from '../../../../shared/model/board/items'

/**
 * Resize handles of a selected item: where the canvas draws them and where the tools look for
 * them. Positions are in screen pixels (handles keep their size at any zoom).
 */
export const HANDLES = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'] as const
export type Handle = (typeof HANDLES)[number]

/** Side of a handle's square, in CSS pixels. */
export const HANDLE_SIZE = 9

export function handlePoint(rect: Rect, handle: Handle): Point {
  const left = rect.x
  const centre = rect.x + rect.w / 2
  const right = rect.x + rect.w
  const top = rect.y
  const middle = rect.y + rect.h / 2
  const bottom = rect.y + rect.h
  switch (handle) {
    case 'nw':
      return { x: left, y: top }
    case 'n':
      return { x: centre, y: top }
    case 'ne':
      return { x: right, y: top }
    case 'e':
      return { x: right, y: middle }
    case 'se':
      return { x: right, y: bottom }
    case 's':
      return { x: centre, y: bottom }
    case 'sw':
      return { x: left, y: bottom }
    case 'w':
      return { x: left, y: middle }
  }
}

/**
 * The handles an item of this on-screen size shows: all eight, or only the corners when it is
 * too small on screen for the side handles to be told apart.
 */
export function visibleHandles(screenRect: Rect): readonly Handle[] {
  return screenRect.w < HANDLE_SIZE * 4 || screenRect.h < HANDLE_SIZE * 4
    ? ['nw', 'ne', 'se', 'sw']
    : HANDLES
}

/** The handle under `point` (screen pixels), if any; corners win over sides. */
export function handleAt(screenRect: Rect, point: Point, slack = 3): Handle | undefined {
  const reach = HANDLE_SIZE / 2 + slack
  const order: readonly Handle[] = ['nw', 'ne', 'se', 'sw', 'n', 'e', 's', 'w']
  const shown = visibleHandles(screenRect)
  for (const handle of order) {
    if (!shown.includes(handle)) continue
    const at = handlePoint(screenRect, handle)
    if (Math.abs(point.x - at.x) <= reach && Math.abs(point.y - at.y) <= reach) return handle
  }
  return undefined
}

/**
 * The rectangle after dragging `handle` by (dx, dy) world units. Never smaller than
 * MIN_SIZE; the opposite edge stays put. With `keepAspect`, corners keep the proportions.
 */
export function resizeRect(
  rect: Rect,
  handle: Handle,
  dx: number,
  dy: number,
  keepAspect = false,
): Rect {
  let left = rect.x
  let top = rect.y
  let right = rect.x + rect.w
  let bottom = rect.y + rect.h
  if (handle.includes('w')) left = Math.min(left + dx, right - MIN_SIZE)
  if (handle.includes('e')) right = Math.max(right + dx, left + MIN_SIZE)
  if (handle.includes('n')) top = Math.min(top + dy, bottom - MIN_SIZE)
  if (handle.includes('s')) bottom = Math.max(bottom + dy, top + MIN_SIZE)
  if (keepAspect && handle.length === 2 && rect.w > 0 && rect.h > 0) {
    const scale = Math.max((right - left) / rect.w, (bottom - top) / rect.h)
    const w = rect.w * scale
    const h = rect.h * scale
    if (handle.includes('w')) left = right - w
    else right = left + w
    if (handle.includes('n')) top = bottom - h
    else bottom = top + h
  }
  return { x: left, y: top, w: right - left, h: bottom - top }
}

/** The CSS cursor over a handle. */
export function handleCursor(handle: Handle): string {
  switch (handle) {
    case 'nw':
    case 'se':
      return 'nwse-resize'
    case 'ne':
    case 'sw':
      return 'nesw-resize'
    case 'n':
    case 's':
      return 'ns-resize'
    case 'e':
    case 'w':
      return 'ew-resize'
  }
}
