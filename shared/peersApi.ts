import { z } from 'zod'
import { MAX_INVITE_PAYLOAD_CHARS, type InviteError } from './invite'

/**
 * The owner API for peer links (electron/core/http/peerApi.ts): joining a workspace by invite,
 * and the truth about a workspace's links. Kept apart from hostApi.ts because it grows with the
 * peer features.
 */

/** `POST /api/join`: the invite link (or bare payload) as pasted. */
export const joinRequest = z.object({
  invite: z
    .string()
    .trim()
    .min(1)
    .max(MAX_INVITE_PAYLOAD_CHARS + 512),
})
export type JoinRequest = z.infer<typeof joinRequest>

/** `POST /api/workspaces/<id>/invite`: a view-only invite when `readOnly`. */
export const inviteRequest = z.object({ readOnly: z.boolean() })
export const inviteResponse = z.object({ invite: z.string() })

/** How one link is doing (mirrors `PeerLinkStatus` in electron/core/peers/peerLinks.ts). */
export const peerLinkStatusSchema = z.object({
  workspaceId: z.string(),
  direction: z.enum(['in', 'out']),
  hosts: z.array(z.string()),
  remoteHostId: z.string().nullable(),
  state: z.enum(['connecting', 'syncing', 'synced', 'duplicate', 'unavailable']),
  lastSyncedAt: z.number().nullable(),
  /** Changes since this link was last in sync, counted like `unshared`. */
  waiting: z.number(),
  lastError: z.string().nullable(),
})
export type PeerLinkInfo = z.infer<typeof peerLinkStatusSchema>

/** `GET /api/workspaces/<id>/peers`. */
export const workspacePeersResponse = z.object({
  links: z.array(peerLinkStatusSchema),
  /**
   * Changes made on this host that no peer has yet: 0 while any link is in sync, else the
   * fewest `waiting` on any outgoing link. 0 also when the workspace has no links at all
   * (nobody to share with). A change is a burst of edits to one document (the workspace root
   * or one note body) with no pause of 3 s or more (`CHANGE_COALESCE_MS`), so typing a
   * sentence counts as one change, not one per keystroke or sync message; edits to two notes
   * are two changes.
   */
  unshared: z.number().int().min(0),
})
export type WorkspacePeers = z.infer<typeof workspacePeersResponse>

/** Why an invite cannot be used, in words (the API's 400; the UI words it in nb/en itself). */
export function describeInviteError(error: InviteError): string {
  switch (error) {
    case 'not-an-invite':
      return 'This is not an invite link. It looks like http://HOST:PORT/join#…'
    case 'too-long':
      return 'This text is too long to be an invite link.'
    case 'unreadable':
      return 'This invite link is damaged: part of it may be missing. Copy it again.'
    case 'wrong-version':
      return 'This invite was made by another version of Kryss.'
    case 'invalid':
      return 'This invite link is incomplete or damaged. Copy it again.'
  }
}
