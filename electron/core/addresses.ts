import { isIP } from 'node:net'
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'

/** Most hosts an invite can name (see shared/invite.ts). */
const MAX_INVITE_HOSTS = 16

export type InterfaceLister = () => NodeJS.Dict<NetworkInterfaceInfo[]>

/** Binding to every interface: the LAN can reach us, so invites name LAN addresses. */
export function isWildcardBind(bind: string): boolean {
  return bind === '0.0.0.0' || bind === '::' || bind === ''
}

function originFor(address: string, port: number): string {
  return isIP(address) === 6 ? `http://[${address}]:${port}` : `http://${address}:${port}`
}

/**
 * The URL for reaching the host from this computer (no trailing slash). For a wildcard bind
 * that is loopback, which is always there.
 */
export function localUrl(bind: string, port: number): string {
  return originFor(isWildcardBind(bind) ? '127.0.0.1' : bind, port)
}

/**
 * Host origins to put in invite links (`http://ADDR:PORT/`), best first: the bind address, or
 * for a wildcard bind every non-internal IPv4 address and then loopback (useful on this
 * computer, and harmless elsewhere because a guest tries the hosts in order).
 */
export function advertisedHosts(
  bind: string,
  port: number,
  listInterfaces: InterfaceLister = networkInterfaces,
): string[] {
  if (!isWildcardBind(bind)) return [`${originFor(bind, port)}/`]
  return joinHosts(lanHosts(port, listInterfaces), [`${originFor('127.0.0.1', port)}/`])
}

/** This computer's non-internal IPv4 origins at `port`: what others on the LAN can reach. */
export function lanHosts(
  port: number,
  listInterfaces: InterfaceLister = networkInterfaces,
): string[] {
  const lan: string[] = []
  for (const infos of Object.values(listInterfaces())) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal) lan.push(`${originFor(info.address, port)}/`)
    }
  }
  return [...new Set(lan)]
}

/** Invite hosts in order, without duplicates, at most as many as an invite can carry. */
export function joinHosts(...lists: string[][]): string[] {
  return [...new Set(lists.flat())].slice(0, MAX_INVITE_HOSTS)
}
