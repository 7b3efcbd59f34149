import { readFile as fsReadFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { contentTypeFor } from '../core/http/static'
import { APP_HOST, APP_SCHEME } from './security'

/**
 * Serving the built renderer under `kryss://app/`. A privileged custom scheme rather than
 * `file://` gives the renderer a real origin (`kryss://app`) for CSP, for the sender check on
 * IPC and for the host core's CORS allow-list, and keeps every other local file out of reach.
 */

/**
 * Registers `kryss` as a standard, secure scheme. WARNING: Electron only accepts this before
 * the `ready` event, so main calls it at module load.
 * - `standard`: relative URLs, `kryss://app` as an origin, localStorage;
 * - `secure`: a secure context, so the renderer may reach its loopback host;
 * - `supportFetchAPI` + `corsEnabled`: Vite's `<script type="module" crossorigin>` loads.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ])
}

/** Reads a whole file; injected so tests can count reads or simulate failures. */
export type ReadFile = (path: string) => Promise<Uint8Array>

/** Options of {@link createAppRequestHandler}. */
export type AppRequestHandlerOptions = {
  /** The built renderer folder (`out/renderer`). */
  rootDir: string
  /** CSP sent with every response; a function because the host port is known only later. */
  csp: () => string
  readFile?: ReadFile
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR'
}

/**
 * The `protocol.handle('kryss', …)` handler. Paths resolving outside `rootDir` are refused
 * (403) even when smuggled in percent-encoded; a path without a file extension that names no
 * file gets `index.html`, so client-side routes survive a reload; a missing asset is a 404.
 */
export function createAppRequestHandler(
  options: AppRequestHandlerOptions,
): (request: Request) => Promise<Response> {
  const rootDir = resolve(options.rootDir)
  const readFile = options.readFile ?? fsReadFile

  const respond = (status: number, body: Uint8Array | string | null, contentType: string) =>
    new Response(body, {
      status,
      headers: {
        'Content-Type': contentType,
        'Content-Security-Policy': options.csp(),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      },
    })
  const text = (status: number, message: string) =>
    respond(status, message, 'text/plain; charset=utf-8')

  return async (request) => {
    const url = new URL(request.url)
    if (url.hostname !== APP_HOST) return text(404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return text(405, 'Method not allowed')
    }

    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      return text(400, 'Bad request')
    }
    if (pathname.includes('\0')) return text(400, 'Bad request')

    const requested = pathname === '/' || pathname === '' ? 'index.html' : pathname.slice(1)
    const filePath = resolve(rootDir, requested)
    const inside = relative(rootDir, filePath)
    if (inside === '' || inside.split(sep)[0] === '..' || isAbsolute(inside)) {
      return text(403, 'Forbidden')
    }

    const serve = async (path: string) => {
      const bytes = await readFile(path)
      const type = contentTypeFor(path)
      return respond(200, request.method === 'HEAD' ? null : bytes, type)
    }

    try {
      return await serve(filePath)
    } catch (error) {
      if (!isMissing(error)) return text(500, 'Could not read the file')
      if (extname(requested) !== '') return text(404, 'Not found')
    }
    try {
      return await serve(resolve(rootDir, 'index.html'))
    } catch {
      return text(404, 'Not found')
    }
  }
}
