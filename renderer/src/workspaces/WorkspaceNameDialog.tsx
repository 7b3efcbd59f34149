import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { workspaceNameSchema } from '../../../shared/hostApi'
import { Button } from '../ui/Button'
import { Dialog, DialogFooter } from '../ui/Dialog'
import { TextField } from '../ui/TextField'

/** Asks for a workspace name, to create a workspace or rename one. */
export function WorkspaceNameDialog({
  open,
  onOpenChange,
  mode,
  initialName = '',
  onSubmit,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  mode: 'create' | 'rename'
  initialName?: string
  onSubmit: (name: string) => Promise<void>
}) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={mode === 'create' ? t('workspaces.createTitle') : t('workspaces.renameTitle')}
      description={
        mode === 'create' ? t('workspaces.createDescription') : t('workspaces.renameDescription')
      }
    >
      <NameForm
        mode={mode}
        initialName={initialName}
        onCancel={() => onOpenChange(false)}
        onSubmit={onSubmit}
      />
    </Dialog>
  )
}

function NameForm({
  mode,
  initialName,
  onCancel,
  onSubmit,
}: {
  mode: 'create' | 'rename'
  initialName: string
  onCancel: () => void
  onSubmit: (name: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(initialName)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()
  const parsed = workspaceNameSchema.safeParse(name)
  const unchanged = mode === 'rename' && parsed.success && parsed.data === initialName.trim()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!parsed.success || unchanged) return
    setBusy(true)
    setFailure(undefined)
    onSubmit(parsed.data).catch((error: unknown) => {
      setBusy(false)
      setFailure(error instanceof Error ? error.message : String(error))
    })
  }

  return (
    <form onSubmit={submit}>
      <TextField
        label={t('workspaces.nameLabel')}
        value={name}
        placeholder={t('workspaces.namePlaceholder')}
        onChange={(event) => setName(event.target.value)}
        maxLength={120}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        error={failure === undefined ? undefined : t('common.failed', { message: failure })}
        data-testid="workspace-name-input"
      />
      <DialogFooter>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={!parsed.success || unchanged || busy}>
          {mode === 'create' ? t('workspaces.create') : t('workspaces.rename')}
        </Button>
      </DialogFooter>
    </form>
  )
}
