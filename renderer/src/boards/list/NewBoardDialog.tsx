import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { BOARD_TEMPLATES } from '../../../../shared/model/board/templates'
import { MAX_BOARD_TITLE_LENGTH } from '../../../../shared/model/board/boardDoc'
import { templateLanguage } from '../../notes/list/createFromTemplate'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'
import { BoardTemplateIcon } from './BoardTemplateIcon'
import type { BoardStart } from './newBoard'

/** The blank board's value in the picker (templates have ids, a blank board has none). */
const BLANK = ''

/**
 * "New board": a title and how the board starts (blank, or one of BOARD_TEMPLATES as cards).
 * An empty title takes the template's name. Mounted only while open, so it always starts
 * empty.
 */
export function NewBoardDialog({
  onOpenChange,
  onCreate,
}: {
  onOpenChange: (open: boolean) => void
  onCreate: (start: BoardStart) => void
}) {
  const { t, i18n } = useTranslation()
  const language = templateLanguage(i18n.language)
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState(BLANK)
  const chosen = BOARD_TEMPLATES.find((candidate) => candidate.id === template)
  const fallbackTitle = chosen?.name[language] ?? t('boards.untitled')

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onCreate({
      title: title.trim() || fallbackTitle,
      template: chosen?.id,
      language,
    })
  }

  const cards = [
    {
      id: BLANK,
      name: t('boards.blank'),
      description: t('boards.blankDescription'),
      icon: undefined,
    },
    ...BOARD_TEMPLATES.map((candidate) => ({
      id: candidate.id,
      name: candidate.name[language],
      description: candidate.description[language],
      icon: candidate.id,
    })),
  ]

  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title={t('boards.newDialog.title')}
      description={t('boards.newDialog.description')}
      size="md"
      testId="new-board-dialog"
    >
      <form onSubmit={submit} className="new-board-form">
        <TextField
          label={t('boards.titleLabel')}
          value={title}
          placeholder={fallbackTitle}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={MAX_BOARD_TITLE_LENGTH}
          autoFocus
          data-testid="new-board-title"
        />
        <fieldset className="template-picker">
          <legend className="field-label">{t('boards.newDialog.templates')}</legend>
          <div className="template-cards">
            {cards.map((card) => (
              <label
                key={card.id}
                className={card.id === template ? 'template-card is-active' : 'template-card'}
                data-testid={`board-template-${card.id || 'blank'}`}
              >
                <input
                  type="radio"
                  name="board-template"
                  value={card.id}
                  checked={card.id === template}
                  onChange={() => setTemplate(card.id)}
                />
                <span className="template-card-icon">
                  <BoardTemplateIcon template={card.icon} size={18} />
                </span>
                <span className="template-card-text">
                  <span className="template-card-name">{card.name}</span>
                  <span className="template-card-description">{card.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" data-testid="new-board-create">
            {t('boards.newDialog.create')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  )
}
