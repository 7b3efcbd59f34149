import { parentPort } from 'node:worker_threads'
import { SearchEngine } from './engine'
import type { FromWorker, ToWorker } from './messages'
import { lowerThreadPriority } from './threadPriority'

/**
 * The search worker's entry (a `node:worker_threads` worker; service.ts starts it). One per
 * host, one {@link SearchEngine} per open workspace. The host's main thread serves sync and
 * never builds the index or runs a query: everything CPU-heavy about search happens here.
 */
const port = parentPort
if (port === null) throw new Error('search/worker.ts runs as a worker thread')
// A cold build takes a core for seconds: the window and the host's sync go first.
lowerThreadPriority()

const engines = new Map<string, SearchEngine>()
const post = (message: FromWorker): void => port.postMessage(message)
const log = (line: string): void => post({ t: 'log', line })

port.on('message', (message: ToWorker) => {
  switch (message.t) {
    case 'open': {
      if (engines.has(message.ws)) return
      const ws = message.ws
      engines.set(
        ws,
        new SearchEngine({
          dir: message.dir,
          log,
          onStatus: (status) => post({ t: 'status', ws, status }),
          onRootVector: (vector) => post({ t: 'rootVector', ws, vector }),
        }),
      )
      return
    }
    case 'root':
      engines.get(message.ws)?.applyRoot(message.update)
      return
    case 'doc':
      engines.get(message.ws)?.applyDoc(message.kind, message.id, message.update, message.full)
      return
    case 'docClosed':
      engines.get(message.ws)?.closeDoc(message.kind, message.id)
      return
    case 'query': {
      const engine = engines.get(message.ws)
      const response = engine?.query(message.json) ?? {
        hits: [],
        total: 0,
        tookMs: 0,
        status: { state: 'building' as const, indexed: 0, total: 0 },
        error: 'This workspace is not searchable on the host.',
      }
      post({ t: 'result', requestId: message.requestId, response })
      return
    }
    case 'flush': {
      const engine = engines.get(message.ws)
      const done = (): void => post({ t: 'done', ack: message.ack })
      if (engine === undefined) return done()
      engine.flush().then(done, (error: unknown) => {
        log(`kryss: search: flush failed: ${String(error)}`)
        done()
      })
      return
    }
    case 'close': {
      const engine = engines.get(message.ws)
      engines.delete(message.ws)
      const done = (): void => post({ t: 'done', ack: message.ack })
      if (engine === undefined) return done()
      engine.close().then(done, (error: unknown) => {
        log(`kryss: search: closing failed: ${String(error)}`)
        done()
      })
      return
    }
  }
})
