import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'
import { Tooltip } from './Tooltip'

type IconButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** Accessible name, also shown as the tooltip. */
  label: string
  /** Extra tooltip text, e.g. a keyboard shortcut. */
  hint?: string
  active?: boolean
  size?: 'sm' | 'md'
  children: ReactNode
  ref?: Ref<HTMLButtonElement>
  tooltip?: boolean
}

export function IconButton({
  label,
  hint,
  active,
  size = 'md',
  className,
  children,
  tooltip = true,
  type = 'button',
  ...rest
}: IconButtonProps) {
  const button = (
    <button
      type={type}
      aria-label={label}
      className={['icon-button', `icon-button--${size}`, active ? 'is-active' : '', className]
        .filter(Boolean)
        .join(' ')}
      {...rest}
    >
      {children}
    </button>
  )
  if (!tooltip) return button
  return (
    <Tooltip
      content={
        hint === undefined ? (
          label
        ) : (
          <>
            {label} <kbd className="tooltip-kbd">{hint}</kbd>
          </>
        )
      }
    >
      {button}
    </Tooltip>
  )
}
