import { MAX_TIMER_MS, type TimerState } from '../../../../shared/model/board/session'

/** The timer's start buttons, in minutes. */
export const TIMER_PRESET_MINUTES = [1, 3, 5, 10] as const
export const MAX_TIMER_MINUTES = MAX_TIMER_MS / 60_000

/**
 * What the timer shows: whole seconds left, so the bar re-renders once a second though the
 * clock is read four times a second.
 *
 * Clock skew, decided: everyone counts down to the end time the facilitator wrote, on their
 * own clock, and we accept that a device whose clock is off sees the end that much early or
 * late (computers and phones keep network time, usually within a second). Estimating an
 * offset would need a round trip the awareness protocol does not have, and awareness states
 * relayed on join can be seconds old, so an estimate would often be worse than the clocks.
 * One correction is safe: a clock running behind would show more than the timer was set for,
 * so the shown time never exceeds the duration.
 */
export type TimerView =
  | { status: 'idle' }
  | { status: 'running' | 'paused'; seconds: number; durationMs: number }
  | { status: 'done'; durationMs: number }

export function timerView(state: TimerState): TimerView {
  switch (state.status) {
    case 'idle':
      return { status: 'idle' }
    case 'done':
      return { status: 'done', durationMs: state.durationMs }
    case 'running':
    case 'paused':
      return {
        status: state.status,
        seconds: Math.ceil(Math.min(state.remainingMs, state.durationMs) / 1000),
        durationMs: state.durationMs,
      }
  }
}

export function sameTimerView(a: TimerView, b: TimerView): boolean {
  if (a.status !== b.status) return false
  if (a.status === 'idle' || b.status === 'idle') return true
  if (a.durationMs !== b.durationMs) return false
  return a.status === 'done' || b.status === 'done' || a.seconds === b.seconds
}

/**
 * Whether the timer ran out between two readings on this screen: a running timer is done
 * now. A timer found already done (opening the board late) or stopped early does not count,
 * so the chime sounds once, for people who were there.
 */
export function timerRanOut(previous: TimerView | undefined, next: TimerView): boolean {
  return previous?.status === 'running' && next.status === 'done'
}

/** `mm:ss` under an hour (`04:05`, `12:00`), `h:mm:ss` from an hour. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  const mm = String(m).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/**
 * A minute count typed by the facilitator: `7`, `2.5` or `2,5` (Norwegian decimal comma).
 * Undefined for anything else, zero, or more than the timer allows.
 */
export function parseMinutes(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.')
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(trimmed)) return undefined
  const minutes = Number(trimmed)
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_TIMER_MINUTES) return undefined
  // Below a second is not a timer.
  return minutes * 60_000 >= 1000 ? minutes : undefined
}
