import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import {
  SEARCH_RATE_LIMITED,
  type SearchQuery,
  type SearchResponse,
  type SearchStatus,
} from '../../../shared/search/protocol'
import {
  SearchCancelled,
  SearchUnavailable,
  type SearchAvailability,
  type SearchClient,
  type SearchClientState,
} from './searchClient'

export type FullTextSearchOptions = {
  /** The workspace connection's client (`connection.search`); nothing is asked without one. */
  client: SearchClient | undefined
  kinds?: SearchQuery['kinds']
  filters?: SearchQuery['filters']
  limit?: number
  /** Requests in one lane replace each other (searchClient.ts); default `'default'`. */
  lane?: string
  /** `false` asks nothing (e.g. a closed palette); default `true`. */
  enabled?: boolean
}

export type FullTextSearch = {
  /**
   * The answer to the latest query that has been answered — kept while a newer one is on its
   * way, so results do not blink between keystrokes; `undefined` for an empty query.
   */
  response: SearchResponse | undefined
  /** A request for what is typed now has not been answered yet. */
  pending: boolean
  /** The host's index: building (with counts) or ready; `undefined` until it says. */
  status: SearchStatus | undefined
  /**
   * `available`: the host searches. `unavailable`: it never said it can (an older host) — say
   * "full-text search is not available on this host". `unknown`: not connected yet.
   */
  available: SearchAvailability
  /**
   * The last request failed (timed out, refused by the host), or the host is not connected
   * now (the message then contains `offline`).
   */
  error: string | undefined
  /**
   * The host refused the latest request as one too many (its per-connection rate limit): it is
   * asked again when the host said, meanwhile `pending` — say "many searches at once" if
   * anything. Never reported as `error`.
   */
  rateLimited: boolean
}

const NO_CLIENT_STATE: SearchClientState = {
  availability: 'unknown',
  status: undefined,
  ready: false,
}
const noSubscription = (): (() => void) => () => {}

/**
 * Full-text search as you type:
 *
 *   useFullTextSearch(text: string, options: FullTextSearchOptions): FullTextSearch
 *
 * At most one request per animation frame, with what is typed at that frame: no debounce
 * delay, so the first letter is asked at once, and a burst of keys within one frame costs one
 * request. An older answer arriving after a newer request was sent is dropped (the client's
 * lane). Blank text asks nothing and clears the results. The query is asked again when the
 * client becomes ready (connected, or reconnected) and whenever the host's index status
 * changes — its counts, or its `changes` counter, which grows with every indexed edit — so
 * what others write shows up without typing, and nothing is asked while nothing changed. (A
 * host from before `changes` says only when counts change: an edited text then shows when
 * the query is typed again.)
 */
export function useFullTextSearch(text: string, options: FullTextSearchOptions): FullTextSearch {
  const { client, kinds, filters, limit, lane = 'default', enabled = true } = options
  const clientState = useSyncExternalStore(
    client?.state.subscribe ?? noSubscription,
    () => client?.state.getSnapshot() ?? NO_CLIENT_STATE,
  )
  const trimmed = text.trim()
  const query: SearchQuery | undefined =
    enabled && trimmed !== ''
      ? {
          text: trimmed.slice(0, 200),
          ...(kinds === undefined ? {} : { kinds }),
          ...(filters === undefined ? {} : { filters }),
          ...(limit === undefined ? {} : { limit }),
        }
      : undefined
  // A query's identity is its JSON: the caller may build new option objects on each render.
  const key = query === undefined ? '' : JSON.stringify(query)

  const [answered, setAnswered] = useState<{
    key: string
    response: SearchResponse | undefined
    error: string | undefined
  }>({ key: '', response: undefined, error: undefined })
  // The query (its key) the host last refused as over its rate limit, and a counter bumped
  // when it may be asked again.
  const [limited, setLimited] = useState<{ key: string; retry: number }>({ key: '', retry: 0 })
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // The frame's request reads what is current when the frame comes, so a burst of renders
  // within one frame makes one request. (Updated by an effect declared before the one that
  // schedules the frame, so it runs first.)
  const latest = useRef({ query, client, lane })
  useEffect(() => {
    latest.current = { query, client, lane }
  })
  const frame = useRef<number | undefined>(undefined)

  const ready = clientState.ready
  const status = clientState.status
  const statusKey =
    status === undefined
      ? ''
      : `${status.state}:${status.indexed}:${status.total}:${status.changes ?? ''}`
  useEffect(() => {
    if (client === undefined || !ready || key === '' || frame.current !== undefined) return
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined
      const { query: current, client: now, lane: currentLane } = latest.current
      if (current === undefined || now === undefined) return
      const sent = JSON.stringify(current)
      now.search(current, currentLane).then(
        (response) => {
          if (response.code === SEARCH_RATE_LIMITED) {
            // Asked too often: the host says when it answers again; ask then (once).
            if (retryTimer.current !== undefined) clearTimeout(retryTimer.current)
            retryTimer.current = setTimeout(
              () => {
                retryTimer.current = undefined
                setLimited((previous) => ({ ...previous, retry: previous.retry + 1 }))
              },
              Math.min(2_000, Math.max(50, response.retryAfterMs ?? 0)),
            )
            setLimited((previous) => ({ ...previous, key: sent }))
            return
          }
          setAnswered((previous) =>
            // The same hits again (the index changed elsewhere): keep the old answer, nothing
            // re-renders.
            previous.key === sent &&
            previous.response !== undefined &&
            previous.error === response.error &&
            sameHits(previous.response, response)
              ? previous
              : { key: sent, response, error: response.error },
          )
        },
        (error: unknown) => {
          if (error instanceof SearchCancelled) return
          setAnswered((previous) => ({
            ...previous,
            key: sent,
            error: error instanceof Error ? error.message : String(error),
          }))
        },
      )
    })
    // `statusKey` and `limited.retry` are dependencies on purpose: ask again as the index
    // changes, and when the host's rate limit lets us.
  }, [client, ready, key, lane, statusKey, limited.retry])
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current)
      frame.current = undefined
      if (retryTimer.current !== undefined) clearTimeout(retryTimer.current)
    },
    [],
  )

  if (key === '') {
    return {
      response: undefined,
      pending: false,
      status,
      available: clientState.availability,
      error: undefined,
      rateLimited: false,
    }
  }
  // Connected before and not now: nothing can be asked until the socket is back.
  const offline = clientState.availability === 'available' && !clientState.ready
  return {
    response: answered.response,
    pending: answered.key !== key && clientState.availability !== 'unavailable' && !offline,
    status,
    available: clientState.availability,
    error: offline ? OFFLINE : answered.key === key ? answered.error : undefined,
    rateLimited: !offline && answered.key !== key && limited.key === key,
  }
}

const OFFLINE = new SearchUnavailable('offline').message

function sameHits(a: SearchResponse, b: SearchResponse): boolean {
  return a.total === b.total && JSON.stringify(a.hits) === JSON.stringify(b.hits)
}
