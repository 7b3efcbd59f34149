import type { BoardRuntime } from '../boardRuntime'
import { fitRect } from '../state/camera'

/**
 * Room around the board when it is shown whole, in screen pixels: the tool rail floats over
 * the left edge, the zoom controls and minimap over the bottom right.
 */
export const FIT_PADDING = 72

/**
 * Shows the whole board: the first view, the zoom controls' fit button and Shift+1 (nothing
 * happens on an empty board or an unsized canvas).
 */
export function showWholeBoard(runtime: Pick<BoardRuntime, 'scene' | 'size' | 'camera'>): void {
  const bounds = runtime.scene.bounds()
  const size = runtime.size.getSnapshot()
  if (bounds === undefined || size.width === 0 || size.height === 0) return
  runtime.camera.set(fitRect(bounds, size, FIT_PADDING))
}
