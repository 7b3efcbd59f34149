/**
 * Paints at most once per animation frame, however many stores changed in between: every
 * change only marks the canvas stale.
 */
export type RenderLoop = {
  /** Something drawn changed: paint with the next frame. */
  readonly invalidate: () => void
  readonly destroy: () => void
}

export type FrameScheduler = {
  request(callback: () => void): number
  cancel(handle: number): void
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
}

export function createRenderLoop(
  paint: () => void,
  frames: FrameScheduler = animationFrames,
): RenderLoop {
  let handle: number | undefined
  let destroyed = false
  const run = (): void => {
    handle = undefined
    if (!destroyed) paint()
  }
  return {
    invalidate() {
      if (handle !== undefined || destroyed) return
      handle = frames.request(run)
    },
    destroy() {
      destroyed = true
      if (handle !== undefined) frames.cancel(handle)
      handle = undefined
    },
  }
}
