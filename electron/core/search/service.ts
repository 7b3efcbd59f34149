import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import * as Y from 'yjs'
import type { SearchResponse, SearchStatus } from '../../../shared/search/protocol'
import type { FromWorker, SubDocKind, ToWorker } from './messages'

/**
 * Full-text search on the host (issue 7), main-thread side: one worker per host (worker.ts),
 * a follower per open workspace that forwards what happens to its documents, and the
 * per-workspace face the sync rooms answer `searchRequest`s with.
 *
 * One worker per host, not per workspace: a worker is a V8 isolate of its own (tens of MB and
 * tens of ms to start), a host has a few workspaces (the shared ones and the private
 * notebook) and two cores, and queries take milliseconds — one queue serves them all, and
 * each workspace has its own index inside it.
 *
 * The main thread does no search work beyond passing bytes on: each root update as it
 * happens, a body's or board's whole state the first time it changes while open (then its
 * updates), and a note when the host closes it. Encoding that first state is the one cost
 * here (~ms for a large board).
 */

/** How long `close` waits for the worker to save a workspace's index. */
const CLOSE_TIMEOUT_MS = 20_000
/** How long a query may wait for the worker (a save or a big build step in front of it). */
const QUERY_TIMEOUT_MS = 10_000

/** What a sync room needs to answer search on a workspace's root connection. */
export interface RoomSearch {
  status(): SearchStatus
  /** Calls `listener` on every status change. Returns the disposer. */
  onStatus(listener: (status: SearchStatus) => void): () => void
  /** Answers a request's JSON (parsed and checked in the worker). */
  query(json: string): Promise<SearchResponse>
}

/** The sub-documents of one kind, as search follows them (NoteBodyStores, BoardStores). */
export interface FollowedDocs {
  onUpdate(
    listener: (id: string, update: Uint8Array, origin: unknown, doc: Y.Doc) => void,
  ): () => void
}

export type FollowInput = {
  id: string
  /** The workspace folder (stores and the saved index). */
  dir: string
  root: Y.Doc
  bodies: FollowedDocs
  boards: FollowedDocs
}

/** One workspace's search, as the registry holds it. */
export interface WorkspaceSearch {
  /** Indexes everything pending and saves (tests, and before a backup). */
  flush(): Promise<void>
  /** Stops following; the worker indexes what is pending and saves. */
  close(): Promise<void>
}

export type SearchServiceOptions = {
  log?: (line: string) => void
  /** The worker's entry; found next to this module (built) or run through tsx (sources). */
  workerFile?: string
}

type Followed = {
  root: Y.Doc
  status: SearchStatus
  listeners: Set<(status: SearchStatus) => void>
}

const BUILDING: SearchStatus = { state: 'building', indexed: 0, total: 0 }

function failed(error: string, status: SearchStatus): SearchResponse {
  return { hits: [], total: 0, tookMs: 0, status, error }
}

/**
 * Worker source (for `eval: true`) that imports a TypeScript module, as a promise of the module:
 * for the sources (vitest, `node --import tsx`) — a worker does not inherit tsx, so it is
 * registered first.
 */
export function tsxImport(file: string): string {
  const require = createRequire(import.meta.url)
  const tsx = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')
  return (
    `import(${JSON.stringify(pathToFileURL(tsx).href)})` +
    `.then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(file).href)}) })`
  )
}

/** How to start the worker: the built `searchWorker.js`, or worker.ts through tsx. */
function workerSpec(explicit: string | undefined): { entry: string | URL; eval: boolean } {
  const here = fileURLToPath(import.meta.url)
  const file =
    explicit ?? (here.endsWith('.ts') ? path.join(path.dirname(here), 'worker.ts') : undefined)
  if (file !== undefined && file.endsWith('.ts')) return { entry: tsxImport(file), eval: true }
  if (file !== undefined) return { entry: file, eval: false }
  // The bundle: out/main/searchWorker.js, beside hub.js and index.js; this code may be a chunk.
  const dir = path.dirname(here)
  const found = [dir, path.dirname(dir)]
    .map((candidate) => path.join(candidate, 'searchWorker.js'))
    .find((candidate) => existsSync(candidate))
  if (found === undefined) throw new Error(`searchWorker.js not found near ${dir}`)
  return { entry: found, eval: false }
}

/**
 * The host's search: start it before the workspaces open, `follow` each workspace as it
 * opens, `stop` after they closed (it terminates the worker).
 */
export class SearchService {
  private readonly log: (line: string) => void
  private worker: Worker | null = null
  private readonly followed = new Map<string, Followed>()
  private readonly requests = new Map<
    number,
    { resolve: (response: SearchResponse) => void; timer: NodeJS.Timeout; status: SearchStatus }
  >()
  private readonly acks = new Map<number, () => void>()
  private nextId = 1

  constructor(options: SearchServiceOptions = {}) {
    this.log = options.log ?? (() => {})
    try {
      const spec = workerSpec(options.workerFile)
      const worker = new Worker(spec.entry, { eval: spec.eval, name: 'kryss-search' })
      worker.on('message', (message: FromWorker) => this.receive(message))
      worker.on('error', (error) => {
        this.log(`kryss: search worker failed: ${error.message}`)
        this.dead()
      })
      worker.on('exit', () => this.dead())
      // The host's process must not wait for the worker to exit by itself.
      worker.unref()
      this.worker = worker
    } catch (error) {
      this.log(`kryss: search is unavailable: ${String(error)}`)
    }
  }

