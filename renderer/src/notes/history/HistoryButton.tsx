import { History } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { NoteId } from '../../../../shared/ids'
import { Button } from '../../ui/Button'
import { HistoryDialog } from './HistoryDialog'
import type { VersionRecorder } from './versionRecorder'

/** "History" in the note header: opens the note's versions. */
export function HistoryButton(props: {
  bodyDoc: Y.Doc
  rootDoc: Y.Doc
  noteId: NoteId
  recorder: VersionRecorder
  readOnly: boolean
  title: string
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="history-button"
        icon={<History size={14} aria-hidden />}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="history-button"
        title={t('history.open')}
      >
        {t('history.open')}
      </Button>
      {open && <HistoryDialog onClose={() => setOpen(false)} {...props} />}
    </>
  )
}
