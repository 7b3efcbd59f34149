import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_VERSION_LABEL_LENGTH } from '../../../../shared/model/history'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'

/** Names (or renames, or unnames) a version, so it is easy to find and never pruned. */
export function VersionNameDialog({
  open,
  onOpenChange,
  initialName,
  onSubmit,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  initialName: string
  onSubmit: (name: string) => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(initialName)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSubmit(name)
    onOpenChange(false)
  }
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('history.nameTitle')}
      description={t('history.nameDescription')}
    >
      <form onSubmit={submit}>
        <TextField
          label={t('history.labelField')}
          value={name}
          maxLength={MAX_VERSION_LABEL_LENGTH}
          onChange={(event) => setName(event.target.value)}
          placeholder={t('history.labelPlaceholder')}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          data-testid="history-name-input"
        />
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary">
            {t('common.save')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  )
}
