import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant
  size?: 'sm' | 'md'
  icon?: ReactNode
  ref?: Ref<HTMLButtonElement>
}

export function Button({
  variant = 'secondary',
  size = 'md',
  icon,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={['button', `button--${variant}`, `button--${size}`, className]
        .filter(Boolean)
        .join(' ')}
      {...rest}
    >
      {icon}
      {/* With an icon, the label may be hidden visually in tight places (it stays the name). */}
      {icon !== undefined && children !== undefined ? (
        <span className="button-label">{children}</span>
      ) : (
        children
      )}
    </button>
  )
}
