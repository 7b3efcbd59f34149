import { describe, expect, it } from 'vitest'
import { formatClock, parseMinutes, sameTimerView, timerRanOut, timerView } from './timerView'

describe('formatClock', () => {
  it('shows mm:ss under an hour and h:mm:ss from an hour, rounding partial seconds up', () => {
    expect(formatClock(0)).toBe('00:00')
    expect(formatClock(5)).toBe('00:05')
    expect(formatClock(4.2)).toBe('00:05')
    expect(formatClock(65)).toBe('01:05')
    expect(formatClock(600)).toBe('10:00')
    expect(formatClock(3599)).toBe('59:59')
    expect(formatClock(3600)).toBe('1:00:00')
    expect(formatClock(4 * 3600)).toBe('4:00:00')
    expect(formatClock(-3)).toBe('00:00')
  })
})

describe('parseMinutes', () => {
  it('takes whole and decimal minutes, with a point or a Norwegian comma', () => {
    expect(parseMinutes('7')).toBe(7)
    expect(parseMinutes(' 2,5 ')).toBe(2.5)
    expect(parseMinutes('2.5')).toBe(2.5)
    expect(parseMinutes('240')).toBe(240)
  })

  it('refuses zero, too long, negative and anything not a number', () => {
    for (const text of ['', '0', '0.001', '241', '-3', 'abc', '5 min', '1e3', '2,5,1']) {
      expect(parseMinutes(text), text).toBeUndefined()
    }
  })
})

describe('timerView', () => {
  it('shows whole seconds left, never more than the duration (a clock running behind)', () => {
    expect(
      timerView({ status: 'running', endsAt: 10_000, remainingMs: 61_200, durationMs: 60_000 }),
    ).toEqual({ status: 'running', seconds: 60, durationMs: 60_000 })
    expect(
      timerView({ status: 'running', endsAt: 10_000, remainingMs: 4_001, durationMs: 60_000 }),
    ).toEqual({ status: 'running', seconds: 5, durationMs: 60_000 })
    expect(timerView({ status: 'paused', remainingMs: 30_000, durationMs: 60_000 })).toEqual({
      status: 'paused',
      seconds: 30,
      durationMs: 60_000,
    })
    expect(timerView({ status: 'idle' })).toEqual({ status: 'idle' })
  })

  it('is the same view while the shown second does not change', () => {
    const a = timerView({ status: 'running', endsAt: 0, remainingMs: 4_900, durationMs: 9_000 })
    const b = timerView({ status: 'running', endsAt: 0, remainingMs: 4_100, durationMs: 9_000 })
    const c = timerView({ status: 'running', endsAt: 0, remainingMs: 3_900, durationMs: 9_000 })
    expect(sameTimerView(a, b)).toBe(true)
    expect(sameTimerView(a, c)).toBe(false)
    expect(sameTimerView(a, { status: 'paused', seconds: 5, durationMs: 9_000 })).toBe(false)
  })
})

describe('timerRanOut', () => {
  const running = { status: 'running', seconds: 1, durationMs: 60_000 } as const
  const done = { status: 'done', durationMs: 60_000 } as const

  it('is true only when a running timer is seen finishing', () => {
    expect(timerRanOut(running, done)).toBe(true)
    expect(timerRanOut(undefined, done)).toBe(false)
    expect(timerRanOut(done, done)).toBe(false)
    expect(timerRanOut({ ...running, status: 'paused' }, done)).toBe(false)
    expect(timerRanOut(running, { status: 'idle' })).toBe(false)
  })
})
