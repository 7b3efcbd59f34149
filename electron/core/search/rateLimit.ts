import {
  SEARCH_RATE_LIMITED,
  type SearchResponse,
  type SearchStatus,
} from '../../../shared/search/protocol'

/**
 * Search queries per connection, as a token bucket (docs/PROTOCOL.md, "Full-text search"). One
 * worker answers every workspace of a host, one query at a time; a client that sends queries
 * without pause would hold everyone else's up, and the sync that shares its two cores.
 *
 * 20 a second with a burst of 40: Kryss's client asks at most once per animation frame per
 * lane (typing is 5–10 keys a second; a held key repeats at ~30), and once more each time the
 * index's status changes (at most 4 a second). The burst covers a held key for about four
 * seconds on top of the rate, or a page and the palette re-asking together after a reconnect.
 * At ~8 ms a query (10k notes), 20 a second is a sixth of a core — what one connection may take.
 */
export const SEARCH_QUERIES_PER_SECOND = 20
export const SEARCH_QUERY_BURST = 40

/** A token bucket: `take` spends one token, or says how long until there is one. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** 0 when a token was taken, else the milliseconds until the next one. */
  take(): number {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000)
    this.last = now
    if (this.tokens >= 1) {
      this.tokens -= 1
      return 0
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.perSecond)
  }
}

/** The answer to a query over the limit: no hits, `error`, `code` and when to ask again. */
export function rateLimitedResponse(status: SearchStatus, retryAfterMs: number): SearchResponse {
  return {
    hits: [],
    total: 0,
    tookMs: 0,
    status,
    error: 'Too many searches at once; asking again shortly.',
    code: SEARCH_RATE_LIMITED,
    retryAfterMs,
  }
}

/** Buckets per connection (a sync room holds one; connections are the keys). */
export class SearchRateLimit {
  private readonly buckets = new WeakMap<object, TokenBucket>()

  constructor(
    private readonly perSecond = SEARCH_QUERIES_PER_SECOND,
    private readonly burst = SEARCH_QUERY_BURST,
    private readonly now?: () => number,
  ) {}

  /** `undefined` when the connection may query now, else the response that refuses it. */
  refuse(connection: object, status: SearchStatus): SearchResponse | undefined {
    let bucket = this.buckets.get(connection)
    if (bucket === undefined) {
      bucket = new TokenBucket(this.perSecond, this.burst, this.now)
      this.buckets.set(connection, bucket)
    }
    const wait = bucket.take()
    return wait === 0 ? undefined : rateLimitedResponse(status, wait)
  }
}
