import * as Popover from '@radix-ui/react-popover'
import { useState, type ReactElement } from 'react'
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
  const suggestions = open ? suggestionsFor(query) : []
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
