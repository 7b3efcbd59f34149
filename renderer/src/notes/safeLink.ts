import { isWorkspaceId, type BoardId, type NoteId, type WorkspaceId } from '../../../shared/ids'
import { isBoardId, isNoteId } from '../../../shared/rooms'

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

/** A place in Kryss a note can link to: another note, or a board (`#w=…&n=…`, `#w=…&b=…`). */
export type AppLink = { workspace: WorkspaceId; note?: NoteId; board?: BoardId }

/**
 * Reads an in-app link (the app's own route hash, as a promoted sticky's note links back to its
 * board). Anything else in the hash, or an id that is not one, makes it not a link.
 */
export function parseAppLink(href: string): AppLink | undefined {
  if (!href.startsWith('#')) return undefined
  const params = new URLSearchParams(href.slice(1))
  const keys = [...params.keys()]
  if (keys.some((key) => key !== 'w' && key !== 'n' && key !== 'b')) return undefined
  const workspace = params.get('w')
  const note = params.get('n')
  const board = params.get('b')
  if (!isWorkspaceId(workspace)) return undefined
  if (note !== null && !isNoteId(note)) return undefined
  if (board !== null && !isBoardId(board)) return undefined
  if (note === null && board === null) return undefined
  return {
    workspace,
    ...(note === null ? {} : { note: note }),
    ...(board === null ? {} : { board: board }),
  }
}

/** What a note's links may point at: the web, email, or a place in Kryss. */
export function isAllowedLink(href: string): boolean {
  return isSafeHref(href) || parseAppLink(href) !== undefined
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
