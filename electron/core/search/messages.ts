import type { SearchResponse, SearchStatus } from '../../../shared/search/protocol'

/**
 * The messages between the host's main thread and its search worker (worker.ts). The main
 * thread only forwards what happens to the documents — Yjs updates, as bytes — and the
 * queries it receives; the worker keeps replicas, the index and the texts, and answers.
 */

/** Sub-documents the worker follows besides the root. */
export type SubDocKind = 'note' | 'board'

export type ToWorker =
  /** Start following a workspace; its folder holds the stores and the saved index. */
  | { t: 'open'; ws: string; dir: string }
  /** An update of the workspace's root document (or the answer to `rootVector`). */
  | { t: 'root'; ws: string; update: Uint8Array }
  /**
   * A note body or board changed on the host. `full`: the whole state, sent the first time the
   * main thread sees that document object change; later ones are single updates.
   */
  | { t: 'doc'; ws: string; kind: SubDocKind; id: string; update: Uint8Array; full: boolean }
  /** The host closed that document: the worker may drop its replica (after indexing it). */
  | { t: 'docClosed'; ws: string; kind: SubDocKind; id: string }
  | { t: 'query'; ws: string; requestId: number; json: string }
  /** Index everything pending now and save; answered with `done`. */
  | { t: 'flush'; ws: string; ack: number }
  /** Flush, save, forget the workspace; answered with `done`. */
  | { t: 'close'; ws: string; ack: number }

export type FromWorker =
  /** The root as read from disk: the main thread answers with what it has beyond it. */
  | { t: 'rootVector'; ws: string; vector: Uint8Array }
  | { t: 'status'; ws: string; status: SearchStatus }
  | { t: 'result'; requestId: number; response: SearchResponse }
  | { t: 'done'; ack: number }
  | { t: 'log'; line: string }
