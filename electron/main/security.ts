import type { App, Event, HandlerDetails, Session, WebContents } from 'electron'
import { buildContentSecurityPolicy } from '../core/http/csp'

/**
 * The window's hardening, as small functions over the Electron objects they configure, so the
 * stubbed main-process test can call them with fakes. Everything here is deny-by-default:
 * the renderer is a web page that happens to run in our window, and must not be able to
 * navigate the window elsewhere, open new windows, embed webviews, or obtain device
 * permissions. The only way out is a vetted "open this link in the user's browser".
 */

/** The privileged custom scheme the renderer is served from (see `appProtocol.ts`). */
export const APP_SCHEME = 'kryss'
/** The single host under {@link APP_SCHEME}; `kryss://app` is the renderer's origin. */
export const APP_HOST = 'app'
/** Origin of the renderer, as Chromium serialises it in `Origin` headers. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** First page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:'])

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/**
 * Whether `url` belongs to the renderer (`kryss://app/…`). Compares the parsed scheme and
 * host rather than a string prefix, so `kryss://app.evil/` or `kryss://app@evil/` cannot pass.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/**
 * Whether `url` may be handed to the operating system. Only web and mail links: `file:`,
 * `javascript:`, `smb:`, custom app schemes and the like can run or reveal local things.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url)
  return parsed !== undefined && EXTERNAL_PROTOCOLS.has(parsed.protocol)
}

/** The one function that may call `shell.openExternal`. */
export type OpenExternal = (url: string) => Promise<void>

/**
 * Opens `url` in the user's default browser or mail client if it is a vetted link.
 * Resolves to whether it was opened; never throws, because a refused or failing link is an
 * ordinary outcome for the UI, not an error in main.
 */
export async function openExternalSafely(
  url: string,
  openExternal: OpenExternal,
  log: (message: string) => void = () => {},
): Promise<boolean> {
  if (!isSafeExternalUrl(url)) {
    log(`kryss: refused to open external URL with an unsupported scheme: ${url.slice(0, 200)}`)
    return false
  }
  try {
    await openExternal(url)
    return true
  } catch (error) {
    log(`kryss: could not open external URL: ${String(error)}`)
    return false
  }
}

/**
 * `will-navigate` / `will-redirect` guard: the window only ever shows the renderer.
 * In-app routes change with the history API, which does not fire these events; a link to the
 * web is opened in the browser instead of replacing the app.
 */
export function guardNavigation(
  event: Pick<Event, 'preventDefault'>,
  url: string,
  openExternal: OpenExternal,
): void {
  if (isAppUrl(url)) return
  event.preventDefault()
  void openExternalSafely(url, openExternal)
}

/**
 * `setWindowOpenHandler`: no child windows, ever. `window.open` and `target="_blank"` links to
 * the web go to the user's browser.
 */
export function denyWindowOpen(
  details: Pick<HandlerDetails, 'url'>,
  openExternal: OpenExternal,
): { action: 'deny' } {
  void openExternalSafely(details.url, openExternal)
  return { action: 'deny' }
}

/**
 * Guards every web contents the app creates (the window, and anything Chromium creates on
 * its behalf): navigation, new windows, and `<webview>` (which could load arbitrary pages with
 * their own preferences).
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: OpenExternal,
): void {
  contents.on('will-navigate', (event) => guardNavigation(event, event.url, openExternal))
  contents.on('will-redirect', (event) => guardNavigation(event, event.url, openExternal))
  contents.setWindowOpenHandler((details) => denyWindowOpen(details, openExternal))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Installs {@link hardenWebContents} on every web contents, before any page can load. */
export function installWebContentsGuards(app: Pick<App, 'on'>, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal))
}

/**
 * Permissions the renderer needs for its one legitimate connection: its own host core on
 * `127.0.0.1`. Chromium's Local Network Access gate may ask for these when a page reaches a
 * loopback address; CSP `connect-src` still pins the exact host origin.
 */
const LOOPBACK_PERMISSIONS: ReadonlySet<string> = new Set([
  'loopback-network',
  'local-network-access',
])

/**
 * Whether a permission request or check is granted: only loopback access for the app's own
 * origin; no camera, microphone, notifications, geolocation, clipboard reading, HID, serial,
 * `openExternal` permission prompts, or anything else.
 */
export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return LOOPBACK_PERMISSIONS.has(permission) && isAppUrl(requestingUrl)
}

/**
 * Permission handlers for a session. `setPermissionCheckHandler` matters as much as the
 * request handler: many web APIs only check and never request.
 */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  )
}

/**
 * Content-Security-Policy for the renderer in the window: the core's renderer policy (scripts
 * only from the app, no plugins, no framing), with `connect-src` narrowed from "any host" —
 * which browser guests need to reach hosts named in invite links — to this app's own host
 * core, the only server the window talks to (peer links run in the core, not the page).
 */
export function buildAppCsp(hostUrl: string): string {
  const host = new URL(hostUrl)
  const wsScheme = host.protocol === 'https:' ? 'wss:' : 'ws:'
  return buildContentSecurityPolicy({
    'connect-src': [`'self'`, host.origin, `${wsScheme}//${host.host}`],
  })
}
