import * as Popover from '@radix-ui/react-popover'
import type { Editor } from '@tiptap/react'
import { Link2 } from 'lucide-react'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../ui/Button'
import { IconButton } from '../ui/IconButton'
import { normalizeLinkInput } from './safeLink'

/** Adds, changes or removes a link on the selection. Only http(s) and email links pass. */
export function LinkPopover({ editor, active }: { editor: Editor; active: boolean }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <IconButton label={t('editor.link')} active={active} aria-pressed={active} size="sm">
          <Link2 size={16} aria-hidden />
        </IconButton>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover link-popover"
          side="bottom"
          align="start"
          sideOffset={6}
          collisionPadding={8}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            editor.commands.focus()
          }}
        >
          <LinkForm
            editor={editor}
            initial={(editor.getAttributes('link') as { href?: string }).href ?? ''}
            onDone={() => setOpen(false)}
          />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}

function LinkForm({
  editor,
  initial,
  onDone,
}: {
  editor: Editor
  initial: string
  onDone: () => void
}) {
  const { t } = useTranslation()
  const inputId = useId()
  const [value, setValue] = useState(initial)
  const [invalid, setInvalid] = useState(false)

  const apply = (event: FormEvent): void => {
    event.preventDefault()
    const href = normalizeLinkInput(value)
    if (href === undefined) {
      setInvalid(true)
      return
    }
    const chain = editor.chain().focus().extendMarkRange('link')
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain
        .insertContent({
          type: 'text',
          text: value.trim(),
          marks: [{ type: 'link', attrs: { href } }],
        })
        .run()
    } else {
      chain.setLink({ href }).run()
    }
    onDone()
  }
  const remove = (): void => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    onDone()
  }

  return (
    <form onSubmit={apply} className="link-form">
      <label className="field-label" htmlFor={inputId}>
        {t('editor.linkLabel')}
      </label>
      <input
        id={inputId}
        className="input"
        value={value}
        placeholder={t('editor.linkPlaceholder')}
        onChange={(event) => {
          setValue(event.target.value)
          setInvalid(false)
        }}
        aria-invalid={invalid || undefined}
        autoFocus
        data-testid="link-input"
      />
      {invalid && (
        <p className="field-error" role="alert">
          {t('editor.linkInvalid')}
        </p>
      )}
      <div className="link-form-actions">
        {initial !== '' && (
          <Button variant="ghost" size="sm" onClick={remove}>
            {t('editor.linkRemove')}
          </Button>
        )}
        <Button type="submit" variant="primary" size="sm">
          {t('editor.linkApply')}
        </Button>
      </div>
    </form>
  )
}
