import type { Point } from '../../../../shared/model/board/geometry'
import type { BoardItem, Rect } from '../../../../shared/model/board/items'
import type { Camera, Size } from '../state/camera'
import type { DrawContext } from './drawContext'
import { stickyFill, type BoardPalette } from './palette'
import { createPen } from './pen'

/** How the minimap shows the world: `map = (world − origin) × scale + offset`. */
export type MinimapTransform = {
  readonly origin: Point
  readonly scale: number
  readonly offset: Point
}

/** The world the minimap shows: the board's content with some room around it. */
export function minimapWorld(content: Rect | undefined): Rect {
  if (content === undefined) return { x: -400, y: -300, w: 800, h: 600 }
  const pad = Math.max(content.w, content.h) * 0.08 + 40
  return { x: content.x - pad, y: content.y - pad, w: content.w + pad * 2, h: content.h + pad * 2 }
}

/** The transform fitting `world` into a minimap of `size`, centred. */
export function minimapTransform(world: Rect, size: Size): MinimapTransform {
  const scale = Math.min(size.width / Math.max(world.w, 1), size.height / Math.max(world.h, 1))
  return {
    origin: { x: world.x, y: world.y },
    scale,
    offset: {
      x: (size.width - world.w * scale) / 2,
      y: (size.height - world.h * scale) / 2,
    },
  }
}

export function minimapToWorld(transform: MinimapTransform, point: Point): Point {
  return {
    x: transform.origin.x + (point.x - transform.offset.x) / transform.scale,
    y: transform.origin.y + (point.y - transform.offset.y) / transform.scale,
  }
}

export function worldToMinimap(transform: MinimapTransform, rect: Rect): Rect {
  return {
    x: (rect.x - transform.origin.x) * transform.scale + transform.offset.x,
    y: (rect.y - transform.origin.y) * transform.scale + transform.offset.y,
    w: rect.w * transform.scale,
    h: rect.h * transform.scale,
  }
}

/** The camera (same zoom) that centres the main view on `world`. */
export function cameraCentredAt(camera: Camera, size: Size, world: Point): Camera {
  return {
    x: world.x - size.width / 2 / camera.zoom,
    y: world.y - size.height / 2 / camera.zoom,
    zoom: camera.zoom,
  }
}

/** Draws every item as a tiny rectangle (connectors are left out: too thin to see). */
export function drawMinimapItems(
  ctx: DrawContext,
  items: readonly BoardItem[],
  transform: MinimapTransform,
  size: Size,
  dpr: number,
  palette: BoardPalette,
): void {
  const pen = createPen(ctx)
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, size.width, size.height)
  for (const item of items) {
    if (item.kind === 'connector') continue
    const rect = worldToMinimap(transform, item)
    const w = Math.max(1, rect.w)
    const h = Math.max(1, rect.h)
    if (item.kind === 'frame') {
      pen.fill(palette.frameFill)
      ctx.fillRect(rect.x, rect.y, w, h)
      pen.stroke(palette.frameBorder)
      pen.width(1)
      ctx.strokeRect(rect.x + 0.5, rect.y + 0.5, w - 1, h - 1)
    } else {
      pen.fill(item.kind === 'sticky' ? stickyFill(item.color, palette.dark) : palette.textFaint)
      ctx.fillRect(rect.x, rect.y, w, h)
    }
  }
}

/**
 * Draws the viewport's rectangle, kept inside the map so a view far from the content still
 * shows which way it is.
 */
export function drawMinimapView(
  ctx: DrawContext,
  view: Rect,
  transform: MinimapTransform,
  size: Size,
  dpr: number,
  palette: BoardPalette,
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, size.width, size.height)
  const rect = worldToMinimap(transform, view)
  const w = Math.min(size.width - 2, Math.max(4, rect.w))
  const h = Math.min(size.height - 2, Math.max(4, rect.h))
  const x = Math.min(size.width - 1 - w, Math.max(1, rect.x))
  const y = Math.min(size.height - 1 - h, Math.max(1, rect.y))
  ctx.fillStyle = palette.accentSoft
  ctx.fillRect(x, y, w, h)
  // A halo in the board's colour under the accent line: on a full board the line would
  // otherwise vanish among stickies of a similar shade (in the dark theme above all).
  ctx.strokeStyle = palette.board
  ctx.lineWidth = 3.5
  ctx.strokeRect(x, y, w, h)
  ctx.strokeStyle = palette.accent
  ctx.lineWidth = 1.5
  ctx.strokeRect(x, y, w, h)
}
