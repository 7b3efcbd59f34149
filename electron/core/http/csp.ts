/** CSP directives, in the order they are written. */
export type CspDirectives = Record<string, readonly string[]>

/**
 * The renderer's Content-Security-Policy: scripts only from the app itself, no plugins, no
 * framing, no `<base>` tricks. `connect-src` is open to ws/http because a guest reaches hosts
 * named in invite links, which are not known when the page is served.
 */
export const RENDERER_CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // TipTap and Radix set inline styles at run time.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'", 'ws:', 'wss:', 'http:', 'https:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
}

/**
 * Builds the CSP header value. The hub serves the defaults; the Electron shell can replace a
 * directive's sources (e.g. narrow `connect-src` to its own host core) or add directives.
 */
export function buildContentSecurityPolicy(overrides: Partial<CspDirectives> = {}): string {
  const directives = { ...RENDERER_CSP_DIRECTIVES, ...overrides }
  return Object.entries(directives)
    .filter((entry): entry is [string, readonly string[]] => entry[1] !== undefined)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** Headers sent with every HTML page of the renderer. */
export function htmlSecurityHeaders(csp = buildContentSecurityPolicy()): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  }
}
