import { z } from 'zod'

/**
 * LAN discovery: what a hosting Kryss tells the network about itself, over DNS-SD (a TXT
 * record) and over `GET /api/discovery` (the same data as JSON, for networks where multicast
 * is blocked). It never carries a secret: a host id, a protocol version and, per hosted
 * workspace, a tag that only someone who already knows the workspace id can match, plus the
 * display name when the owner lets it show as nearby. See docs/PROTOCOL.md, "Discovery".
 */
export const DISCOVERY_VERSION = 1

/** DNS-SD service type (`_kryss._tcp`), as bonjour-service spells it. */
export const DISCOVERY_SERVICE_TYPE = 'kryss'

/** Path of the unauthenticated discovery answer on every host. */
export const DISCOVERY_PATH = '/api/discovery'

/** Most workspaces one host advertises; a TXT record has to fit in one mDNS packet. */
export const MAX_ADVERTISED_WORKSPACES = 20

/** Longest advertised name, in characters; the full name is for members to see. */
export const MAX_ADVERTISED_NAME = 40

/** A TXT record larger than this is cut short (whole entries), to stay inside one packet. */
export const MAX_TXT_BYTES = 1300

const TAG_PATTERN = /^[0-9a-f]{16}$/
const HOST_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/

export const advertisedWorkspaceSchema = z.object({
  /** `workspaceTag(workspaceId, hostId)`: 16 hex digits of an HMAC keyed by the workspace id. */
  tag: z.string().regex(TAG_PATTERN),
  name: z.string().min(1).max(MAX_ADVERTISED_NAME).optional(),
})
export type AdvertisedWorkspace = z.infer<typeof advertisedWorkspaceSchema>

export const discoveryInfoSchema = z.object({
  v: z.number().int(),
  hostId: z.string().regex(HOST_ID_PATTERN),
  workspaces: z.array(advertisedWorkspaceSchema).max(MAX_ADVERTISED_WORKSPACES),
})
/** What one host advertises: the same in its TXT record and at {@link DISCOVERY_PATH}. */
export type DiscoveryInfo = z.infer<typeof discoveryInfoSchema>

/** Cuts a display name to what may be advertised (whole code points, trimmed). */
export function advertisedName(name: string): string | undefined {
  const cut = [...name.trim()].slice(0, MAX_ADVERTISED_NAME).join('').trim()
  return cut.length > 0 ? cut : undefined
}

/**
 * Encodes as TXT key/values: `v`, `id`, and `w0`…`w19` = `<tag>` or `<tag>:<name>`. Entries
 * that would take the record past {@link MAX_TXT_BYTES} are left out; the JSON answer has them.
 */
export function encodeDiscoveryTxt(info: DiscoveryInfo): Record<string, string> {
  const txt: Record<string, string> = { v: String(info.v), id: info.hostId }
  // Each TXT string is `key=value` behind a length byte.
  const size = (key: string, value: string) =>
    2 + key.length + new TextEncoder().encode(value).length
  let bytes = size('v', txt.v as string) + size('id', info.hostId)
  info.workspaces.slice(0, MAX_ADVERTISED_WORKSPACES).forEach((w, i) => {
    const key = `w${i}`
    const value = w.name === undefined ? w.tag : `${w.tag}:${w.name}`
    if (bytes + size(key, value) > MAX_TXT_BYTES) return
    bytes += size(key, value)
    txt[key] = value
  })
  return txt
}

/**
 * Decodes a TXT record found on the network. Returns null for anything that is not a Kryss
 * advertisement of this version; bad workspace entries are skipped, not trusted.
 */
export function decodeDiscoveryTxt(txt: Readonly<Record<string, unknown>>): DiscoveryInfo | null {
  const v = Number(txt.v)
  const hostId = txt.id
  if (v !== DISCOVERY_VERSION || typeof hostId !== 'string' || !HOST_ID_PATTERN.test(hostId)) {
    return null
  }
  const workspaces: AdvertisedWorkspace[] = []
  for (let i = 0; i < MAX_ADVERTISED_WORKSPACES; i++) {
    const value = txt[`w${i}`]
    if (typeof value !== 'string') continue
    const colon = value.indexOf(':')
    const tag = colon < 0 ? value : value.slice(0, colon)
    const name = colon < 0 ? undefined : advertisedName(value.slice(colon + 1))
    const parsed = advertisedWorkspaceSchema.safeParse(name === undefined ? { tag } : { tag, name })
    if (parsed.success) workspaces.push(parsed.data)
  }
  return { v, hostId, workspaces }
}

const hostAddress = z
  .string()
  .trim()
  .min(1)
  .max(256)
  // People type `192.168.1.20:4455`; a scheme-less address is taken as http.
  .transform((value) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`))
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
    } catch {
      return false
    }
  }, 'an address looks like http://192.168.1.20:4455')
  .transform((value) => `${new URL(value).origin}/`)

/** `POST /api/peers/addresses`: a host to ask for its workspaces when mDNS cannot find it. */
export const addAddressRequest = z.object({ address: hostAddress })

/** The answer to {@link addAddressRequest}: the saved origin and whether a Kryss answered. */
export const addAddressResponse = z.object({
  address: z.string(),
  found: z.boolean(),
  error: z.string().optional(),
})
export type AddAddressResponse = z.infer<typeof addAddressResponse>

export const nearbyWorkspaceSchema = z.object({
  tag: z.string(),
  name: z.string().optional(),
  /** This host has the workspace too (and links to it); otherwise it is only listed. */
  member: z.boolean(),
})
export type NearbyWorkspace = z.infer<typeof nearbyWorkspaceSchema>

export const nearbyHostSchema = z.object({
  hostId: z.string(),
  address: z.string(),
  workspaces: z.array(nearbyWorkspaceSchema),
})
export type NearbyHost = z.infer<typeof nearbyHostSchema>

/** `GET /api/nearby` (owner): hosts found on the LAN or at a known address. */
export const nearbyResponse = z.object({ hosts: z.array(nearbyHostSchema) })
export type NearbyResponse = z.infer<typeof nearbyResponse>

/** `PUT /api/nearby/visibility`: whether a workspace's name is advertised (its tag always is). */
export const setNearbyVisibilityRequest = z.object({
  workspace: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
  visible: z.boolean(),
})
