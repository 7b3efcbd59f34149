import { z } from 'zod'
import {
  base64UrlToBytes,
  bytesToBase64Url,
  TOKEN_PATTERN,
  WORKSPACE_ID_PATTERN,
  type WorkspaceId,
} from './ids'

/** Version of the invite payload. Readers refuse other versions with a clear message. */
export const INVITE_VERSION = 1

/** An invite payload longer than this is refused before it is parsed. */
export const MAX_INVITE_PAYLOAD_CHARS = 4096

const hostUrl = z
  .string()
  .max(256)
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/'
    } catch {
      return false
    }
  }, 'a host is an http(s) origin such as http://192.168.1.20:4455')

export const inviteSchema = z.object({
  v: z.literal(INVITE_VERSION),
  workspace: z
    .string()
    .regex(WORKSPACE_ID_PATTERN)
    .transform((id) => id as WorkspaceId),
  name: z.string().min(1).max(200),
  token: z.string().regex(TOKEN_PATTERN),
  hosts: z.array(hostUrl).min(1).max(16),
  /**
   * Set on view-only invites, whose token can read but not change the documents, so the UI
   * can offer no editing that the host would refuse (4403). Absent means a full invite; older
   * readers strip it, which is why the payload stays version 1.
   */
  readOnly: z.literal(true).optional(),
})

/** What an invite link carries: which workspace, what it is called, the capability, where. */
export type Invite = z.infer<typeof inviteSchema>

export type InviteResult = { ok: true; invite: Invite } | { ok: false; error: InviteError }
export type InviteError = 'not-an-invite' | 'too-long' | 'unreadable' | 'wrong-version' | 'invalid'

/** Normalises a host URL to its origin with a trailing slash: `http://h:1/`. */
export function normalizeHost(host: string): string {
  return `${new URL(host).origin}/`
}

/** Encodes an invite as `http://HOST:PORT/join#<base64url JSON>`, using the first host. */
export function encodeInviteLink(invite: Invite): string {
  const json = JSON.stringify(inviteSchema.parse(invite))
  const payload = bytesToBase64Url(new TextEncoder().encode(json))
  const first = invite.hosts[0] as string
  return `${normalizeHost(first)}join#${payload}`
}

/**
 * Decodes an invite link (or a bare payload). Never throws: bad input gets a reason that the
 * UI can put into words.
 */
export function decodeInviteLink(text: string): InviteResult {
  const trimmed = text.trim()
  const hashAt = trimmed.indexOf('#')
  const payload = hashAt >= 0 ? trimmed.slice(hashAt + 1) : trimmed
  if (hashAt >= 0 && !/\/join$/.test(trimmed.slice(0, hashAt))) {
    return { ok: false, error: 'not-an-invite' }
  }
  if (payload.length === 0) return { ok: false, error: 'not-an-invite' }
  if (payload.length > MAX_INVITE_PAYLOAD_CHARS) return { ok: false, error: 'too-long' }
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(payload)))
  } catch {
    return { ok: false, error: 'unreadable' }
  }
  if (typeof raw === 'object' && raw !== null && 'v' in raw && raw.v !== INVITE_VERSION) {
    return { ok: false, error: 'wrong-version' }
  }
  const parsed = inviteSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, error: 'invalid' }
  return { ok: true, invite: parsed.data }
}

/** The WebSocket base URL (`ws://HOST:PORT/sync`) for a host origin. */
export function syncUrlForHost(host: string): string {
  return `${new URL(host).origin.replace(/^http/, 'ws')}/sync`
}
