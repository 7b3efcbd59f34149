import * as RadixDialog from '@radix-ui/react-dialog'
import { X } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type DialogProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  description?: ReactNode
  /** When false, Escape, outside clicks and the close button cannot dismiss the dialog. */
  dismissible?: boolean
  /** `full` covers the window, e.g. a QR code for a projector. */
  size?: 'sm' | 'md' | 'full'
  testId?: string
  children: ReactNode
}

/** A labelled modal dialog: the title names it, the description (if any) describes it. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  dismissible = true,
  size = 'sm',
  testId,
  children,
}: DialogProps) {
  const { t } = useTranslation()
  const block = (event: Event): void => {
    if (!dismissible) event.preventDefault()
  }
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={`dialog dialog--${size}`}
          data-testid={testId}
          onEscapeKeyDown={block}
          onPointerDownOutside={block}
          onInteractOutside={block}
          {...(description === undefined ? { 'aria-describedby': undefined } : {})}
        >
          <header className="dialog-header">
            <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
            {description !== undefined && (
              <RadixDialog.Description className="dialog-description">
                {description}
              </RadixDialog.Description>
            )}
          </header>
          {children}
          {dismissible && (
            <RadixDialog.Close
              className="icon-button icon-button--sm dialog-close"
              aria-label={t('common.close')}
            >
              <X size={16} aria-hidden />
            </RadixDialog.Close>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="dialog-footer">{children}</div>
}
