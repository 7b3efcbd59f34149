import * as Popover from '@radix-ui/react-popover'
import { cloneElement, useState, type ReactElement } from 'react'
import { SuggestInput, type Suggestion } from './SuggestInput'

/**
 * A trigger that opens a searchable list (pick a company, link a competence). The query is
 * local while the popover is open; `suggestionsFor` turns it into the list, best first.
 */
export function PickerPopover({
  trigger,
  label,
  placeholder,
  emptyText,
  suggestionsFor,
  onPick,
  testId,
}: {
  trigger: ReactElement
  label: string
  placeholder: string
  emptyText: string
  suggestionsFor: (query: string) => readonly Suggestion[]
  /** Called with the picked key; the popover closes after it. */
  onPick: (key: string, query: string) => void
  testId?: string
}) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  // Built on first use, then kept (closing returns focus to the same trigger): a note's
  // properties show several pickers, and opening a note should not mount them all.
  const [built, setBuilt] = useState(false)
  const suggestions = open ? suggestionsFor(query) : []
  if (!built) {
    // The trigger is a button that takes onClick (Radix's Slot passes handlers the same way).
    return cloneElement(trigger as ReactElement<{ onClick?: () => void }>, {
      onClick: () => {
        setBuilt(true)
        setOpen(true)
      },
    })
  }
  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) setQuery('')
      }}
    >
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover picker-popover"
          align="start"
          sideOffset={4}
          collisionPadding={8}
          data-testid={testId}
        >
          <SuggestInput
            label={label}
            placeholder={placeholder}
            value={query}
            onValueChange={setQuery}
            suggestions={suggestions}
            onPick={(key) => {
              onPick(key, query)
              setOpen(false)
              setQuery('')
            }}
            onEscape={() => setOpen(false)}
            highlightFirst
            floating={false}
            autoFocus
            emptyText={emptyText}
          />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
