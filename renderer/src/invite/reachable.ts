import { decodeInviteLink } from '../../../shared/invite'

/**
 * Whether others can use an invite link: its first host is not this computer's loopback. A QR
 * code of a loopback link would send every phone that scans it to itself.
 */
export function isReachableFromOthers(invite: string): boolean {
  const decoded = decodeInviteLink(invite)
  if (!decoded.ok) return false
  const { hostname } = new URL(decoded.invite.hosts[0] as string)
  return !(hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.'))
}
