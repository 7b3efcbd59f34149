import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './Button'
import { Dialog, DialogFooter } from './Dialog'

/** Confirms a destructive action; the title and body say exactly what will be lost. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  body,
  confirmLabel,
  onConfirm,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  body: string
  confirmLabel: string
  onConfirm: () => Promise<void> | void
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()
  const confirm = (): void => {
    setBusy(true)
    setFailure(undefined)
    Promise.resolve()
      .then(onConfirm)
      .then(
        () => {
          setBusy(false)
          onOpenChange(false)
        },
        (error: unknown) => {
          setBusy(false)
          setFailure(error instanceof Error ? error.message : String(error))
        },
      )
  }
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={body}>
      {failure !== undefined && (
        <p className="form-error" role="alert">
          {t('common.failed', { message: failure })}
        </p>
      )}
      <DialogFooter>
        <Button variant="ghost" onClick={() => onOpenChange(false)}>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" onClick={confirm} disabled={busy} data-testid="confirm-delete">
          {confirmLabel}
        </Button>
      </DialogFooter>
    </Dialog>
  )
}
