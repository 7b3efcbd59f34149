/**
 * Runs `run` at most once per `intervalMs`: the first call runs at once, calls inside the
 * interval collapse into one trailing run at its end, so the last call is never lost.
 */
export type Throttled = {
  schedule(): void
  /** Runs a pending trailing call now. */
  flush(): void
  cancel(): void
}

export function throttle(run: () => void, intervalMs: number, now: () => number = Date.now) {
  let lastRun = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined
  const fire = (): void => {
    timer = undefined
    lastRun = now()
    run()
  }
  const throttled: Throttled = {
    schedule() {
      if (timer !== undefined) return
      const wait = lastRun + intervalMs - now()
      if (wait <= 0) fire()
      else timer = setTimeout(fire, wait)
    },
    flush() {
      if (timer === undefined) return
      clearTimeout(timer)
      fire()
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
  }
  return throttled
}

/** Calls `run` once `delayMs` after the last `schedule()`. */
export type Debounced = Throttled

export function debounce(run: () => void, delayMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined
  return {
    schedule() {
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        run()
      }, delayMs)
    },
    flush() {
      if (timer === undefined) return
      clearTimeout(timer)
      timer = undefined
      run()
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
  }
}
