import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import {
  SearchMessageType,
  encodeSearchRequest,
  readSearchResults,
  readSearchStatus,
  searchResponseSchema,
  searchStatusSchema,
  type SearchQuery,
  type SearchResponse,
  type SearchStatus,
} from '../../../shared/search/protocol'
import { createValueStore, type ExternalStore } from '../lib/externalStore'

/**
 * The renderer's end of full-text search (issue 7, shared/search/protocol.ts): one per
 * workspace connection, on its root provider (which asked for `search=1`).
 *
 * - `state` is a store over what the host said last (`searchStatus`, 122, with its `changes`
 *   counter: a new status object whenever the index changed) and whether it can search at all: `unknown` until either a status arrives (`available`) or the root has synced
 *   without one (`unavailable`: an older host, which sends 122 at once when it can).
 * - `search(query, lane)` sends a `searchRequest` (120) with a fresh id and resolves with the
 *   host's `searchResults` (121) for that id, checked with the zod schema. Within a lane the
 *   newest request wins: an older one still waiting is rejected with {@link SearchCancelled}
 *   and its answer, should it come, is dropped. The palette and the search page use their own
 *   lanes so they never cancel each other.
 * - A request is never sent before a status has been seen on the current socket (the contract:
 *   an older host would close the connection over an unknown type); then, and when the socket
 *   closes or the answer takes too long, the promise rejects with {@link SearchUnavailable}.
 */
export type SearchAvailability = 'unknown' | 'available' | 'unavailable'

export type SearchClientState = {
  availability: SearchAvailability
  /** The host's last word on its index; kept while the socket is down. */
  status: SearchStatus | undefined
  /** A request can be sent now (status seen on the open socket). */
  ready: boolean
}

export type SearchClient = {
  state: ExternalStore<SearchClientState>
  search(query: SearchQuery, lane?: string): Promise<SearchResponse>
  destroy(): void
}

/** A newer request in the same lane replaced this one (or the client closed). */
export class SearchCancelled extends Error {
  constructor() {
    super('search request replaced by a newer one')
    this.name = 'SearchCancelled'
  }
}

/** The host cannot answer now: not connected, cannot search, or no answer in time. */
export class SearchUnavailable extends Error {
  constructor(readonly reason: 'offline' | 'unsupported' | 'timeout' | 'malformed') {
    super(`full-text search unavailable: ${reason}`)
    this.name = 'SearchUnavailable'
  }
}

/** How long an answer may take before the request is given up (the host answers in ms). */
export const SEARCH_TIMEOUT_MS = 10_000

type Pending = {
  lane: string
  resolve: (response: SearchResponse) => void
  reject: (error: Error) => void
  timer: ReturnType<typeof setTimeout>
}

/** The parts of the provider the client uses (a `WebsocketProvider`). */
export type SearchProvider = Pick<
  WebsocketProvider,
  'messageHandlers' | 'ws' | 'wsconnected' | 'synced' | 'on' | 'off'
>

export function createSearchClient(provider: SearchProvider): SearchClient {
  const initial: SearchClientState = { availability: 'unknown', status: undefined, ready: false }
  const state = createValueStore<SearchClientState>(initial)
  const pending = new Map<number, Pending>()
  const newestOfLane = new Map<string, number>()
  let nextId = 1
  let socket: WebSocket | null = null
  let destroyed = false

  const update = (patch: Partial<SearchClientState>): void => {
    const current = state.getSnapshot()
    const next = { ...current, ...patch }
    if (
      next.availability === current.availability &&
      next.status === current.status &&
      next.ready === current.ready
    )
      return
    state.set(next)
  }

  const settle = (requestId: number): Pending | undefined => {
    const entry = pending.get(requestId)
    if (entry === undefined) return undefined
    pending.delete(requestId)
    clearTimeout(entry.timer)
    if (newestOfLane.get(entry.lane) === requestId) newestOfLane.delete(entry.lane)
    return entry
  }

  const rejectAll = (error: () => Error): void => {
    for (const requestId of [...pending.keys()]) settle(requestId)?.reject(error())
  }

  // Handlers must leave the encoder empty: y-websocket sends back whatever they write.
  provider.messageHandlers[SearchMessageType.searchStatus] = (_encoder, decoder) => {
    const parsed = parseJson(readSearchStatus(decoder), searchStatusSchema)
    if (parsed === undefined) return
    socket = provider.ws
    update({
      availability: 'available',
      status: sameStatus(parsed, state.getSnapshot().status),
      ready: true,
    })
  }
  provider.messageHandlers[SearchMessageType.searchResults] = (_encoder, decoder) => {
    const { requestId, json } = readSearchResults(decoder)
    const entry = settle(requestId)
    if (entry === undefined) return // replaced, timed out, or never ours: dropped
    const parsed = parseJson(json, searchResponseSchema)
    if (parsed === undefined) {
      entry.reject(new SearchUnavailable('malformed'))
      return
    }
    update({ status: sameStatus(parsed.status, state.getSnapshot().status) })
    entry.resolve(parsed)
  }

  const onStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') return
    socket = null
    update({ ready: false })
    rejectAll(() => new SearchUnavailable('offline'))
  }
  const onSynced = (synced: boolean): void => {
    // A host that can search says so before it answers the sync (it sends 122 on connect).
    if (synced && socket !== provider.ws && state.getSnapshot().availability !== 'available')
      update({ availability: 'unavailable' })
  }
  provider.on('status', onStatus)
  provider.on('sync', onSynced)
  if (provider.synced) onSynced(true)

  return {
    state,
    search(query, lane = 'default') {
      if (destroyed) return Promise.reject(new SearchCancelled())
      const ws = provider.ws
      if (!state.getSnapshot().ready || ws === null || ws !== socket || !provider.wsconnected) {
        const reason =
          state.getSnapshot().availability === 'unavailable' ? 'unsupported' : 'offline'
        return Promise.reject(new SearchUnavailable(reason))
      }
      const requestId = nextId++
      const older = newestOfLane.get(lane)
      if (older !== undefined) settle(older)?.reject(new SearchCancelled())
      newestOfLane.set(lane, requestId)
      return new Promise<SearchResponse>((resolve, reject) => {
        const timer = setTimeout(
          () => settle(requestId)?.reject(new SearchUnavailable('timeout')),
          SEARCH_TIMEOUT_MS,
        )
        pending.set(requestId, { lane, resolve, reject, timer })
        try {
          ws.send(encodeSearchRequest(requestId, query))
        } catch {
          settle(requestId)?.reject(new SearchUnavailable('offline'))
        }
      })
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      provider.off('status', onStatus)
      provider.off('sync', onSynced)
      rejectAll(() => new SearchCancelled())
    },
  }
}

/** `next`, or `previous` when it says the same (the store then does not change). */
function sameStatus(next: SearchStatus, previous: SearchStatus | undefined): SearchStatus {
  return previous !== undefined &&
    previous.state === next.state &&
    previous.indexed === next.indexed &&
    previous.total === next.total &&
    previous.changes === next.changes
    ? previous
    : next
}

function parseJson<T>(
  json: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): T | undefined {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    console.warn('kryss: a search message from the host is not JSON; ignored')
    return undefined
  }
  const result = schema.safeParse(value)
  if (!result.success) {
    console.warn('kryss: a search message from the host does not fit the contract; ignored')
    return undefined
  }
  return result.data
}

/** Reads a message's type (for tests and logs). */
export function searchMessageType(message: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(message))
}
