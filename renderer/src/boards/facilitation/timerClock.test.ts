import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../../../shared/model/board/boardDoc'
import {
  extendTimer,
  pauseTimer,
  startSession,
  startTimer,
  stopTimer,
} from '../../../../shared/model/board/session'
import { ANNE } from '../../../../shared/model/board/testing'
import { createTimerClock } from './timerClock'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Workshop', actor: ANNE, now: 0 })
  startSession(doc, ANNE)
  return doc
}

describe('timer clock', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(1_000_000)
  })
  afterEach(() => vi.useRealTimers())

  it('ticks while running, tells once when it runs out, and stops ticking', () => {
    const doc = board()
    const clock = createTimerClock(doc)
    const changes = vi.fn()
    const ranOut = vi.fn()
    const unsubscribe = clock.subscribe(changes)
    const stopRanOut = clock.onRanOut(ranOut)
    expect(clock.getSnapshot()).toEqual({ status: 'idle' })

    startTimer(doc, ANNE, { durationMs: 3_000, now: Date.now() })
    expect(clock.getSnapshot()).toEqual({ status: 'running', seconds: 3, durationMs: 3_000 })
    vi.advanceTimersByTime(1_000)
    expect(clock.getSnapshot()).toMatchObject({ seconds: 2 })
    // One notification per shown second, not per tick.
    expect(changes).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(2_000)
    expect(clock.getSnapshot()).toEqual({ status: 'done', durationMs: 3_000 })
    expect(ranOut).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(5_000)
    expect(ranOut).toHaveBeenCalledTimes(1)
    unsubscribe()
    stopRanOut()
  })

  it('does not ring for a timer stopped or paused before its end, nor one found finished', () => {
    const doc = board()
    startTimer(doc, ANNE, { durationMs: 1_000, now: Date.now() - 5_000 })
    const clock = createTimerClock(doc)
    const ranOut = vi.fn()
    const stop = clock.onRanOut(ranOut)
    expect(clock.getSnapshot()).toMatchObject({ status: 'done' })

    extendTimer(doc, ANNE, { ms: 2_000, now: Date.now() })
    pauseTimer(doc, ANNE, Date.now() + 500)
    vi.advanceTimersByTime(5_000)
    expect(clock.getSnapshot()).toMatchObject({ status: 'paused' })
    stopTimer(doc, ANNE)
    expect(clock.getSnapshot()).toEqual({ status: 'idle' })
    expect(ranOut).not.toHaveBeenCalled()
    stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('gives one snapshot object while nothing changes, even without subscribers', () => {
    const doc = board()
    startTimer(doc, ANNE, { durationMs: 60_000, now: Date.now() })
    const clock = createTimerClock(doc)
    expect(clock.getSnapshot()).toBe(clock.getSnapshot())
    expect(vi.getTimerCount()).toBe(0)
  })
})
