const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/
const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** Only web and email links: no `javascript:`, `file:`, `data:` or relative links. */
export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href)
    if (url.protocol === 'mailto:') return EMAIL.test(decodeURIComponent(url.pathname))
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0
  } catch {
    return false
  }
}

/**
 * Turns what someone typed into a link target: `example.com` becomes `https://example.com`,
 * `ola@example.no` becomes `mailto:ola@example.no`. Undefined when it is not a safe link.
 */
export function normalizeLinkInput(input: string): string | undefined {
  const text = input.trim()
  if (text.length === 0) return undefined
  let href = text
  if (!SCHEME.test(text) || /^[^\s@/:]+@/.test(text)) {
    href = EMAIL.test(text) ? `mailto:${text}` : `https://${text}`
  }
  return isSafeHref(href) ? href : undefined
}

/** Opens a link outside the app: the system browser on desktop, a new tab in a browser. */
export function openExternalLink(href: string): void {
  if (!isSafeHref(href)) return
  if (window.kryss !== undefined) {
    window.kryss.openExternal(href).catch(() => undefined)
    return
  }
  window.open(href, '_blank', 'noopener,noreferrer')
}
