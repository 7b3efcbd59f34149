import { Share2 } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteId } from '../../../shared/ids'
import { navigate } from '../lib/route'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { Button } from '../ui/Button'
import { notebookApiFor, useNotebookSession, useWorkspaceEntries } from './notebookSession'
import { ShareNoteDialog } from './ShareNoteDialog'

/**
 * "Share to workspace…" among a note's actions, for notes of the owner's private notebook
 * only. After the host made the copy, the copy opens.
 */
export function ShareNoteButton({
  connection,
  noteId,
}: {
  connection: WorkspaceConnection
  noteId: NoteId
}) {
  const { t } = useTranslation()
  const session = useNotebookSession()
  const entries = useWorkspaceEntries(session)
  const [open, setOpen] = useState(false)
  const api = notebookApiFor(session)
  const entry = entries.find((e) => e.id === connection.workspaceId)
  if (entry?.private !== true || api === undefined) return null
  const targets = entries.filter((e) => e.private !== true && e.error === undefined)
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        icon={<Share2 size={14} aria-hidden />}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="share-note"
        title={t('notebook.share')}
      >
        {t('notebook.share')}
      </Button>
      <ShareNoteDialog
        open={open}
        onOpenChange={setOpen}
        api={api}
        from={connection.workspaceId}
        noteId={noteId}
        targets={targets}
        onShared={(copy) => {
          setOpen(false)
          navigate({ workspace: copy.workspace, note: copy.note as NoteId })
        }}
      />
    </>
  )
}
