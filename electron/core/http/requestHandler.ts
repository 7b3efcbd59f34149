import type { IncomingMessage, ServerResponse } from 'node:http'
import { DISCOVERY_PATH, type DiscoveryInfo } from '../../../shared/discovery'
import { API_PREFIX } from '../../../shared/hostApi'
import { bearerToken, isAllowedOrigin, tokensEqual } from '../auth'
import { SYNC_PATH } from '../sync/syncServer'
import { handleApiRequest, type ApiContext } from './api'
import { htmlSecurityHeaders } from './csp'
import { sendError, sendJson, sendText } from './respond'
import { createStaticHandler } from './static'

export type RequestHandlerOptions = {
  api: ApiContext
  ownerToken: string
  /** Browser origins other than the host's own that may call the API (CORS). */
  allowedOrigins: readonly string[]
  rendererDir?: string | undefined
  /** CSP for HTML pages; defaults to the renderer policy from `csp.ts`. */
  csp?: string
  /** What `GET /api/discovery` answers (no auth); null while LAN hosting is off. */
  discoveryInfo?: () => DiscoveryInfo | null
}

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE'
const CORS_HEADERS = 'Authorization, Content-Type'

/**
 * The host's `http.createServer` handler: `/api/...` (owner only), a hint for plain HTTP
 * requests to the sync endpoint, and the built renderer for everything else.
 */
export function createRequestHandler(
  options: RequestHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const serveStatic = createStaticHandler({
    rendererDir: options.rendererDir,
    htmlHeaders: htmlSecurityHeaders(options.csp),
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let pathname: string
    try {
      pathname = new URL(req.url ?? '/', 'http://host.invalid').pathname
    } catch {
      return sendText(res, 400, 'Bad request URL.\n')
    }

    if (pathname === DISCOVERY_PATH) return handleDiscovery(req, res)
    if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)) {
      return handleApi(req, res, pathname)
    }
    if (pathname === SYNC_PATH || pathname.startsWith(`${SYNC_PATH}/`)) {
      return sendText(res, 426, 'This is a WebSocket endpoint.\n', { Upgrade: 'websocket' })
    }
    return serveStatic(req, res, pathname)
  }

  /**
   * Unauthenticated, for other hosts: it says no more than the DNS-SD TXT record does, and
   * only while this host advertises anyway.
   */
  function handleDiscovery(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return sendError(res, 405, 'Use GET here.', { Allow: 'GET' })
    const info = options.discoveryInfo?.() ?? null
    if (info === null) return sendError(res, 404, 'This host is not hosting on the network.')
    sendJson(res, 200, info)
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    const origin = req.headers.origin
    // Same-origin pages (served by this host) need no CORS headers; listed origins get them.
    const cors: Record<string, string> =
      origin !== undefined && options.allowedOrigins.includes(origin)
        ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
        : {}
    if (!isAllowedOrigin(req.headers, options.allowedOrigins)) {
      return sendError(res, 403, 'Pages from this origin may not use the host API.')
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': CORS_METHODS,
        'Access-Control-Allow-Headers': CORS_HEADERS,
        'Access-Control-Max-Age': '600',
      })
      res.end()
      return
    }
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value)
    if (!tokensEqual(bearerToken(req.headers), options.ownerToken)) {
      return sendError(res, 401, 'The host API needs the owner token.', {
        'WWW-Authenticate': 'Bearer',
      })
    }
    await handleApiRequest(req, res, pathname, options.api)
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.api.log(`kryss http: ${req.method} ${req.url} failed: ${String(error)}`)
      if (!res.headersSent) sendText(res, 500, 'Internal error.\n')
      else res.destroy()
    })
  }
}
