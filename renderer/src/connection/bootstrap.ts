import type { Settings } from '../../../shared/hostApi'
import { decodeInviteLink, type InviteError } from '../../../shared/invite'
import type { KryssApi } from '../../../shared/ipc'
import { readStored, writeStored } from '../lib/browserStorage'
import { replaceUrl } from '../lib/route'
import { createGuestSession } from './guestSession'
import { HostApiError } from './hostApiClient'
import type { HostSession, Preferences } from './hostSession'
import { readJoinedWorkspaces, rememberInvite } from './joinedWorkspaces'
import { readLocalSettings } from './localPreferences'
import { createOwnerSession } from './ownerSession'

const OWNER_TOKEN_KEY = 'kryss.ownerToken'
const OWNER_HASH_PREFIX = '#owner='

/** How the app starts, decided once from the environment. */
export type Startup =
  | { kind: 'ready'; session: HostSession; preferences: Preferences }
  /** A browser with no owner token and no remembered invites. */
  | { kind: 'welcome'; settings: Settings }
  | { kind: 'invite-error'; error: InviteError; settings: Settings }
  | {
      kind: 'unreachable'
      reason: 'host' | 'owner-link-expired'
      detail: string
      settings: Settings
    }

export type StartupEnvironment = {
  kryss: KryssApi | undefined
  location: Pick<Location, 'href' | 'hash' | 'pathname' | 'origin'>
  now: () => number
}

export function browserEnvironment(): StartupEnvironment {
  return { kryss: window.kryss, location: window.location, now: Date.now }
}

/**
 * Finds the host and who we are to it. Three ways in:
 * 1. Desktop: the preload's `window.kryss` hands over the local host and the owner token.
 * 2. Owner link in a browser (`/#owner=<token>`, printed by the hub): the token moves to
 *    sessionStorage and out of the URL, so it does not linger in history or screenshots.
 * 3. Guest by invite (`/join#<payload>`): the invite is remembered in localStorage and the
 *    URL becomes `/#w=<workspace>`, so a reload stays in the workspace.
 * Without any of these a browser shows the welcome page.
 */
export async function startConnection(env: StartupEnvironment): Promise<Startup> {
  if (env.kryss !== undefined) {
    let connection
    try {
      connection = await env.kryss.getHostConnection()
    } catch (error) {
      return { kind: 'unreachable', reason: 'host', detail: describe(error), settings: local() }
    }
    return startOwner(createOwnerSession({ ...connection, surface: 'desktop' }))
  }

  if (env.location.hash.startsWith(OWNER_HASH_PREFIX)) {
    const token = decodeURIComponent(env.location.hash.slice(OWNER_HASH_PREFIX.length))
    writeStored('session', OWNER_TOKEN_KEY, token)
    replaceUrl('/', { workspace: undefined, note: undefined })
  } else if (/\/join\/?$/.test(env.location.pathname)) {
    const result = decodeInviteLink(env.location.href)
    if (!result.ok) return { kind: 'invite-error', error: result.error, settings: local() }
    rememberInvite(result.invite, env.now())
    replaceUrl('/', { workspace: result.invite.workspace, note: undefined })
    return startGuest(env.location.origin)
  }

  const ownerToken = readStored('session', OWNER_TOKEN_KEY)
  if (ownerToken !== undefined) {
    const hostUrl = `${env.location.origin}/`
    const startup = await startOwner(
      createOwnerSession({ hostUrl, token: ownerToken, surface: 'browser' }),
    )
    if (startup.kind === 'unreachable' && startup.reason === 'owner-link-expired') {
      writeStored('session', OWNER_TOKEN_KEY, undefined)
    }
    return startup
  }

  if (readJoinedWorkspaces().length > 0) return startGuest(env.location.origin)
  return { kind: 'welcome', settings: local() }
}

async function startOwner(session: HostSession): Promise<Startup> {
  try {
    const [preferences] = await Promise.all([
      session.loadPreferences(),
      session.refreshWorkspaces(),
    ])
    return { kind: 'ready', session, preferences }
  } catch (error) {
    const expired = error instanceof HostApiError && error.isUnauthorized
    return {
      kind: 'unreachable',
      reason: expired ? 'owner-link-expired' : 'host',
      detail: describe(error),
      settings: local(),
    }
  }
}

async function startGuest(origin: string): Promise<Startup> {
  const session = createGuestSession(origin)
  return { kind: 'ready', session, preferences: await session.loadPreferences() }
}

function local(): Settings {
  return readLocalSettings()
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Joins by a pasted invite on the welcome page. Returns the problem in words-to-be, or
 * navigates: an invite for another host is opened there (this origin's storage would not
 * reach it); one for this host is remembered here.
 */
export function joinByPastedInvite(
  text: string,
  env: StartupEnvironment,
  navigateAway: (url: string) => void,
): { ok: true; sameHost: boolean } | { ok: false; error: InviteError } {
  // A web address without a `#payload` is some other link, not a damaged invite.
  if (/^https?:\/\/[^#]*$/i.test(text.trim())) return { ok: false, error: 'not-an-invite' }
  const result = decodeInviteLink(text)
  if (!result.ok) return result
  const here = `${env.location.origin}/`
  const hosts = result.invite.hosts.map((host) => `${new URL(host).origin}/`)
  if (!hosts.includes(here) && /^https?:\/\//i.test(text.trim())) {
    navigateAway(text.trim())
    return { ok: true, sameHost: false }
  }
  rememberInvite(result.invite, env.now())
  replaceUrl('/', { workspace: result.invite.workspace, note: undefined })
  return { ok: true, sameHost: true }
}
