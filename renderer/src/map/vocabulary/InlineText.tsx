import { useId, useRef, useState, type KeyboardEvent } from 'react'

/**
 * A value edited where it stands, as in a Notion table: it looks like text until it is hovered
 * or focused. What is typed is held only while editing; Enter or leaving the field saves it
 * (`onCommit` returns an error message to refuse it, which then stays shown with the typed
 * text), Escape goes back to the document's value. When not editing, it shows the live value,
 * so a rename by someone else appears at once.
 */
export function InlineText({
  value,
  label,
  placeholder,
  readOnly,
  onCommit,
  className,
  testId,
}: {
  value: string
  /** The accessible name (the field has no visible label). */
  label: string
  placeholder?: string
  readOnly: boolean
  /** Saves `next` (different from `value`); returns an error message to refuse it. */
  onCommit: (next: string) => string | undefined
  className?: string
  testId?: string
}) {
  const errorId = useId()
  const [draft, setDraft] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  // The latest draft for handlers that run before React re-renders (Enter, then blur).
  const pending = useRef<string | undefined>(undefined)

  const update = (next: string | undefined): void => {
    pending.current = next
    setDraft(next)
  }

  const commit = (): void => {
    const next = pending.current
    if (next === undefined) return
    if (next === value) {
      update(undefined)
      setError(undefined)
      return
    }
    const refusal = onCommit(next)
    if (refusal === undefined) {
      update(undefined)
      setError(undefined)
    } else {
      setError(refusal)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      commit()
    } else if (event.key === 'Escape' && pending.current !== undefined) {
      // Only swallow Escape when there is something to throw away (a dialog may want it).
      event.preventDefault()
      event.stopPropagation()
      update(undefined)
      setError(undefined)
    }
  }

  if (readOnly) {
    return (
      <span className={['inline-text is-read-only', className].filter(Boolean).join(' ')}>
        {value || <span className="inline-text-empty">–</span>}
      </span>
    )
  }
  return (
    <span className={['inline-text', className].filter(Boolean).join(' ')}>
      <input
        className="inline-text-input"
        value={draft ?? value}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
        title={draft === undefined && value !== '' ? value : undefined}
        onChange={(event) => update(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        data-testid={testId}
      />
      {error !== undefined && (
        <span id={errorId} className="inline-text-error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}
