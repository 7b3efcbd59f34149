import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { ChevronDown, FileText, Plus } from 'lucide-react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_TYPES, type NoteType } from '../../../../shared/model/noteTypes'
import { NoteTypeIcon } from '../properties/NoteTypeIcon'

/**
 * "New note" as a split button: the main part makes a blank note at once, the arrow opens a
 * menu of templates, one per note type. Memoized: the list re-renders on every keystroke in
 * its filter, and a Radix menu is not free.
 */
export const NewNoteButton = memo(function NewNoteButton({
  onCreate,
}: {
  onCreate: (type: NoteType | undefined) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="new-note-split" role="group" aria-label={t('notes.new')}>
      <button
        type="button"
        className="button button--secondary button--sm new-note"
        onClick={() => onCreate(undefined)}
        data-testid="new-note"
      >
        <Plus size={16} aria-hidden />
        {t('notes.new')}
      </button>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <button
            type="button"
            className="button button--secondary button--sm new-note-more"
            aria-label={t('noteProps.newMenu')}
            data-testid="new-note-menu"
          >
            <ChevronDown size={15} aria-hidden />
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4} collisionPadding={8}>
            <DropdownMenu.Label className="menu-label">{t('noteProps.newMenu')}</DropdownMenu.Label>
            <DropdownMenu.Item
              className="menu-item"
              onSelect={() => onCreate(undefined)}
              data-testid="new-note-blank"
            >
              <FileText size={15} aria-hidden />
              {t('noteProps.newBlank')}
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="menu-separator" />
            {NOTE_TYPES.map((type) => (
              <DropdownMenu.Item
                key={type}
                className="menu-item"
                onSelect={() => onCreate(type)}
                data-testid={`new-note-${type}`}
              >
                <NoteTypeIcon type={type} size={15} />
                {t(`noteProps.types.${type}`)}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  )
})
