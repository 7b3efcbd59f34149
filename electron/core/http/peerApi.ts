import type { WorkspaceId } from '../../../shared/ids'
import type { Invite } from '../../../shared/invite'
import type { WorkspacePeers } from '../../../shared/peersApi'
import type { PeerLinks } from '../peers/peerLinks'
import type { WorkspaceEntry, WorkspaceRegistry } from '../workspaces'

/** Peer links as the API drives them: join by invite, and each workspace's links. */
export interface PeerControl {
  /** Registers the workspace if new here, keeps a link to the inviting host; the entry. */
  join(invite: Invite): Promise<WorkspaceEntry>
  /** The workspace's links and its local changes not yet shared with any peer. */
  workspacePeers(id: WorkspaceId): WorkspacePeers
}

/** The {@link PeerControl} of a running host. */
export function createPeerControl(peers: PeerLinks, registry: WorkspaceRegistry): PeerControl {
  return {
    async join(invite) {
      await peers.link(invite)
      const entry = registry.get(invite.workspace)
      if (!entry) throw new Error(`joined ${invite.workspace} but it is not registered`)
      return entry
    },
    workspacePeers(id) {
      return {
        links: peers.status().filter((s) => s.workspaceId === id),
        unshared: peers.unshared(id),
      }
    },
  }
}
