import type { WorkspaceInfo } from '../../../shared/hostApi'
import type { WorkspaceId } from '../../../shared/ids'
import { arraysEqual, createValueStore } from '../lib/externalStore'
import { createHostApi } from './hostApiClient'
import { sameEntry, type HostSession, type Surface, type WorkspaceEntry } from './hostSession'

function toEntry(info: WorkspaceInfo): WorkspaceEntry {
  return {
    id: info.id,
    name: info.name,
    demo: info.demo,
    warnings: info.warnings,
    error: info.error,
    invite: info.invite,
    readOnly: false,
    ...(info.private === true ? { private: true } : {}),
  }
}

/**
 * The owner's session: workspaces, profile and settings live on the host and are reached
 * through its HTTP API with the owner token (from the Electron preload, or the hub's owner
 * link).
 */
export function createOwnerSession(input: {
  hostUrl: string
  token: string
  surface: Surface
  fetchImpl?: typeof fetch
}): HostSession {
  const api = createHostApi(input.hostUrl, input.token, input.fetchImpl)
  const workspaces = createValueStore<readonly WorkspaceEntry[]>([])

  const setEntries = (entries: readonly WorkspaceEntry[]): void => {
    if (!arraysEqual(entries, workspaces.getSnapshot(), sameEntry)) workspaces.set(entries)
  }
  const refreshWorkspaces = async (): Promise<void> => {
    setEntries((await api.listWorkspaces()).map(toEntry))
  }

  return {
    mode: 'owner',
    surface: input.surface,
    canManageWorkspaces: true,
    sharing: {
      getHosting: () => api.getHosting(),
      async setHosting(on) {
        const status = await api.setHosting(on)
        await refreshWorkspaces()
        return status
      },
      async rotateInvite(id) {
        await api.rotateToken(id)
        await refreshWorkspaces()
      },
      async joinWorkspace(invite) {
        const joined = await api.joinWorkspace(invite)
        await refreshWorkspaces()
        return joined.id
      },
      getWorkspacePeers: (id) => api.getWorkspacePeers(id),
      getInvite: (id, readOnly) => api.getInvite(id, readOnly),
      getNearby: () => api.getNearby(),
      addPeerAddress: (address) => api.addPeerAddress(address),
    },
    preferencesInBrowser: false,
    workspaces,
    refreshWorkspaces,
    syncTarget: () => ({ hostUrl: input.hostUrl, token: input.token }),
    async createWorkspace(name) {
      const before = new Set(workspaces.getSnapshot().map((entry) => entry.id))
      const created = await api.createWorkspace(name)
      await refreshWorkspaces()
      const id = created?.id ?? workspaces.getSnapshot().find((entry) => !before.has(entry.id))?.id
      if (id === undefined) throw new Error('The host did not say which workspace it created.')
      return id
    },
    async renameWorkspace(id, name) {
      await api.renameWorkspace(id, name)
      await refreshWorkspaces()
    },
    async deleteWorkspace(id) {
      await api.deleteWorkspace(id)
      await refreshWorkspaces()
    },
    noteWorkspaceMeta(id: WorkspaceId, meta) {
      const entries = workspaces.getSnapshot()
      if (meta.name.length === 0) return
      if (!entries.some((entry) => entry.id === id && entry.name !== meta.name)) return
      setEntries(entries.map((entry) => (entry.id === id ? { ...entry, name: meta.name } : entry)))
    },
    async loadPreferences() {
      const [profile, settings] = await Promise.all([api.getProfile(), api.getSettings()])
      return { profile, settings }
    },
    saveProfile: (profile) => api.putProfile(profile),
    saveSettings: (settings) => api.putSettings(settings),
  }
}
