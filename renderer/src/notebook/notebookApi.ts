import {
  API_PREFIX,
  apiErrorSchema,
  shareNoteResponse,
  workspaceInfoSchema,
  type ShareNoteResponse,
} from '../../../shared/hostApi'
import type { NoteId, WorkspaceId } from '../../../shared/ids'
import { HostApiError } from '../connection/hostApiClient'
import type { SyncTarget } from '../connection/hostSession'

/**
 * The owner's calls for the private notebook (contract in shared/hostApi.ts): open it
 * (created on first use) and share one of its notes to a shared workspace. Answers are
 * validated like every other host API answer.
 */
export type NotebookApi = {
  /** The private notebook's id; the host creates it with `name` the first time. */
  ensureNotebook(name: string): Promise<WorkspaceId>
  /** Copies a private note into the shared workspace `to`; where the copy is. */
  shareNote(from: WorkspaceId, note: NoteId, to: WorkspaceId): Promise<ShareNoteResponse>
}

export function createNotebookApi(
  target: SyncTarget,
  fetchImpl: typeof fetch = fetch,
): NotebookApi {
  async function post(path: string, body: unknown): Promise<unknown> {
    let response: Response
    try {
      response = await fetchImpl(new URL(`${API_PREFIX}${path}`, target.hostUrl), {
        method: 'POST',
        headers: { Authorization: `Bearer ${target.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    } catch (error) {
      throw new HostApiError(error instanceof Error ? error.message : String(error), 0)
    }
    const json: unknown = await response.json().catch(() => undefined)
    if (!response.ok) {
      const parsed = apiErrorSchema.safeParse(json)
      throw new HostApiError(
        parsed.success ? parsed.data.error : `${response.status} ${response.statusText}`,
        response.status,
      )
    }
    return json
  }

  return {
    async ensureNotebook(name) {
      const parsed = workspaceInfoSchema.safeParse(await post('/notebook', { name }))
      if (!parsed.success) throw new HostApiError('The host sent an unexpected workspace.', 0)
      return parsed.data.id
    },
    async shareNote(from, note, to) {
      const path = `/workspaces/${encodeURIComponent(from)}/notes/${encodeURIComponent(note)}/share`
      const parsed = shareNoteResponse.safeParse(await post(path, { to }))
      if (!parsed.success) throw new HostApiError('The host sent an unexpected answer.', 0)
      return parsed.data
    },
  }
}
