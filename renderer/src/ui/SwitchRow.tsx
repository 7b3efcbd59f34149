import { useId, type ReactNode } from 'react'

/** A labelled on/off switch with a one-line hint, as the Invite dialog's settings use. */
export function SwitchRow({
  label,
  hint,
  on,
  onToggle,
  disabled = false,
  testId,
  children,
}: {
  label: string
  hint: string
  on: boolean
  onToggle: () => void
  disabled?: boolean
  testId: string
  /** Extra lines under the hint (state, warnings). */
  children?: ReactNode
}) {
  const labelId = useId()
  return (
    <div className="invite-hosting">
      <div className="invite-hosting-text">
        <span className="invite-hosting-label" id={labelId}>
          {label}
        </span>
        <span className="invite-hosting-hint">{hint}</span>
        {children}
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-labelledby={labelId}
        className="switch"
        disabled={disabled}
        onClick={onToggle}
        data-testid={testId}
      >
        <span className="switch-thumb" aria-hidden />
      </button>
    </div>
  )
}
