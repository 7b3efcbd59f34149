import { Download, FolderOpen } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceId } from '../../../shared/ids'
import { safeFileStem } from '../../../shared/model/markdown/fileNames'
import type { SyncTarget } from '../connection/hostSession'
import { Button } from '../ui/Button'
import { Dialog, DialogFooter } from '../ui/Dialog'
import { downloadBlob } from './download'
import { exportWorkspaceToFolder, fetchWorkspaceZip } from './transferApi'

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string }

/** Exports a whole workspace: a .zip download, or (desktop) into a folder the person picks. */
export function ExportDialog({
  target,
  id,
  name,
  desktop,
  onClose,
}: {
  target: SyncTarget
  id: WorkspaceId
  name: string
  desktop: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const kryss = desktop ? window.kryss : undefined
  const busy = status.kind === 'busy'

  const run = async (task: () => Promise<string | undefined>): Promise<void> => {
    setStatus({ kind: 'busy' })
    try {
      const message = await task()
      setStatus(message === undefined ? { kind: 'idle' } : { kind: 'done', message })
    } catch (error) {
      setStatus({
        kind: 'error',
        message: t('common.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      })
    }
  }

  const downloadZip = (): Promise<void> =>
    run(async () => {
      const blob = await fetchWorkspaceZip(target, id)
      downloadBlob(blob, `${safeFileStem(name)}.zip`)
      return t('transfer.exportedZip')
    })

  const saveToFolder = (): Promise<void> =>
    run(async () => {
      const picked = await kryss?.pickFolder(t('transfer.exportFolder'))
      if (picked?.path == null) return undefined
      const { folder, notes } = await exportWorkspaceToFolder(target, id, picked.path)
      return t('transfer.exportedFolder', { count: notes, folder })
    })

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open && !busy) onClose()
      }}
      title={t('transfer.exportTitle', { name })}
      description={t('transfer.exportDescription')}
      size="md"
      testId="export-dialog"
    >
      <div className="transfer-status" role="status" aria-live="polite">
        {status.kind === 'busy' && t('transfer.exporting')}
        {status.kind === 'done' && status.message}
      </div>
      {status.kind === 'error' && (
        <p className="transfer-error" role="alert">
          {status.message}
        </p>
      )}
      <DialogFooter>
        {kryss !== undefined && (
          <Button
            icon={<FolderOpen size={16} aria-hidden />}
            onClick={() => void saveToFolder()}
            disabled={busy}
          >
            {t('transfer.exportFolder')}
          </Button>
        )}
        <Button
          variant="primary"
          icon={<Download size={16} aria-hidden />}
          onClick={() => void downloadZip()}
          disabled={busy}
          data-testid="export-zip"
        >
          {t('transfer.exportZip')}
        </Button>
      </DialogFooter>
    </Dialog>
  )
}