  /** Follows a workspace's documents until `close`. */
  follow(input: FollowInput): WorkspaceSearch {
    const ws = input.id
    const state: Followed = { root: input.root, status: BUILDING, listeners: new Set() }
    this.followed.set(ws, state)
    this.post({ t: 'open', ws, dir: input.dir })
    const onRoot = (update: Uint8Array): void => this.post({ t: 'root', ws, update })
    input.root.on('update', onRoot)
    const follow = (kind: SubDocKind, docs: FollowedDocs): (() => void) => {
      const seen = new WeakSet<Y.Doc>()
      return docs.onUpdate((id, update, _origin, doc) => {
        if (seen.has(doc)) {
          this.post({ t: 'doc', ws, kind, id, update, full: false })
          return
        }
        seen.add(doc)
        this.post({ t: 'doc', ws, kind, id, update: Y.encodeStateAsUpdate(doc), full: true })
        doc.once('destroy', () => {
          if (this.followed.get(ws) === state) this.post({ t: 'docClosed', ws, kind, id })
        })
      })
    }
    const offBodies = follow('note', input.bodies)
    const offBoards = follow('board', input.boards)
    let closing: Promise<void> | null = null
    return {
      flush: () => this.ask((ack) => ({ t: 'flush', ws, ack })),
      close: () => {
        closing ??= (async () => {
          input.root.off('update', onRoot)
          offBodies()
          offBoards()
          await this.ask((ack) => ({ t: 'close', ws, ack }), CLOSE_TIMEOUT_MS)
          if (this.followed.get(ws) === state) this.followed.delete(ws)
          state.listeners.clear()
        })()
        return closing
      },
    }
  }

  /** The search of a workspace for its root room; undefined when it is not followed. */
  room(workspaceId: string): RoomSearch | undefined {
    if (this.worker === null || !this.followed.has(workspaceId)) return undefined
    const current = (): Followed | undefined => this.followed.get(workspaceId)
    return {
      status: () => current()?.status ?? BUILDING,
      onStatus: (listener) => {
        const state = current()
        state?.listeners.add(listener)
        return () => state?.listeners.delete(listener)
      },
      query: (json) => this.query(workspaceId, json, current()?.status ?? BUILDING),
    }
  }

  /** Terminates the worker (after the workspaces closed, so their indexes are saved). */
  async stop(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker !== null) await worker.terminate().catch(() => 0)
    this.dead()
  }

  private query(ws: string, json: string, status: SearchStatus): Promise<SearchResponse> {
    if (this.worker === null) return Promise.resolve(failed('Search is unavailable.', status))
    const requestId = this.nextId++
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.requests.delete(requestId)
        resolve(failed('Search took too long.', status))
      }, QUERY_TIMEOUT_MS)
      timer.unref()
      this.requests.set(requestId, { resolve, timer, status })
      this.post({ t: 'query', ws, requestId, json })
    })
  }

  /** Sends a message the worker acknowledges with `done`; resolves then (or after `timeout`). */
  private ask(make: (ack: number) => ToWorker, timeout = CLOSE_TIMEOUT_MS): Promise<void> {
    if (this.worker === null) return Promise.resolve()
    const ack = this.nextId++
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.acks.delete(ack)
        this.log('kryss: search: the worker did not answer in time')
        resolve()
      }, timeout)
      // Not unref'd: while the host stops, this timer is what keeps the process alive until
      // the worker has saved (the worker itself is unref'd, and the servers are closed).
      this.acks.set(ack, () => {
        clearTimeout(timer)
        resolve()
      })
      this.post(make(ack))
    })
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message)
  }

  private receive(message: FromWorker): void {
    switch (message.t) {
      case 'rootVector': {
        const state = this.followed.get(message.ws)
        if (state === undefined) return
        this.post({
          t: 'root',
          ws: message.ws,
          update: Y.encodeStateAsUpdate(state.root, message.vector),
        })
        return
      }
      case 'status': {
        const state = this.followed.get(message.ws)
        if (state === undefined) return
        state.status = message.status
        for (const listener of state.listeners) listener(message.status)
        return
      }
      case 'result': {
        const request = this.requests.get(message.requestId)
        if (request === undefined) return
        this.requests.delete(message.requestId)
        clearTimeout(request.timer)
        request.resolve(message.response)
        return
      }
      case 'done': {
        const done = this.acks.get(message.ack)
        this.acks.delete(message.ack)
        done?.()
        return
      }
      case 'log':
        this.log(message.line)
        return
    }
  }

  /** The worker is gone: nothing waits for it any more. */
  private dead(): void {
    this.worker = null
    for (const [id, request] of this.requests) {
      clearTimeout(request.timer)
      request.resolve(failed('Search is unavailable.', request.status))
      this.requests.delete(id)
    }
    for (const [ack, done] of this.acks) {
      this.acks.delete(ack)
      done()
    }
  }
}
