import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/**
 * Compares secrets in constant time. Both sides are hashed first so the comparison does not
 * leak the expected token's length either.
 */
export function tokensEqual(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given === '') return false
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/** The bearer token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')
  return match?.[1] ?? null
}

/**
 * Which browser origins may talk to the host. Non-browser clients send no `Origin` and are
 * allowed (their token is the check); a page served by this very host has the origin
 * `http://<Host header>`; `allowedOrigins` adds e.g. the Electron shell's `kryss://app`.
 *
 * WARNING: this is a guard against other web pages using a visitor's browser, not
 * authentication. Tokens are what keep documents private.
 */
export function isAllowedOrigin(
  headers: IncomingHttpHeaders,
  allowedOrigins: readonly string[],
): boolean {
  const origin = headers.origin
  if (origin === undefined) return true
  if (allowedOrigins.includes(origin)) return true
  const host = headers.host
  return host !== undefined && origin === `http://${host}`
}
