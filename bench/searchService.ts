import { existsSync } from 'node:fs'
import path from 'node:path'
import type * as Y from 'yjs'
import type { SearchStatus } from '../shared/search/protocol'
import { SearchService, type FollowedDocs } from '../electron/core/search/service'

/** Sub-documents that never change: the benches index what is on disk. */
export const NO_DOCS: FollowedDocs = { onUpdate: () => () => {} }

/** The worker as shipped (`npm run bench` builds first), else the sources through tsx. */
const BUILT_WORKER = path.resolve(import.meta.dirname, '../out/main/searchWorker.js')

/** Which worker the service runs: what the figures are of. */
export function searchWorkerKind(): string {
  return existsSync(BUILT_WORKER) ? 'built' : 'sources via tsx'
}

export function newSearchService(log: (line: string) => void): SearchService {
  return new SearchService({
    log,
    ...(existsSync(BUILT_WORKER) ? { workerFile: BUILT_WORKER } : {}),
  })
}

export function waitForSearchStatus(
  service: SearchService,
  ws: string,
  done: (status: SearchStatus) => boolean,
): Promise<void> {
  const room = service.room(ws)
  if (room === undefined) throw new Error('search is not following the workspace')
  return new Promise((resolve) => {
    if (done(room.status())) return resolve()
    const off = room.onStatus((status) => {
      if (!done(status)) return
      off()
      resolve()
    })
  })
}

/**
 * Builds and saves a written workspace's search index, as a host that has run before has it.
 * Without it the measured host spends its first seconds (8–9 s at 10k notes) indexing on one
 * of the machine's cores, and what is measured meanwhile is that contention.
 */
export async function buildSearchIndex(
  workspaceId: string,
  dir: string,
  root: Y.Doc,
): Promise<void> {
  // The service's worker and timers do not hold the process open; this does, meanwhile.
  const keepAlive = setInterval(() => {}, 1_000)
  const service = newSearchService(() => {})
  const follower = service.follow({ id: workspaceId, dir, root, bodies: NO_DOCS, boards: NO_DOCS })
  await waitForSearchStatus(service, workspaceId, (status) => status.state === 'ready')
  await follower.close()
  await service.stop()
  clearInterval(keepAlive)
}
