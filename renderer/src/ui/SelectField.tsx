import { useId, type ReactNode } from 'react'

/**
 * A native `<select>` with its label: the form field of a dialog, or one filter of a filter
 * row (the note list's, the search page's). Native on purpose — it is keyboard- and
 * screen-reader-complete everywhere, phones included. Each place gives its own classes;
 * `id` when the form needs to know it, otherwise one is made.
 */
export function SelectField({
  id,
  label,
  value,
  onChange,
  testId,
  children,
  className = 'field',
  labelClassName = 'field-label',
  selectClassName = 'select',
}: {
  id?: string
  label: string
  value: string
  onChange: (value: string) => void
  testId: string
  children: ReactNode
  /** The wrapper's classes. */
  className?: string
  /** `visually-hidden` where the options say what they are. */
  labelClassName?: string
  selectClassName?: string
}) {
  const madeId = useId()
  const selectId = id ?? madeId
  return (
    <div className={className}>
      <label className={labelClassName} htmlFor={selectId}>
        {label}
      </label>
      <select
        id={selectId}
        className={selectClassName}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      >
        {children}
      </select>
    </div>
  )
}
