import { useSyncExternalStore } from 'react'
import type { WorkspaceId } from '../../../shared/ids'
import type { HostSession, WorkspaceEntry } from '../connection/hostSession'
import { createValueStore, type ExternalStore } from '../lib/externalStore'
import { createNotebookApi, type NotebookApi } from './notebookApi'

/**
 * The host session as the note view's share line needs it (the note view is given only the
 * workspace connection). The sidebar's notebook entry, mounted beside every open workspace,
 * provides it. One renderer has one session, so one slot is enough.
 */
const current = createValueStore<HostSession | undefined>(undefined)

/** Makes `session` the one the share line uses; returns the disposer (for an effect). */
export function provideNotebookSession(session: HostSession): () => void {
  current.set(session)
  return () => {
    if (current.getSnapshot() === session) current.set(undefined)
  }
}

export function useNotebookSession(): HostSession | undefined {
  return useSyncExternalStore(current.subscribe, current.getSnapshot)
}

const NO_ENTRIES: ExternalStore<readonly WorkspaceEntry[]> = {
  subscribe: () => () => {},
  getSnapshot: () => [],
}

/** The session's workspaces (none without a session). */
export function useWorkspaceEntries(session: HostSession | undefined): readonly WorkspaceEntry[] {
  const store = session?.workspaces ?? NO_ENTRIES
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/**
 * The notebook calls for an owner session; undefined for a guest, who has no host API (and
 * whose host would refuse it anyway).
 */
export function notebookApiFor(session: HostSession | undefined): NotebookApi | undefined {
  if (session?.mode !== 'owner' || session.sharing === undefined) return undefined
  // An owner's sync target is the host itself with the owner token, whichever workspace is
  // named — also before any workspace exists.
  const target = session.syncTarget(session.workspaces.getSnapshot()[0]?.id ?? ('' as WorkspaceId))
  return target === undefined ? undefined : createNotebookApi(target)
}
