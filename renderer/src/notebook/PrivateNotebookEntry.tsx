import { Lock } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceId } from '../../../shared/ids'
import type { HostSession } from '../connection/hostSession'
import { notebookApiFor, provideNotebookSession, useWorkspaceEntries } from './notebookSession'

/**
 * "Private notebook" in the sidebar, above and apart from the shared workspaces, with a lock.
 * The owner's only: the host creates the notebook the first time it is opened. Guests see
 * nothing here. It also hands the session to the note view's share line.
 */
export function PrivateNotebookEntry({
  session,
  currentId,
  onOpen,
}: {
  session: HostSession
  currentId: WorkspaceId | undefined
  onOpen: (id: WorkspaceId) => void
}) {
  const { t } = useTranslation()
  const entries = useWorkspaceEntries(session)
  const [failure, setFailure] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  useEffect(() => provideNotebookSession(session), [session])

  const api = notebookApiFor(session)
  if (api === undefined) return null
  const notebook = entries.find((entry) => entry.private === true)
  const active = notebook !== undefined && notebook.id === currentId

  const open = (): void => {
    if (notebook !== undefined) return onOpen(notebook.id)
    setBusy(true)
    setFailure(undefined)
    api
      .ensureNotebook(t('notebook.defaultName'))
      .then(async (id) => {
        await session.refreshWorkspaces()
        onOpen(id)
      })
      .catch((error: unknown) => {
        setFailure(
          t('common.failed', { message: error instanceof Error ? error.message : String(error) }),
        )
      })
      .finally(() => setBusy(false))
  }

  return (
    <div className="notebook-entry">
      <button
        type="button"
        className={active ? 'notebook-open is-active' : 'notebook-open'}
        aria-current={active ? 'page' : undefined}
        aria-describedby="notebook-entry-hint"
        onClick={open}
        disabled={busy}
        data-testid="private-notebook"
      >
        <span className="notebook-mark" aria-hidden>
          <Lock size={12} />
        </span>
        <span className="notebook-name">{t('notebook.title')}</span>
      </button>
      <span id="notebook-entry-hint" className="visually-hidden">
        {t('notebook.onlyHere')}
      </span>
      {failure !== undefined && (
        <p className="notebook-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  )
}
