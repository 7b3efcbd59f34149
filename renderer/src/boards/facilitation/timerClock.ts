import type * as Y from 'yjs'
import { observeBoardState } from '../../../../shared/model/board/observe'
import { readTimer } from '../../../../shared/model/board/session'
import type { ExternalStore } from '../../lib/externalStore'
import { sameTimerView, timerRanOut, timerView, type TimerView } from './timerView'

/** How often a running timer is read: four times a second keeps the shown second on time. */
export const TIMER_TICK_MS = 250

/**
 * The board's timer as shown on this screen, re-read when the session changes and every
 * {@link TIMER_TICK_MS} while it runs (no ticking while idle, paused or done). Listeners hear
 * only when the shown second or status changes; `onRanOut` hears the moment it runs out.
 */
export type TimerClock = ExternalStore<TimerView> & {
  onRanOut(listener: () => void): () => void
}

export function createTimerClock(doc: Y.Doc, now: () => number = Date.now): TimerClock {
  let view: TimerView | undefined
  let unwatched: TimerView | undefined
  let interval: ReturnType<typeof setInterval> | undefined
  let stopObserving: (() => void) | undefined
  const listeners = new Set<() => void>()
  const ranOut = new Set<() => void>()

  const read = (): void => {
    const next = timerView(readTimer(doc, now()))
    const previous = view
    if (next.status === 'running' && interval === undefined) {
      interval = setInterval(read, TIMER_TICK_MS)
    } else if (next.status !== 'running' && interval !== undefined) {
      clearInterval(interval)
      interval = undefined
    }
    if (previous !== undefined && sameTimerView(previous, next)) return
    view = next
    if (previous === undefined) return
    for (const listener of [...listeners]) listener()
    if (timerRanOut(previous, next)) for (const listener of [...ranOut]) listener()
  }

  const stop = (): void => {
    stopObserving?.()
    stopObserving = undefined
    if (interval !== undefined) clearInterval(interval)
    interval = undefined
    // A later subscriber starts afresh: a timer that ran out meanwhile does not chime then.
    view = undefined
  }

  const start = (): void => {
    if (stopObserving !== undefined) return
    stopObserving = observeBoardState(doc, read)
    read()
  }

  const release = (): void => {
    if (listeners.size === 0 && ranOut.size === 0) stop()
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      start()
      return () => {
        listeners.delete(listener)
        release()
      }
    },
    getSnapshot() {
      if (view !== undefined) return view
      // Read without a subscriber (the first render): no interval is started for it.
      const next = timerView(readTimer(doc, now()))
      if (unwatched === undefined || !sameTimerView(unwatched, next)) unwatched = next
      return unwatched
    },
    onRanOut(listener) {
      ranOut.add(listener)
      start()
      return () => {
        ranOut.delete(listener)
        release()
      }
    },
  }
}
