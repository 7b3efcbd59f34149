import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { debounce, throttle } from './throttle'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('throttle', () => {
  it('runs at once, then collapses calls into one trailing run per interval', () => {
    const run = vi.fn()
    const throttled = throttle(run, 5000, () => Date.now())
    throttled.schedule()
    expect(run).toHaveBeenCalledTimes(1)
    throttled.schedule()
    throttled.schedule()
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(5000)
    expect(run).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(10_000)
    expect(run).toHaveBeenCalledTimes(2)
  })

  it('flush runs a pending trailing call now; cancel drops it', () => {
    const run = vi.fn()
    const throttled = throttle(run, 5000, () => Date.now())
    throttled.schedule()
    throttled.schedule()
    throttled.flush()
    expect(run).toHaveBeenCalledTimes(2)
    throttled.schedule()
    throttled.cancel()
    vi.advanceTimersByTime(10_000)
    expect(run).toHaveBeenCalledTimes(2)
    throttled.flush()
    expect(run).toHaveBeenCalledTimes(2)
  })
})

describe('debounce', () => {
  it('runs once after the last call', () => {
    const run = vi.fn()
    const debounced = debounce(run, 700)
    debounced.schedule()
    vi.advanceTimersByTime(500)
    debounced.schedule()
    vi.advanceTimersByTime(500)
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(200)
    expect(run).toHaveBeenCalledTimes(1)
  })
})
