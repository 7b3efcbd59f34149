import { useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react'

/** One suggestion; `key` is what `onPick` gets back. */
export type Suggestion = { key: string; label: ReactNode; icon?: ReactNode; hint?: ReactNode }

/**
 * A text input with a list of suggestions under it (the ARIA 1.2 combobox pattern): arrows
 * move through the list, Enter picks the highlighted suggestion — or, with nothing
 * highlighted, hands the typed text to `onEnterText` — and Escape closes the list or leaves.
 * The caller filters and orders `suggestions`; this component only presents and navigates.
 * `floating` shows the list over the content below (an inline chip input) instead of in
 * the flow (inside a popover).
 */
export function SuggestInput({
  label,
  placeholder,
  value,
  onValueChange,
  suggestions,
  onPick,
  onEnterText,
  onEscape,
  onBackspaceEmpty,
  highlightFirst,
  floating,
  autoFocus,
  emptyText,
  className,
  testId,
  inputRef,
}: {
  label: string
  placeholder?: string
  value: string
  onValueChange: (value: string) => void
  suggestions: readonly Suggestion[]
  onPick: (key: string) => void
  onEnterText?: (text: string) => void
  onEscape?: () => void
  onBackspaceEmpty?: () => void
  /** Highlight the first suggestion, so Enter takes the best match (pickers); else Enter takes the text. */
  highlightFirst: boolean
  floating: boolean
  autoFocus?: boolean
  /** Shown in place of the list when there is nothing to suggest (pickers). */
  emptyText?: string
  className?: string
  testId?: string
  inputRef?: Ref<HTMLInputElement>
}) {
  const listId = useId()
  const [focused, setFocused] = useState(autoFocus === true)
  const [dismissed, setDismissed] = useState(false)
  const [active, setActive] = useState<{ for: string; index: number } | undefined>(undefined)
  // The highlight belongs to the text it was chosen for: typing resets it to the default.
  const defaultIndex = highlightFirst && suggestions.length > 0 ? 0 : -1
  const index =
    active !== undefined && active.for === value && active.index < suggestions.length
      ? active.index
      : defaultIndex
  const open = (focused || !floating) && !dismissed
  const showList = open && (suggestions.length > 0 || emptyText !== undefined)

  const move = (delta: number): void => {
    if (suggestions.length === 0) return
    const next =
      index === -1
        ? delta > 0
          ? 0
          : suggestions.length - 1
        : (index + delta + suggestions.length) % suggestions.length
    setActive({ for: value, index: next })
    setDismissed(false)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        move(1)
        break
      case 'ArrowUp':
        event.preventDefault()
        move(-1)
        break
      case 'Enter': {
        event.preventDefault()
        const picked = open ? suggestions[index] : undefined
        if (picked !== undefined) onPick(picked.key)
        else if (value.trim() !== '') onEnterText?.(value)
        setActive(undefined)
        break
      }
      case 'Escape':
        if (floating && open && suggestions.length > 0) {
          event.preventDefault()
          event.stopPropagation()
          setDismissed(true)
        } else {
          onEscape?.()
        }
        break
      case 'Backspace':
        if (value === '') onBackspaceEmpty?.()
        break
    }
  }

  const optionId = (i: number): string => `${listId}-${i}`

  return (
    <div className={['suggest', floating ? 'suggest--floating' : '', className ?? ''].join(' ')}>
      <input
        ref={inputRef}
        className="suggest-input"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && index >= 0 ? optionId(index) : undefined}
        placeholder={placeholder}
        value={value}
        autoFocus={autoFocus}
        spellCheck={false}
        data-testid={testId}
        onChange={(event) => {
          onValueChange(event.target.value)
          setDismissed(false)
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false)
          setDismissed(false)
        }}
      />
      {showList && (
        <ul className="suggest-list" id={listId} role="listbox" aria-label={label}>
          {suggestions.length === 0 ? (
            <li className="suggest-empty" role="presentation">
              {emptyText}
            </li>
          ) : (
            suggestions.map((suggestion, i) => (
              <li
                key={suggestion.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === index}
                className={i === index ? 'suggest-option is-active' : 'suggest-option'}
                // Keep focus in the input: a click must not blur it before it picks.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => {
                  if (i !== index) setActive({ for: value, index: i })
                }}
                onClick={() => {
                  onPick(suggestion.key)
                  setActive(undefined)
                }}
              >
                {suggestion.icon}
                <span className="suggest-label">{suggestion.label}</span>
                {suggestion.hint !== undefined && (
                  <span className="suggest-hint">{suggestion.hint}</span>
                )}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  )
}
