import type { WorkspaceId } from '../../../shared/ids'
import { arraysEqual, createValueStore } from '../lib/externalStore'
import { sameEntry, type HostSession, type WorkspaceEntry } from './hostSession'
import {
  pickHost,
  readJoinedWorkspaces,
  updateJoinedMeta,
  type JoinedWorkspace,
} from './joinedWorkspaces'
import {
  readLocalProfile,
  readLocalSettings,
  writeLocalProfile,
  writeLocalSettings,
} from './localPreferences'

function toEntry(joined: JoinedWorkspace): WorkspaceEntry {
  return {
    id: joined.invite.workspace,
    name: joined.name ?? joined.invite.name,
    demo: joined.demo ?? false,
    warnings: [],
    error: undefined,
    invite: undefined,
    readOnly: joined.invite.readOnly === true,
  }
}

const guestsCannot = (): Promise<never> =>
  Promise.reject(new Error('Guests cannot manage workspaces.'))

/**
 * A browser guest: sees only the workspaces it joined by invite, syncs each with its invite's
 * token, and keeps profile and settings in localStorage (it has no access to the host API).
 */
export function createGuestSession(pageOrigin: string): HostSession {
  const workspaces = createValueStore<readonly WorkspaceEntry[]>(
    readJoinedWorkspaces().map(toEntry),
  )
  const setJoined = (joined: readonly JoinedWorkspace[]): void => {
    const entries = joined.map(toEntry)
    if (!arraysEqual(entries, workspaces.getSnapshot(), sameEntry)) workspaces.set(entries)
  }

  return {
    mode: 'guest',
    surface: 'browser',
    canManageWorkspaces: false,
    sharing: undefined,
    preferencesInBrowser: true,
    workspaces,
    refreshWorkspaces: () => {
      setJoined(readJoinedWorkspaces())
      return Promise.resolve()
    },
    syncTarget(id: WorkspaceId) {
      const joined = readJoinedWorkspaces().find((entry) => entry.invite.workspace === id)
      if (joined === undefined) return undefined
      return { hostUrl: pickHost(joined.invite, pageOrigin), token: joined.invite.token }
    },
    createWorkspace: guestsCannot,
    renameWorkspace: guestsCannot,
    deleteWorkspace: guestsCannot,
    noteWorkspaceMeta(id, meta) {
      const updated = updateJoinedMeta(id, meta)
      if (updated !== undefined) setJoined(updated)
    },
    loadPreferences: () =>
      Promise.resolve({ profile: readLocalProfile(), settings: readLocalSettings() }),
    saveProfile(profile) {
      writeLocalProfile(profile)
      return Promise.resolve()
    },
    saveSettings(settings) {
      writeLocalSettings(settings)
      return Promise.resolve()
    },
  }
}
