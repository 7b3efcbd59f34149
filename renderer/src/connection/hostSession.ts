import type { AddAddressResponse, NearbyHost } from '../../../shared/discovery'
import type { WorkspaceId } from '../../../shared/ids'
import type { HostingStatus, Profile, Settings } from '../../../shared/hostApi'
import type { WorkspacePeers } from '../../../shared/peersApi'
import type { ExternalStore } from '../lib/externalStore'

/** Who is using this renderer: the host's owner, or a guest who joined by invite. */
export type SessionMode = 'owner' | 'guest'
/** Where the renderer runs: the Electron window next to its own host, or a browser. */
export type Surface = 'desktop' | 'browser'

export type WorkspaceEntry = {
  id: WorkspaceId
  name: string
  demo: boolean
  /** Storage problems the host found, in plain words. */
  warnings: readonly string[]
  /** Set when the host could not open the workspace; its data is kept untouched. */
  error: string | undefined
  /** The invite link to share; only the owner knows it (guests get undefined). */
  invite: string | undefined
  /**
   * Joined with a view-only invite: the host refuses every change (4403), so the UI offers
   * none. Always false for the owner.
   */
  readOnly: boolean
  /** The owner's private notebook (never shared: no invite, no peers). Owners only. */
  private?: boolean
}

/**
 * What the owner can do to let people in: LAN hosting and new invite links. Guests have none
 * of it, so their session leaves `sharing` undefined and the UI shows no Invite button.
 */
export type SharingControls = {
  getHosting(): Promise<HostingStatus>
  /** Turns LAN hosting on or off; the workspace list (and so each invite) is refreshed. */
  setHosting(on: boolean): Promise<HostingStatus>
  /** Gives the workspace a new token: old links stop working, connections using them close. */
  rotateInvite(id: WorkspaceId): Promise<void>
  /** Joins another host's workspace by its invite link; the list is refreshed. */
  joinWorkspace(invite: string): Promise<WorkspaceId>
  /** An invite link for the workspace; a view-only one (guests cannot edit) with `readOnly`. */
  getInvite(id: WorkspaceId, readOnly: boolean): Promise<string>
  /** The workspace's peer links and its changes not yet shared with any peer. */
  getWorkspacePeers(id: WorkspaceId): Promise<WorkspacePeers>
  /** Hosts found on the LAN (or at a typed-in address) and the workspaces they have. */
  getNearby(): Promise<NearbyHost[]>
  /** Saves a host address for networks without multicast; says whether a Kryss answered. */
  addPeerAddress(address: string): Promise<AddAddressResponse>
}

/** Where and with which capability to sync one workspace. */
export type SyncTarget = { hostUrl: string; token: string }

export type Preferences = { profile: Profile | null; settings: Settings }

/**
 * Everything the UI needs from "the host", whichever way this renderer reached it. Components
 * ask `canManageWorkspaces` instead of branching on the mode.
 */
export type HostSession = {
  readonly mode: SessionMode
  readonly surface: Surface
  readonly canManageWorkspaces: boolean
  /** Present for the owner only. */
  readonly sharing: SharingControls | undefined
  /** True when profile and settings live in this browser only (not on a host). */
  readonly preferencesInBrowser: boolean
  readonly workspaces: ExternalStore<readonly WorkspaceEntry[]>
  refreshWorkspaces(): Promise<void>
  syncTarget(id: WorkspaceId): SyncTarget | undefined
  createWorkspace(name: string): Promise<WorkspaceId>
  renameWorkspace(id: WorkspaceId, name: string): Promise<void>
  deleteWorkspace(id: WorkspaceId): Promise<void>
  /**
   * Tells the session what a workspace's own document says about itself, so names changed by
   * other peers show up in the list (guests know workspaces only from their invites).
   */
  noteWorkspaceMeta(id: WorkspaceId, meta: { name: string; demo: boolean }): void
  loadPreferences(): Promise<Preferences>
  saveProfile(profile: Profile): Promise<void>
  saveSettings(settings: Settings): Promise<void>
}

export function sameEntry(a: WorkspaceEntry, b: WorkspaceEntry): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.demo === b.demo &&
    a.error === b.error &&
    a.invite === b.invite &&
    a.readOnly === b.readOnly &&
    a.private === b.private &&
    a.warnings.length === b.warnings.length &&
    a.warnings.every((warning, i) => warning === b.warnings[i])
  )
}
