import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_BOARD_TITLE_LENGTH } from '../../../../shared/model/board/boardDoc'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'

/** Renames a board from its row's menu. Mounted only while open, so it starts from the title. */
export function BoardRenameDialog({
  initialTitle,
  onOpenChange,
  onSubmit,
}: {
  initialTitle: string
  onOpenChange: (open: boolean) => void
  onSubmit: (title: string) => void
}) {
  const { t } = useTranslation()
  const [title, setTitle] = useState(initialTitle)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (title.trim() === '') return
    onSubmit(title)
  }
  return (
    <Dialog open onOpenChange={onOpenChange} title={t('boards.renameTitle')}>
      <form onSubmit={submit}>
        <TextField
          label={t('boards.titleLabel')}
          value={title}
          placeholder={t('boards.untitled')}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={MAX_BOARD_TITLE_LENGTH}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          data-testid="board-rename-input"
        />
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={title.trim() === ''}
            data-testid="board-rename-save"
          >
            {t('boards.rename')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  )
}
