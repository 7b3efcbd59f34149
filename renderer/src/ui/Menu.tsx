import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { cloneElement, useState, type ReactElement, type ReactNode } from 'react'

/** A dropdown menu on a trigger button (which must carry its own accessible name). */
export function Menu({
  trigger,
  children,
  align = 'end',
}: {
  trigger: ReactElement
  children: ReactNode
  align?: 'start' | 'end'
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align={align} sideOffset={4} collisionPadding={8}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

/**
 * A menu for rows of a long list: until the row is pointed at or focused (`armed`), only the
 * trigger button is rendered — a Radix menu is dozens of components and an extra commit per
 * row, and the note list mounts many rows per keystroke in its filter (measured: a third of
 * the list's render time). A click on an unarmed trigger (touch has no hover) opens it all the
 * same. Without `armed` it is built on its first click.
 */
export function LazyMenu({
  armed,
  trigger,
  children,
  align = 'end',
}: {
  armed: boolean
  trigger: ReactElement
  children: ReactNode
  align?: 'start' | 'end'
}) {
  const [open, setOpen] = useState(false)
  // Once built it stays: closing must return focus to the same trigger element.
  const [built, setBuilt] = useState(false)
  if (!armed && !built) {
    // The trigger is a button that takes onClick (Radix's Slot passes handlers the same way).
    return cloneElement(trigger as ReactElement<{ onClick?: () => void }>, {
      onClick: () => {
        setBuilt(true)
        setOpen(true)
      },
    })
  }
  return (
    <DropdownMenu.Root
      modal={false}
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        // Opened while armed: it stays built when the pointer moves on and disarms it.
        if (next) setBuilt(true)
      }}
    >
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align={align} sideOffset={4} collisionPadding={8}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

export function MenuItem({
  onSelect,
  icon,
  danger,
  children,
}: {
  onSelect: () => void
  icon?: ReactNode
  danger?: boolean
  children: ReactNode
}) {
  return (
    <DropdownMenu.Item
      className={danger === true ? 'menu-item menu-item--danger' : 'menu-item'}
      onSelect={onSelect}
    >
      {icon}
      {children}
    </DropdownMenu.Item>
  )
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="menu-separator" />
}
