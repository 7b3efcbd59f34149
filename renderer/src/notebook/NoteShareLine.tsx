import { Copy, Lock, Share2 } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { NoteId } from '../../../shared/ids'
import { navigate } from '../lib/route'
import { useNote } from '../notes/useNotes'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { useNotebookSession, useWorkspaceEntries } from './notebookSession'
import { useSharedTo } from './sharedToStore'

/**
 * Under a note's title. On a note of the private notebook: where it was shared ("Shared to X
 * · open"). On a shared copy: "Copied from a private notebook"; only the owner of that
 * notebook (on its host) can follow the link back — for anyone else it does not exist.
 */
export function NoteShareLine({
  connection,
  noteId,
}: {
  connection: WorkspaceConnection
  noteId: NoteId
}) {
  const { t } = useTranslation()
  const session = useNotebookSession()
  const entries = useWorkspaceEntries(session)
  const note = useNote(connection.doc, noteId)
  const sharedTo = useSharedTo(connection.doc, noteId)

  if (sharedTo.length > 0) {
    return (
      <ul className="note-share-line note-shared-to" aria-label={t('notebook.sharedToLabel')}>
        {sharedTo.map((copy) => {
          const name = entries.find((e) => e.id === copy.workspaceId)?.name ?? copy.workspaceName
          const reachable = entries.some((e) => e.id === copy.workspaceId)
          return (
            <li key={copy.noteId} data-testid="shared-to">
              <Share2 size={13} aria-hidden />
              {t('notebook.sharedTo', { name })}
              {reachable && (
                <>
                  <span aria-hidden>·</span>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('notebook.openCopyLabel', { name })}
                    onClick={() => navigate({ workspace: copy.workspaceId, note: copy.noteId })}
                  >
                    {t('notebook.openCopy')}
                  </button>
                </>
              )}
            </li>
          )
        })}
      </ul>
    )
  }

  const origin = note?.copiedFrom
  if (origin === undefined) return null
  // Only the owner of the notebook, on its host, has it in the list.
  const reachable = entries.some((e) => e.id === origin.workspaceId && e.private === true)
  return (
    <p className="note-share-line" data-testid="copied-from">
      {reachable ? <Lock size={13} aria-hidden /> : <Copy size={13} aria-hidden />}
      {reachable ? t('notebook.copiedFromOwn') : t('notebook.copiedFrom')}
      {reachable && (
        <>
          <span aria-hidden>·</span>
          <button
            type="button"
            className="link-button"
            onClick={() => navigate({ workspace: origin.workspaceId, note: origin.noteId })}
            data-testid="open-original"
          >
            {t('notebook.openOriginal')}
          </button>
        </>
      )}
    </p>
  )
}
