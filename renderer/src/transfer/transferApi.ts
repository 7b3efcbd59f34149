import {
  API_PREFIX,
  apiErrorSchema,
  exportFolderResponse,
  importReportSchema,
  type ImportReportResponse,
} from '../../../shared/hostApi'
import type { WorkspaceId } from '../../../shared/ids'
import type { SyncTarget } from '../connection/hostSession'

/**
 * The owner's calls to the host's Markdown routes (electron/core/transfer/routes.ts). The
 * target is the owner's host and token (what `HostSession.syncTarget` gives the owner).
 */
export class TransferError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'TransferError'
  }
}

async function failure(response: Response): Promise<TransferError> {
  const parsed = apiErrorSchema.safeParse(await response.json().catch(() => undefined))
  return new TransferError(
    parsed.success ? parsed.data.error : `${response.status} ${response.statusText}`,
    response.status,
  )
}

function url(target: SyncTarget, id: WorkspaceId, action: string): URL {
  return new URL(`${API_PREFIX}/workspaces/${encodeURIComponent(id)}/${action}`, target.hostUrl)
}

async function send(input: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init)
  } catch (error) {
    throw new TransferError(error instanceof Error ? error.message : String(error), 0)
  }
}

/** The whole workspace as a zip of Markdown files. */
export async function fetchWorkspaceZip(target: SyncTarget, id: WorkspaceId): Promise<Blob> {
  const response = await send(url(target, id, 'export'), {
    headers: { Authorization: `Bearer ${target.token}` },
  })
  if (!response.ok) throw await failure(response)
  return response.blob()
}

/** Writes the export into a new folder inside `path` on the host's computer (desktop). */
export async function exportWorkspaceToFolder(
  target: SyncTarget,
  id: WorkspaceId,
  path: string,
): Promise<{ folder: string; notes: number }> {
  const response = await send(url(target, id, 'export-folder'), {
    method: 'POST',
    headers: { Authorization: `Bearer ${target.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ path }),
  })
  if (!response.ok) throw await failure(response)
  return exportFolderResponse.parse(await response.json())
}

/** Sends one .zip or .md file; with `dryRun` the host only reports what it would import. */
export async function importUpload(
  target: SyncTarget,
  id: WorkspaceId,
  upload: { name: string; bytes: Uint8Array },
  dryRun: boolean,
): Promise<ImportReportResponse> {
  const action = `import?name=${encodeURIComponent(upload.name)}${dryRun ? '&dryRun=1' : ''}`
  const response = await send(url(target, id, action), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${target.token}`,
      'Content-Type': upload.name.toLowerCase().endsWith('.zip')
        ? 'application/zip'
        : 'text/markdown',
    },
    body: new Blob([upload.bytes as Uint8Array<ArrayBuffer>]),
  })
  if (!response.ok) throw await failure(response)
  return importReportSchema.parse(await response.json())
}
