import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { sendText } from './respond'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

/** The Content-Type for a file of the built renderer, by extension. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Vite puts content-hashed files here: a name never changes meaning, so cache forever. */
const ASSETS_PREFIX = '/assets/'

export const NOT_BUILT_MESSAGE =
  'Kryss is running, but the app has not been built yet.\nRun `npm run build`, then reload this page.\n'

export type StaticHandlerOptions = {
  /** The built renderer (`out/renderer`). Missing or without index.html: a hint is served. */
  rendererDir?: string | undefined
  /** Headers for every HTML page (CSP and friends). */
  htmlHeaders: Record<string, string>
}

/**
 * Serves the built renderer: files as they are, `index.html` for `/`, `/join` and any other
 * path that does not look like a file, so the app's own routes work on reload.
 */
export function createStaticHandler(
  options: StaticHandlerOptions,
): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> {
  const root = options.rendererDir === undefined ? undefined : path.resolve(options.rendererDir)

  async function serveIndex(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const index = root === undefined ? undefined : path.join(root, 'index.html')
    const info = index === undefined ? null : await statFile(index)
    if (index === undefined || info === null) {
      sendText(res, 200, NOT_BUILT_MESSAGE)
      return
    }
    serveFile(req, res, index, info.size, { 'Cache-Control': 'no-cache' })
  }

  function serveFile(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    size: number,
    headers: Record<string, string>,
  ): void {
    const type = contentTypeFor(file)
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': size,
      'X-Content-Type-Options': 'nosniff',
      ...(type.startsWith('text/html') ? options.htmlHeaders : {}),
      ...headers,
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    const stream = createReadStream(file)
    stream.on('error', () => res.destroy())
    stream.pipe(res)
  }

  return async (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed.\n', { Allow: 'GET, HEAD' })
      return
    }
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      sendText(res, 400, 'Bad path.\n')
      return
    }
    // Dot segments (`..`, `.env`) and NUL never name a file of the build.
    const segments = decoded.split('/').filter((s) => s !== '')
    if (
      decoded.includes('\0') ||
      decoded.includes('\\') ||
      segments.some((s) => s.startsWith('.'))
    ) {
      sendText(res, 404, 'Not found.\n')
      return
    }
    if (segments.length === 0) return serveIndex(req, res)

    const looksLikeFile = decoded.startsWith(ASSETS_PREFIX) || path.extname(decoded) !== ''
    if (root !== undefined) {
      const file = path.resolve(root, ...segments)
      if (file.startsWith(root + path.sep)) {
        const info = await statFile(file)
        if (info !== null) {
          const cache = decoded.startsWith(ASSETS_PREFIX)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache'
          return serveFile(req, res, file, info.size, { 'Cache-Control': cache })
        }
      }
    }
    if (looksLikeFile) {
      sendText(res, 404, 'Not found.\n')
      return
    }
    return serveIndex(req, res)
  }
}

async function statFile(file: string): Promise<{ size: number } | null> {
  try {
    const info = await stat(file)
    return info.isFile() ? { size: info.size } : null
  } catch {
    return null
  }
}
