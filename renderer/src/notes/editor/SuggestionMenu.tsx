import type { LucideIcon } from 'lucide-react'
import { useEffect } from 'react'

/**
 * The list shown by the slash menu and the `[[` autocomplete. Focus stays in the editor
 * (typing keeps filtering); the editor points at the highlighted option with
 * `aria-activedescendant` (see suggestionRenderer.ts). Mouse: hover highlights, click picks.
 */
export type MenuEntry = {
  key: string
  label: string
  hint?: string
  icon?: LucideIcon
  /** Set on the entry that creates something rather than picking an existing thing. */
  variant?: 'create' | 'missing'
}

export type SuggestionMenuProps = {
  id: string
  label: string
  empty: string
  entries: readonly MenuEntry[]
  active: number
  onPick: (index: number) => void
  onActive: (index: number) => void
}

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`
}

export function SuggestionMenu({
  id,
  label,
  empty,
  entries,
  active,
  onPick,
  onActive,
}: SuggestionMenuProps) {
  useEffect(() => {
    document.getElementById(optionId(id, active))?.scrollIntoView({ block: 'nearest' })
  }, [id, active])

  return (
    <div className="suggestion-menu" data-testid="suggestion-menu">
      {entries.length === 0 ? (
        <p className="suggestion-empty" role="status">
          {empty}
        </p>
      ) : (
        <ul className="suggestion-list" role="listbox" id={id} aria-label={label}>
          {entries.map((entry, index) => {
            const Icon = entry.icon
            return (
              <li
                key={entry.key}
                id={optionId(id, index)}
                role="option"
                aria-selected={index === active}
                className={[
                  'suggestion-option',
                  index === active ? 'is-active' : '',
                  entry.variant === undefined ? '' : `suggestion-option--${entry.variant}`,
                ]
                  .filter(Boolean)
                  .join(' ')}
                // The editor keeps focus and its selection.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => {
                  if (index !== active) onActive(index)
                }}
                onClick={() => onPick(index)}
              >
                {Icon !== undefined && (
                  <span className="suggestion-icon" aria-hidden>
                    <Icon size={16} strokeWidth={1.8} />
                  </span>
                )}
                <span className="suggestion-text">
                  <span className="suggestion-label">{entry.label}</span>
                  {entry.hint !== undefined && (
                    <span className="suggestion-hint">{entry.hint}</span>
                  )}
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
