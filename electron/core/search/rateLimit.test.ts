import { describe, expect, it } from 'vitest'
import { SEARCH_RATE_LIMITED } from '../../../shared/search/protocol'
import { SearchRateLimit, TokenBucket } from './rateLimit'

const STATUS = { state: 'ready', indexed: 1, total: 1 } as const

describe('the search rate limit', () => {
  it('lets a burst through, then one query per 1/rate seconds', () => {
    let now = 0
    const bucket = new TokenBucket(20, 40, () => now)
    for (let i = 0; i < 40; i++) expect(bucket.take()).toBe(0)
    expect(bucket.take()).toBe(50)
    now += 25
    expect(bucket.take()).toBe(25)
    now += 25
    expect(bucket.take()).toBe(0)
    expect(bucket.take()).toBe(50)
    // A long pause fills it up to the burst, no further.
    now += 60_000
    for (let i = 0; i < 40; i++) expect(bucket.take()).toBe(0)
    expect(bucket.take()).toBeGreaterThan(0)
  })

  it('keeps a bucket per connection and refuses with a code and when to ask again', () => {
    let now = 0
    const limit = new SearchRateLimit(20, 2, () => now)
    const a = {}
    const b = {}
    expect(limit.refuse(a, STATUS)).toBeUndefined()
    expect(limit.refuse(a, STATUS)).toBeUndefined()
    expect(limit.refuse(a, STATUS)).toMatchObject({
      hits: [],
      total: 0,
      status: STATUS,
      code: SEARCH_RATE_LIMITED,
      retryAfterMs: 50,
    })
    expect(limit.refuse(b, STATUS)).toBeUndefined()
    now += 50
    expect(limit.refuse(a, STATUS)).toBeUndefined()
  })
})
