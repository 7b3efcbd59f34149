import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebsocketProvider, messageSync } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  SearchMessageType,
  encodeSearchResults,
  encodeSearchStatus,
  readSearchRequest,
  type SearchResponse,
  type SearchStatus,
} from '../../../shared/search/protocol'
import {
  SEARCH_TIMEOUT_MS,
  SearchCancelled,
  SearchUnavailable,
  createSearchClient,
  type SearchClient,
} from './searchClient'

/** A socket the test plays the host on: it records what the client sends. */
class FakeSocket {
  static last: FakeSocket | undefined
  static readonly OPEN = 1
  readonly OPEN = 1
  readyState = 0
  binaryType = 'arraybuffer'
  sent: Uint8Array[] = []
  onopen: (() => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.last = this
  }
  send(data: Uint8Array): void {
    this.sent.push(data)
  }
  close(): void {
    this.readyState = 3
  }
  open(): void {
    this.readyState = 1
    this.onopen?.()
  }
  receive(message: Uint8Array): void {
    this.onmessage?.({ data: message.slice().buffer })
  }
  drop(): void {
    this.readyState = 3
    this.onclose?.({ code: 1006, reason: '' })
  }
  /** The search requests sent so far: ids and queries. */
  requests(): { requestId: number; query: unknown }[] {
    return this.sent.flatMap((message) => {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== SearchMessageType.searchRequest) return []
      const { requestId, json } = readSearchRequest(decoder)
      return [{ requestId, query: JSON.parse(json) as unknown }]
    })
  }
}

const building: SearchStatus = { state: 'building', indexed: 3200, total: 10000 }
const ready: SearchStatus = { state: 'ready', indexed: 10000, total: 10000 }

function response(title: string, status: SearchStatus = ready): SearchResponse {
  return {
    hits: [
      {
        id: `note:${title}`,
        kind: 'note',
        title: [{ text: title, hit: true }],
        snippet: [],
        updatedAt: 1,
        target: { type: 'note', note: title },
      },
    ],
    total: 1,
    tookMs: 1,
    status,
  }
}

/** The host's answer to the client's sync step 1: its (empty) state, which syncs the client. */
function syncStep2(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  syncProtocol.writeSyncStep2(encoder, new Y.Doc())
  return encoding.toUint8Array(encoder)
}

let provider: WebsocketProvider
let client: SearchClient
let socket: FakeSocket

beforeEach(() => {
  vi.useFakeTimers()
  provider = new WebsocketProvider('ws://host.invalid', 'room', new Y.Doc(), {
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    disableBc: true,
    resyncInterval: -1,
  })
  client = createSearchClient(provider)
  socket = FakeSocket.last as FakeSocket
  socket.open()
})
afterEach(() => {
  client.destroy()
  provider.destroy()
  vi.useRealTimers()
})

