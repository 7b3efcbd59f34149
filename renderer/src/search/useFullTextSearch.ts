import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { SearchQuery, SearchResponse, SearchStatus } from '../../../shared/search/protocol'
import {
  SearchCancelled,
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
  /** The last request failed (offline, timed out, refused by the host). */
  error: string | undefined
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
 * changes (a building index answers with more each time; an edit changes the counts).
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
  const statusKey = status === undefined ? '' : `${status.state}:${status.indexed}:${status.total}`
  useEffect(() => {
    if (client === undefined || !ready || key === '' || frame.current !== undefined) return
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined
      const { query: current, client: now, lane: currentLane } = latest.current
      if (current === undefined || now === undefined) return
      const sent = JSON.stringify(current)
      now.search(current, currentLane).then(
        (response) => setAnswered({ key: sent, response, error: response.error }),
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
    // `statusKey` is a dependency on purpose: ask again as the index changes.
  }, [client, ready, key, lane, statusKey])
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current)
      frame.current = undefined
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
    }
  }
  return {
    response: answered.response,
    pending: answered.key !== key && clientState.availability !== 'unavailable',
    status,
    available: clientState.availability,
    error: answered.key === key ? answered.error : undefined,
  }
}
