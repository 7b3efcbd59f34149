import type { Point } from '../../../../shared/model/board/geometry'
import type { Rect } from '../../../../shared/model/board/items'

/**
 * The view onto a board: the world point at the viewport's top-left corner and the zoom
 * (screen pixels per world unit). `screen = (world − {x, y}) × zoom`. Plain values: the
 * canvas redraws from them every frame; React never re-renders for a pan.
 */
export type Camera = { readonly x: number; readonly y: number; readonly zoom: number }
export type Size = { readonly width: number; readonly height: number }

export const MIN_ZOOM = 0.02
export const MAX_ZOOM = 4
export const DEFAULT_CAMERA: Camera = { x: -80, y: -80, zoom: 1 }

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom))
}

export function screenToWorld(camera: Camera, point: Point): Point {
  return { x: camera.x + point.x / camera.zoom, y: camera.y + point.y / camera.zoom }
}

export function worldToScreen(camera: Camera, point: Point): Point {
  return { x: (point.x - camera.x) * camera.zoom, y: (point.y - camera.y) * camera.zoom }
}

/** The part of the world a viewport of `size` shows. */
export function visibleRect(camera: Camera, size: Size): Rect {
  return { x: camera.x, y: camera.y, w: size.width / camera.zoom, h: size.height / camera.zoom }
}

/** Moves the view by a distance in screen pixels (a drag of the background). */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x - dx / camera.zoom, y: camera.y - dy / camera.zoom }
}

/** Zooms by `factor` keeping the world point under `anchor` (screen) where it is. */
export function zoomAt(camera: Camera, anchor: Point, factor: number): Camera {
  const zoom = clampZoom(camera.zoom * factor)
  const world = screenToWorld(camera, anchor)
  return { x: world.x - anchor.x / zoom, y: world.y - anchor.y / zoom, zoom }
}

/** The camera that shows `rect` whole in a viewport of `size`, with `padding` pixels around. */
export function fitRect(rect: Rect, size: Size, padding = 48, maxZoom = 1): Camera {
  const width = Math.max(1, size.width - padding * 2)
  const height = Math.max(1, size.height - padding * 2)
  const zoom = clampZoom(
    Math.min(maxZoom, width / Math.max(rect.w, 1), height / Math.max(rect.h, 1)),
  )
  return {
    x: rect.x + rect.w / 2 - size.width / 2 / zoom,
    y: rect.y + rect.h / 2 - size.height / 2 / zoom,
    zoom,
  }
}

/** The camera centred on the centre of `rect` at `zoom` (for "follow" and "bring to me"). */
export function centreOn(rect: Rect, size: Size, zoom: number): Camera {
  const z = clampZoom(zoom)
  return {
    x: rect.x + rect.w / 2 - size.width / 2 / z,
    y: rect.y + rect.h / 2 - size.height / 2 / z,
    zoom: z,
  }
}

export function sameCamera(a: Camera, b: Camera): boolean {
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom
}
