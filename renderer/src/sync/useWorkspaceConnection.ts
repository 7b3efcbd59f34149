import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { WorkspaceId } from '../../../shared/ids'
import type { ConnectionPool } from './connectionPool'
import type { WorkspaceConnection } from './workspaceConnection'

/** The open connection for a workspace; opens it while the calling component is mounted. */
export function useWorkspaceConnection(
  pool: ConnectionPool,
  id: WorkspaceId | undefined,
): WorkspaceConnection | undefined {
  useEffect(() => (id === undefined ? undefined : pool.acquire(id)), [pool, id])
  const getSnapshot = useCallback(() => pool.get(id), [pool, id])
  return useSyncExternalStore(pool.subscribe, getSnapshot)
}
