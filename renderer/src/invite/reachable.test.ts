import { describe, expect, it } from 'vitest'
import type { WorkspaceId } from '../../../shared/ids'
import { encodeInviteLink, INVITE_VERSION } from '../../../shared/invite'
import { isReachableFromOthers } from './reachable'

function link(hosts: string[]): string {
  return encodeInviteLink({
    v: INVITE_VERSION,
    workspace: 'ws-verksted' as WorkspaceId,
    name: 'Verksted',
    token: 'a'.repeat(43),
    hosts,
  })
}

describe('isReachableFromOthers', () => {
  it('is true when the link leads with a LAN address', () => {
    expect(
      isReachableFromOthers(link(['http://192.168.1.20:4455/', 'http://127.0.0.1:4455/'])),
    ).toBe(true)
  })

  it('is false for loopback-only links and for anything that is not an invite', () => {
    expect(isReachableFromOthers(link(['http://127.0.0.1:4455/']))).toBe(false)
    expect(isReachableFromOthers(link(['http://localhost:4455/']))).toBe(false)
    expect(isReachableFromOthers(link(['http://[::1]:4455/']))).toBe(false)
    expect(isReachableFromOthers('http://192.168.1.20:4455/')).toBe(false)
  })
})
