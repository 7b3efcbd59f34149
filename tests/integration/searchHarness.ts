import * as decoding from 'lib0/decoding'
import {
  encodeSearchRequest,
  readSearchResults,
  readSearchStatus,
  searchResponseSchema,
  searchStatusSchema,
  SearchMessageType,
  type SearchQuery,
  type SearchResponse,
  type SearchStatus,
} from '../../shared/search/protocol'
import { RawClient, waitFor } from './hostHarness'

/**
 * A client of the search protocol (shared/search/protocol.ts) on a workspace's root
 * connection, over a real socket: it records the status messages and answers by request id.
 */
export class SearchClient {
  readonly raw: RawClient
  readonly statuses: SearchStatus[] = []
  private readonly answers = new Map<number, SearchResponse>()
  private nextId = 1
  private seen = 0

  constructor(port: number, workspaceId: string, token: string, params = 'kryss=1&search=1') {
    this.raw = new RawClient(`ws://127.0.0.1:${port}/sync/${workspaceId}?token=${token}&${params}`)
    this.raw.ws.on('message', () => this.read())
  }

  private read(): void {
    for (; this.seen < this.raw.messages.length; this.seen++) {
      const decoder = decoding.createDecoder(this.raw.messages[this.seen]!)
      const type = decoding.readVarUint(decoder)
      if (type === SearchMessageType.searchStatus) {
        this.statuses.push(searchStatusSchema.parse(JSON.parse(readSearchStatus(decoder))))
      } else if (type === SearchMessageType.searchResults) {
        const { requestId, json } = readSearchResults(decoder)
        this.answers.set(requestId, searchResponseSchema.parse(JSON.parse(json)))
      }
    }
  }

  get lastStatus(): SearchStatus | undefined {
    return this.statuses.at(-1)
  }

  async ready(timeoutMs = 10_000): Promise<void> {
    await waitFor(() => this.lastStatus?.state === 'ready', 'the index to be ready', timeoutMs)
  }

  /** Sends raw request bytes (for malformed ones) and waits for the answer to `requestId`. */
  async sendRaw(bytes: Uint8Array, requestId: number): Promise<SearchResponse> {
    await this.raw.opened
    this.raw.send(bytes)
    await waitFor(() => this.answers.has(requestId), `an answer to request ${requestId}`)
    return this.answers.get(requestId)!
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    const requestId = this.nextId++
    return this.sendRaw(encodeSearchRequest(requestId, query), requestId)
  }

  /** Sends `count` requests at once, without waiting between them; their answers in order. */
  async searchBurst(query: SearchQuery, count: number): Promise<SearchResponse[]> {
    await this.raw.opened
    const ids = Array.from({ length: count }, () => this.nextId++)
    for (const requestId of ids) this.raw.send(encodeSearchRequest(requestId, query))
    await waitFor(() => ids.every((id) => this.answers.has(id)), `answers to ${count} requests`)
    return ids.map((id) => this.answers.get(id)!)
  }

  /** Searches until `check` passes the answer (or fails after `timeoutMs`). */
  async searchUntil(
    query: SearchQuery,
    check: (response: SearchResponse) => boolean,
    timeoutMs = 5_000,
  ): Promise<SearchResponse> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const response = await this.search(query)
      if (check(response)) return response
      if (Date.now() > deadline) {
        throw new Error(
          `no matching answer for ${JSON.stringify(query)}: ${JSON.stringify(response)}`,
        )
      }
      // Over the host's rate limit: ask again when it says.
      await new Promise((resolve) => setTimeout(resolve, Math.max(20, response.retryAfterMs ?? 0)))
    }
  }
}

/** The plain text of a title or snippet, and its marked words. */
export function text(segments: readonly { text: string; hit: boolean }[]): string {
  return segments.map((segment) => segment.text).join('')
}

export function marked(segments: readonly { text: string; hit: boolean }[]): string[] {
  return segments.filter((segment) => segment.hit).map((segment) => segment.text)
}
