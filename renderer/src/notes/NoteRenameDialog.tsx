import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../ui/Button'
import { Dialog, DialogFooter } from '../ui/Dialog'
import { TextField } from '../ui/TextField'

export function NoteRenameDialog({
  open,
  onOpenChange,
  initialTitle,
  onSubmit,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  initialTitle: string
  onSubmit: (title: string) => void
}) {
  const { t } = useTranslation()
  const [title, setTitle] = useState(initialTitle)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSubmit(title)
  }
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('notes.renameTitle')}
      description={t('notes.renameDescription')}
    >
      <form onSubmit={submit}>
        <TextField
          label={t('notes.titleLabel')}
          value={title}
          placeholder={t('notes.untitled')}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={300}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          data-testid="note-rename-input"
        />
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary">
            {t('notes.rename')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  )
}
