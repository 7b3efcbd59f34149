import type { Point } from '../../../../shared/model/board/geometry'
import type { Rect } from '../../../../shared/model/board/items'
import { showWholeBoard } from '../canvas/wholeBoard'
import { panBy, screenToWorld, visibleRect, zoomAt, type Camera } from '../state/camera'
import type { WheelInput } from './controllerTypes'
import type { ToolContext } from './toolContext'

/**
 * Moving the view: wheel, zoom steps, zoom to fit, 100 %, and bringing an item on screen.
 * They change the camera store only — never the document.
 */

/** One zoom step of the keyboard and the tool bar. */
export const ZOOM_STEP = 1.25
/**
 * A wheel's dy per e-fold of zoom. Chromium reports a trackpad pinch as a Ctrl+wheel whose dy
 * is about −100·ln(scale), so `exp(−dy / 100)` follows the fingers exactly; a mouse notch
 * (dy ≈ 100) is clamped so that one notch is one comfortable step.
 */
const WHEEL_ZOOM_SCALE = 100
const WHEEL_ZOOM_MAX_DY = 22

function centreOf(ctx: ToolContext): Point {
  const { width, height } = ctx.runtime.size.getSnapshot()
  return { x: width / 2, y: height / 2 }
}

function setCamera(ctx: ToolContext, camera: Camera): void {
  ctx.runtime.camera.set(camera)
}

export function wheel(ctx: ToolContext, input: WheelInput): void {
  const camera = ctx.camera()
  if (input.mod) {
    const dy = Math.max(-WHEEL_ZOOM_MAX_DY, Math.min(WHEEL_ZOOM_MAX_DY, input.dy))
    setCamera(ctx, zoomAt(camera, input, Math.exp(-dy / WHEEL_ZOOM_SCALE)))
    return
  }
  // Shift+wheel scrolls sideways (some systems already swap the axes; then dx is set).
  const dx = input.shift === true && input.dx === 0 ? input.dy : input.dx
  const dy = input.shift === true && input.dx === 0 ? 0 : input.dy
  setCamera(ctx, panBy(camera, -dx, -dy))
}

/** Zooms by `factor` about the middle of the view. */
export function zoomBy(ctx: ToolContext, factor: number): void {
  setCamera(ctx, zoomAt(ctx.camera(), centreOf(ctx), factor))
}

/**
 * The camera at exactly 100 %, keeping the world point under `anchor` (screen) where it is.
 * Exactly: `zoom × (1 / zoom)` is not always 1 in floating point, and text at 0.9999… is
 * resampled.
 */
export function atActualSize(camera: Camera, anchor: Point): Camera {
  const world = screenToWorld(camera, anchor)
  return { x: world.x - anchor.x, y: world.y - anchor.y, zoom: 1 }
}

/** 100 %, keeping the middle of the view where it is. */
export function zoomToActual(ctx: ToolContext): void {
  setCamera(ctx, atActualSize(ctx.camera(), centreOf(ctx)))
}

/**
 * Shows everything on the board, with the room the canvas's fit button and first view leave
 * for the tool rail and the zoom controls.
 */
export function zoomToFit(ctx: ToolContext): void {
  showWholeBoard(ctx.runtime)
}

/** Screen pixels kept between an item brought into view and the edge of the canvas. */
const SCROLL_MARGIN = 48

/**
 * Pans as little as possible so `rect` is on screen with a margin (an item larger than the
 * view gets its top-left corner shown). The zoom stays: Tab must not jump the scale around.
 */
export function scrollIntoView(ctx: ToolContext, rect: Rect): void {
  const camera = ctx.camera()
  const size = ctx.runtime.size.getSnapshot()
  if (size.width === 0 || size.height === 0) return
  const view = visibleRect(camera, size)
  const margin = SCROLL_MARGIN / camera.zoom
  const shift = (start: number, length: number, viewStart: number, viewLength: number): number => {
    const room = viewLength - 2 * margin
    if (length > room || start < viewStart + margin) return start - margin - viewStart
    if (start + length > viewStart + viewLength - margin) {
      return start + length + margin - (viewStart + viewLength)
    }
    return 0
  }
  const dx = shift(rect.x, rect.w, view.x, view.w)
  const dy = shift(rect.y, rect.h, view.y, view.h)
  if (dx !== 0 || dy !== 0) setCamera(ctx, { ...camera, x: camera.x + dx, y: camera.y + dy })
}
