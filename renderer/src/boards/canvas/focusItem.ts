import type { ItemId } from '../../../../shared/ids'
import type { Rect } from '../../../../shared/model/board/items'
import type { BoardRuntime } from '../boardRuntime'
import { DEFAULT_CAMERA, fitRect, type Camera, type Size } from '../state/camera'
import { FIT_PADDING } from './wholeBoard'

/**
 * "Open the board at this sticky" (a search hit, lib/route.ts `&i=<item>`): once the board
 * shows the item — from its preview or after its document applied, whichever comes first —
 * the view centres it at a readable zoom and selects it. The canvas's first "whole board"
 * view is skipped then (it only places an untouched camera). A board already on screen glides
 * there instead of jumping. The route's item is dropped when done, or given up when the board
 * has synced without it (deleted, or hidden in private mode).
 */

/** At most this zoom: a sticky comes out at about 200 px, readable without filling the view. */
export const READABLE_ZOOM = 1.25
const GLIDE_MS = 280
/** After the document synced, how long the item may still take to appear in the scene. */
const GIVE_UP_MS = 1500

/** The camera showing `rect` centred, whole, and no closer than {@link READABLE_ZOOM}. */
export function focusCamera(rect: Rect, size: Size): Camera {
  return fitRect(rect, size, FIT_PADDING, READABLE_ZOOM)
}

/** A camera between `from` and `to` (`t` from 0 to 1), the zoom moving geometrically. */
export function betweenCameras(from: Camera, to: Camera, t: number, size: Size): Camera {
  const zoom = from.zoom * Math.pow(to.zoom / from.zoom, t)
  // The viewport's centre travels in a straight line in world units.
  const fromCentre = {
    x: from.x + size.width / 2 / from.zoom,
    y: from.y + size.height / 2 / from.zoom,
  }
  const toCentre = { x: to.x + size.width / 2 / to.zoom, y: to.y + size.height / 2 / to.zoom }
  const cx = fromCentre.x + (toCentre.x - fromCentre.x) * t
  const cy = fromCentre.y + (toCentre.y - fromCentre.y) * t
  return { x: cx - size.width / 2 / zoom, y: cy - size.height / 2 / zoom, zoom }
}

const easeOut = (t: number): number => 1 - Math.pow(1 - t, 3)

/**
 * Waits for the item and a sized canvas, then selects it and brings it into view; `done` is
 * called with whether it was found. Returns a cancel.
 */
export function focusItem(
  runtime: Pick<BoardRuntime, 'scene' | 'size' | 'camera' | 'interaction' | 'sync'>,
  id: ItemId,
  done: (found: boolean) => void,
): () => void {
  let finished = false
  let giveUp: ReturnType<typeof setTimeout> | undefined
  const stops: (() => void)[] = []
  const stop = (): void => {
    for (const unsubscribe of stops.splice(0)) unsubscribe()
    clearTimeout(giveUp)
  }
  const finish = (found: boolean): void => {
    if (finished) return
    finished = true
    stop()
    done(found)
  }
  const attempt = (): void => {
    if (finished) return
    const item = runtime.scene.get(id)
    const size = runtime.size.getSnapshot()
    if (item === undefined) {
      if (runtime.sync.status.getSnapshot().synced && giveUp === undefined)
        giveUp = setTimeout(() => finish(false), GIVE_UP_MS)
      return
    }
    if (size.width === 0 || size.height === 0) return
    const from = runtime.camera.getSnapshot()
    const to = focusCamera(item, size)
    runtime.interaction.update({ selection: new Set([id]) })
    // An untouched camera is a board not yet shown: jump. Otherwise glide.
    if (from === DEFAULT_CAMERA || typeof requestAnimationFrame !== 'function') {
      runtime.camera.set(to)
    } else {
      const started = performance.now()
      const step = (): void => {
        const t = Math.min(1, (performance.now() - started) / GLIDE_MS)
        runtime.camera.set(t === 1 ? to : betweenCameras(from, to, easeOut(t), size))
        if (t < 1) requestAnimationFrame(step)
      }
      requestAnimationFrame(step)
    }
    finish(true)
  }
  stops.push(runtime.scene.subscribe(attempt))
  stops.push(runtime.size.subscribe(attempt))
  stops.push(runtime.sync.status.subscribe(attempt))
  attempt()
  // A glide under way is left to finish: the route drops the item as soon as it starts.
  return () => {
    finished = true
    stop()
  }
}