describe('search client', () => {
  it('sends nothing before the host said it can search, then answers by request id', async () => {
    await expect(client.search({ text: 'varme' })).rejects.toBeInstanceOf(SearchUnavailable)
    expect(socket.requests()).toEqual([])
    expect(client.state.getSnapshot().availability).toBe('unknown')

    socket.receive(encodeSearchStatus(building))
    expect(client.state.getSnapshot()).toEqual({
      availability: 'available',
      status: building,
      ready: true,
    })
    const first = client.search({ text: 'varme' }, 'page')
    const second = client.search({ text: 'sol' }, 'palette')
    const [a, b] = socket.requests()
    expect(a?.query).toEqual({ text: 'varme' })
    expect(b?.query).toEqual({ text: 'sol' })
    // Answered out of order: each promise gets its own answer.
    socket.receive(encodeSearchResults(b!.requestId, response('sol')))
    socket.receive(encodeSearchResults(a!.requestId, response('varme')))
    expect((await first).hits[0]?.id).toBe('note:varme')
    expect((await second).hits[0]?.id).toBe('note:sol')
    // The answers' status is the client's status now.
    expect(client.state.getSnapshot().status).toEqual(ready)
  })

  it('lets the newest request of a lane win and drops the older answer', async () => {
    socket.receive(encodeSearchStatus(ready))
    const older = client.search({ text: 'v' }, 'page')
    const newer = client.search({ text: 'va' }, 'page')
    await expect(older).rejects.toBeInstanceOf(SearchCancelled)
    const [a, b] = socket.requests()
    // The older answer comes last; it must not resolve anything.
    socket.receive(encodeSearchResults(b!.requestId, response('va')))
    socket.receive(encodeSearchResults(a!.requestId, response('v')))
    expect((await newer).hits[0]?.id).toBe('note:va')
  })

  it('says unavailable when the root synced without a status (an older host)', async () => {
    socket.receive(syncStep2())
    expect(provider.synced).toBe(true)
    expect(client.state.getSnapshot().availability).toBe('unavailable')
    await expect(client.search({ text: 'x' })).rejects.toMatchObject({ reason: 'unsupported' })
    expect(socket.requests()).toEqual([])
  })

  it('stays available when the status came before the sync', () => {
    socket.receive(encodeSearchStatus(ready))
    socket.receive(syncStep2())
    expect(client.state.getSnapshot().availability).toBe('available')
  })

  it('ignores a status or an answer that breaks the contract', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const bad = encoding.createEncoder()
    encoding.writeVarUint(bad, SearchMessageType.searchStatus)
    encoding.writeVarString(bad, JSON.stringify({ state: 'cooking', indexed: 1, total: 2 }))
    socket.receive(encoding.toUint8Array(bad))
    expect(client.state.getSnapshot().availability).toBe('unknown')

    socket.receive(encodeSearchStatus(ready))
    const answer = client.search({ text: 'x' })
    const [request] = socket.requests()
    const malformed = encoding.createEncoder()
    encoding.writeVarUint(malformed, SearchMessageType.searchResults)
    encoding.writeVarUint(malformed, request!.requestId)
    encoding.writeVarString(malformed, '{"hits": "none"}')
    socket.receive(encoding.toUint8Array(malformed))
    await expect(answer).rejects.toMatchObject({ reason: 'malformed' })
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })

  it('rejects what is waiting when the socket drops, and waits for a status again', async () => {
    socket.receive(encodeSearchStatus(ready))
    const waiting = client.search({ text: 'x' })
    socket.drop()
    await expect(waiting).rejects.toMatchObject({ reason: 'offline' })
    expect(client.state.getSnapshot()).toMatchObject({ ready: false, status: ready })

    vi.advanceTimersByTime(1000) // y-websocket reconnects
    const next = FakeSocket.last as FakeSocket
    expect(next).not.toBe(socket)
    next.open()
    await expect(client.search({ text: 'x' })).rejects.toBeInstanceOf(SearchUnavailable)
    next.receive(encodeSearchStatus(ready))
    const answer = client.search({ text: 'y' })
    const [request] = next.requests()
    next.receive(encodeSearchResults(request!.requestId, response('y')))
    expect((await answer).hits).toHaveLength(1)
  })

  it('gives up on an answer that never comes', async () => {
    socket.receive(encodeSearchStatus(ready))
    const answer = client.search({ text: 'x' })
    const expectation = expect(answer).rejects.toMatchObject({ reason: 'timeout' })
    vi.advanceTimersByTime(SEARCH_TIMEOUT_MS + 1)
    await expectation
  })

  it('keeps the same status object when the host repeats itself', () => {
    socket.receive(encodeSearchStatus(building))
    const first = client.state.getSnapshot()
    socket.receive(encodeSearchStatus({ ...building }))
    expect(client.state.getSnapshot()).toBe(first)
  })

  it('takes a status whose only news is its change counter (an edit changes no count)', () => {
    socket.receive(encodeSearchStatus({ ...ready, changes: 7 }))
    const first = client.state.getSnapshot()
    socket.receive(encodeSearchStatus({ ...ready, changes: 7 }))
    expect(client.state.getSnapshot()).toBe(first)
    socket.receive(encodeSearchStatus({ ...ready, changes: 8 }))
    expect(client.state.getSnapshot()).not.toBe(first)
    expect(client.state.getSnapshot().status).toEqual({ ...ready, changes: 8 })
    // An older host says no counter: still understood.
    socket.receive(encodeSearchStatus(ready))
    expect(client.state.getSnapshot().status).toEqual(ready)
  })
})
