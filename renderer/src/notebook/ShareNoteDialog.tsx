import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteId, WorkspaceId } from '../../../shared/ids'
import type { ShareNoteResponse } from '../../../shared/hostApi'
import type { WorkspaceEntry } from '../connection/hostSession'
import { Button } from '../ui/Button'
import { Dialog, DialogFooter } from '../ui/Dialog'
import type { NotebookApi } from './notebookApi'

/**
 * "Share to workspace…": pick one of this host's shared workspaces; the host copies the note
 * there. Every share makes a new copy (as Notion's duplicate does), and the dialog says so.
 */
export function ShareNoteDialog({
  open,
  onOpenChange,
  api,
  from,
  noteId,
  targets,
  onShared,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  api: NotebookApi
  from: WorkspaceId
  noteId: NoteId
  /** The shared workspaces to offer, in the sidebar's order. */
  targets: readonly WorkspaceEntry[]
  onShared: (copy: ShareNoteResponse) => void
}) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('notebook.shareTitle')}
      description={t('notebook.shareDescription')}
      testId="share-note-dialog"
    >
      {open && (
        <ShareForm
          api={api}
          from={from}
          noteId={noteId}
          targets={targets}
          onCancel={() => onOpenChange(false)}
          onShared={onShared}
        />
      )}
    </Dialog>
  )
}

function ShareForm({
  api,
  from,
  noteId,
  targets,
  onCancel,
  onShared,
}: {
  api: NotebookApi
  from: WorkspaceId
  noteId: NoteId
  targets: readonly WorkspaceEntry[]
  onCancel: () => void
  onShared: (copy: ShareNoteResponse) => void
}) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<WorkspaceId | undefined>(targets[0]?.id)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (chosen === undefined) return
    setBusy(true)
    setFailure(undefined)
    api.shareNote(from, noteId, chosen).then(onShared, (error: unknown) => {
      setBusy(false)
      setFailure(
        t('common.failed', { message: error instanceof Error ? error.message : String(error) }),
      )
    })
  }

  if (targets.length === 0) {
    return (
      <>
        <p className="share-empty">{t('notebook.shareNone')}</p>
        <DialogFooter>
          <Button variant="ghost" onClick={onCancel}>
            {t('common.close')}
          </Button>
        </DialogFooter>
      </>
    )
  }

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="share-targets">
        <legend className="share-targets-legend">{t('notebook.shareTargets')}</legend>
        {targets.map((entry) => (
          <label key={entry.id} className="share-target" data-testid="share-target">
            <input
              type="radio"
              name="share-target"
              value={entry.id}
              checked={chosen === entry.id}
              onChange={() => setChosen(entry.id)}
              disabled={busy}
            />
            <span className="workspace-mark" aria-hidden>
              {entry.name.trim().charAt(0).toUpperCase() || '·'}
            </span>
            <span className="share-target-name">{entry.name}</span>
          </label>
        ))}
      </fieldset>
      <p className="share-note">{t('notebook.shareCopyNote')}</p>
      {failure !== undefined && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <DialogFooter>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          variant="primary"
          disabled={chosen === undefined || busy}
          data-testid="share-submit"
        >
          {busy ? t('notebook.sharing') : t('notebook.shareSubmit')}
        </Button>
      </DialogFooter>
    </form>
  )
}
