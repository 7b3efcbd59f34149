import { LoaderCircle } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { NoteId } from '../../../../shared/ids'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'

/** What became of a note being made from the board (the summary, a promoted sticky). */
export type NoteJob = {
  purpose: 'summary' | 'promote'
  title: string
} & (
  | { state: 'saving' }
  | { state: 'saved'; id: NoteId }
  | { state: 'failed'; message: string; retry: () => void }
)

/**
 * Says that the note is being saved, then that it is (offering to open it), or why it was not
 * (nothing was added) with a way to try again.
 */
export function BoardNoteDialog({
  job,
  onClose,
  onOpen,
}: {
  job: NoteJob
  onClose: () => void
  onOpen: (id: NoteId) => void
}) {
  const { t } = useTranslation()
  const saving = job.state === 'saving'
  const title =
    job.state === 'saving'
      ? t('boardExport.savingTitle')
      : job.state === 'saved'
        ? t('boardExport.savedTitle')
        : t('boardExport.failedTitle')
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open && !saving) onClose()
      }}
      title={title}
      dismissible={!saving}
      testId="board-note-dialog"
    >
      {job.state === 'saving' && (
        <p className="board-note-status" role="status">
          <LoaderCircle size={16} aria-hidden className="spin" />
          {job.purpose === 'summary'
            ? t('boardExport.savingSummary')
            : t('boardExport.savingPromote')}
        </p>
      )}
      {job.state === 'saved' && (
        <p className="board-note-status" role="status" data-testid="board-note-saved">
          {job.purpose === 'summary'
            ? t('boardExport.savedSummary', { title: job.title })
            : t('boardExport.savedPromote', { title: job.title })}
        </p>
      )}
      {job.state === 'failed' && (
        <p className="board-note-error" role="alert" data-testid="board-note-failed">
          {job.message}
        </p>
      )}
      {job.state === 'saved' && (
        <DialogFooter>
          <Button variant="ghost" onClick={onClose}>
            {t('boardExport.stay')}
          </Button>
          <Button
            variant="primary"
            autoFocus
            onClick={() => onOpen(job.id)}
            data-testid="board-note-open"
          >
            {t('boardExport.openNote')}
          </Button>
        </DialogFooter>
      )}
      {job.state === 'failed' && (
        <DialogFooter>
          <Button variant="ghost" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button variant="primary" onClick={job.retry}>
            {t('common.retry')}
          </Button>
        </DialogFooter>
      )}
    </Dialog>
  )
}
