/**
 * Runs `task` once the next frame has been painted (a frame callback runs before the paint; a
 * task queued from it runs after). Returns a canceller, so it fits an effect's cleanup.
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
