import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'

describe('backoffDelay', () => {
  const options = { baseMs: 100, maxMs: 1000 }

  it('doubles per attempt up to the ceiling', () => {
    expect([0, 1, 2, 3, 4, 50].map((a) => backoffDelay(a, options, () => 0.999999))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ])
  })

  it('jitters between half and all of the ceiling', () => {
    expect(backoffDelay(2, options, () => 0)).toBe(200)
    expect(backoffDelay(2, options, () => 0.5)).toBe(300)
  })
})
