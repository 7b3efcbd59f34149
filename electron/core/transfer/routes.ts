import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { exportFolderRequest } from '../../../shared/hostApi'
import { MAX_IMPORT_BYTES } from '../../../shared/model/markdown/mapping'
import { safeFileStem } from '../../../shared/model/markdown/fileNames'
import type { HostState } from '../state'
import type { WorkspaceEntry, WorkspaceRegistry } from '../workspaces'
import { sendError, sendJson } from '../http/respond'
import {
  WorkspaceUnavailableError,
  createExportFolder,
  exportWorkspace,
  folderSink,
  zipResponseSink,
} from './exportWorkspace'
import { importIntoWorkspace } from './importWorkspace'

/**
 * The owner API's Markdown routes (contract in shared/hostApi.ts):
 *
 * - `GET /api/workspaces/<id>/export` → `application/zip`, streamed
 * - `POST /api/workspaces/<id>/export-folder` `{ path }` → `{ folder, notes }`; the files go in a
 *   new folder named after the workspace inside `path` (never over existing files)
 * - `POST /api/workspaces/<id>/import?name=<file name>[&dryRun=1]`, body the raw bytes of one
 *   .zip or .md file (at most {@link MAX_IMPORT_BYTES}; bigger is refused with 413) →
 *   `ImportReportResponse`
 *
 * Returns false for any other path, so the API's own router carries on.
 */
export type TransferContext = {
  registry: WorkspaceRegistry
  state: HostState
  log: (line: string) => void
  now?: () => number
}

const ROUTE = /^\/workspaces\/([^/]+)\/(export|export-folder|import)$/

export async function handleTransferRequest(
  req: IncomingMessage,
  res: ServerResponse,
  apiPath: string,
  context: TransferContext,
): Promise<boolean> {
  const match = ROUTE.exec(apiPath)
  if (match === null) return false
  const [, id = '', action] = match
  const method = req.method ?? 'GET'
  const workspace = context.registry.get(id)
  if (workspace === undefined) {
    sendError(res, 404, `There is no workspace ${id}.`)
    return true
  }
  try {
    if (action === 'export') {
      if (method !== 'GET') return methodNotAllowed(res, 'GET')
      await sendZip(res, workspace)
    } else if (action === 'export-folder') {
      if (method !== 'POST') return methodNotAllowed(res, 'POST')
      await exportToFolder(req, res, workspace)
    } else {
      if (method !== 'POST') return methodNotAllowed(res, 'POST')
      await importUpload(req, res, workspace, context)
    }
  } catch (error) {
    if (res.headersSent) {
      context.log(`kryss transfer: ${action} of ${id} failed: ${String(error)}`)
      res.destroy()
    } else if (error instanceof RequestError) {
      sendError(
        res,
        error.status,
        error.message,
        error.status === 413 ? { Connection: 'close' } : {},
      )
    } else if (error instanceof WorkspaceUnavailableError) {
      sendError(res, 409, `The workspace is not available: ${error.message}`)
    } else {
      context.log(`kryss transfer: ${action} of ${id} failed: ${String(error)}`)
      sendError(res, 500, 'The host could not do that. See its log for details.')
    }
  }
  return true
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  sendError(res, 405, `Use ${allow} here.`, { Allow: allow })
  return true
}

async function sendZip(res: ServerResponse, workspace: WorkspaceEntry): Promise<void> {
  if (workspace.store === null) throw new WorkspaceUnavailableError(workspace.error ?? '')
  const name = `${safeFileStem(workspace.name)}.zip`
  res.writeHead(200, {
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  const sink = zipResponseSink(res)
  await exportWorkspace(workspace, sink)
  await sink.end()
}

async function exportToFolder(
  req: IncomingMessage,
  res: ServerResponse,
  workspace: WorkspaceEntry,
): Promise<void> {
  const raw = await readBody(req, 64 * 1024)
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(raw).toString('utf8'))
  } catch {
    throw new RequestError(400, 'The request body must be JSON.')
  }
  const parsed = exportFolderRequest.safeParse(json)
  if (!parsed.success) throw new RequestError(400, 'Say which folder to export to: { path }.')
  const parent = parsed.data.path
  if (!path.isAbsolute(parent)) throw new RequestError(400, 'The folder must be a full path.')
  const info = await stat(parent).catch(() => undefined)
  if (info?.isDirectory() !== true) throw new RequestError(400, `There is no folder ${parent}.`)
  const folder = await createExportFolder(parent, workspace.name)
  const { notes } = await exportWorkspace(workspace, folderSink(folder))
  sendJson(res, 200, { folder, notes })
}

async function importUpload(
  req: IncomingMessage,
  res: ServerResponse,
  workspace: WorkspaceEntry,
  context: TransferContext,
): Promise<void> {
  const query = new URL(req.url ?? '/', 'http://host.invalid').searchParams
  const name = query.get('name') ?? 'upload.md'
  const dryRun = query.get('dryRun') === '1' || query.get('dryRun') === 'true'
  const bytes = await readBody(req, MAX_IMPORT_BYTES)
  if (bytes.byteLength === 0) throw new RequestError(400, 'The upload is empty.')
  const report = await importIntoWorkspace(
    workspace,
    { name, bytes },
    {
      dryRun,
      author: context.state.profile?.name ?? 'Kryss',
      now: (context.now ?? Date.now)(),
    },
  )
  sendJson(res, 200, report)
}

function tooLarge(limit: number): RequestError {
  return new RequestError(
    413,
    `The upload is larger than ${Math.round(limit / 1024 / 1024)} MB. Split it into smaller zips.`,
  )
}

/** The request body, refused with 413 past `limit` (declared or counted). */
async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw tooLarge(limit)
    chunks.push(chunk)
  }
  return new Uint8Array(Buffer.concat(chunks))
}
