import * as Popover from '@radix-ui/react-popover'
import { Check } from 'lucide-react'
import { useMemo, useSyncExternalStore, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { STICKY_COLORS, type StickyColor } from '../../../../shared/model/board/items'
import type { ExternalStore } from '../../lib/externalStore'
import { shortcutLabel } from '../../notes/shortcuts'
import { IconButton } from '../../ui/IconButton'
import { Tooltip } from '../../ui/Tooltip'
import { stickyFill } from '../canvas/palette'
import { createToolContext, type ToolContext, type ToolRuntime } from './toolContext'

/** Pieces the tool rail and the selection bar share. */

export function useStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/**
 * One field of a store that changes often (the interaction store, on every pointer move):
 * the component re-renders only when that field does. `select` must return a primitive or a
 * reference the store keeps.
 */
export function useSelected<T, S>(store: ExternalStore<T>, select: (value: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()))
}

/** A store made once per runtime (stores keep no listeners until someone subscribes). */
export function useRuntimeStore<T>(
  runtime: ToolRuntime,
  make: (runtime: ToolRuntime) => ExternalStore<T>,
): T {
  // `make` is a module-level function at every call site: only the runtime varies.
  const store = useMemo(() => make(runtime), [make, runtime])
  return useStore(store)
}

/** The tools' context for actions from buttons (each still one command, one undo step). */
export function useToolContext(runtime: ToolRuntime): ToolContext {
  return useMemo(() => createToolContext(runtime, Date.now), [runtime])
}

/**
 * A tool bar button: tooltip on the side away from the canvas's middle, with its shortcut.
 * A press does not take the focus from the canvas, so the board's keys keep working after a
 * click on the bar.
 */
export function BarButton({
  label,
  shortcut,
  side,
  active,
  disabled,
  onClick,
  testId,
  children,
}: {
  label: string
  shortcut?: string
  side: 'right' | 'top'
  /** A toggle (aria-pressed) when given; a plain action otherwise. */
  active?: boolean
  disabled?: boolean
  onClick: () => void
  testId?: string
  children: ReactNode
}) {
  return (
    <Tooltip
      side={side}
      content={
        shortcut === undefined ? (
          label
        ) : (
          <>
            {label} <kbd className="tooltip-kbd">{shortcutLabel(shortcut)}</kbd>
          </>
        )
      }
    >
      <IconButton
        label={label}
        tooltip={false}
        active={active}
        aria-pressed={active}
        disabled={disabled}
        data-testid={testId}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
      >
        {children}
      </IconButton>
    </Tooltip>
  )
}

export const STICKY_COLOR_NAMES = Object.keys(STICKY_COLORS) as StickyColor[]

/** Whether the dark theme is on screen (`<html data-theme>`), for swatches drawn like the canvas. */
const darkTheme: ExternalStore<boolean> = {
  subscribe(listener) {
    const observer = new MutationObserver(listener)
    observer.observe(document.documentElement, { attributeFilter: ['data-theme'] })
    return () => observer.disconnect()
  },
  getSnapshot: () => document.documentElement.dataset.theme === 'dark',
}

/** A sticky colour's fill as the canvas paints it in the theme on screen. */
function useStickyFill(): (color: string) => string {
  const dark = useStore(darkTheme)
  return (color) => stickyFill(color, dark)
}

export function Swatch({ color }: { color: string }) {
  const fill = useStickyFill()
  return <span className="board-swatch" style={{ background: fill(color) }} aria-hidden />
}

/** A button showing a colour that opens the sticky palette. */
export function ColorPicker({
  label,
  current,
  side,
  onPick,
  testId,
}: {
  label: string
  /** The colour shown on the button and checked in the palette (undefined: mixed). */
  current: string | undefined
  side: 'right' | 'top'
  onPick: (color: StickyColor) => void
  testId?: string
}) {
  const { t } = useTranslation()
  const fill = useStickyFill()
  return (
    <Popover.Root>
      <Tooltip side={side} content={label}>
        <Popover.Trigger asChild>
          <button
            type="button"
            className="icon-button board-color-button"
            aria-label={label}
            data-testid={testId}
            onMouseDown={(event) => event.preventDefault()}
          >
            <Swatch color={current ?? 'grey'} />
          </button>
        </Popover.Trigger>
      </Tooltip>
      <Popover.Portal>
        <Popover.Content
          className="popover board-palette"
          side={side}
          sideOffset={8}
          collisionPadding={8}
          onOpenAutoFocus={(event) => event.preventDefault()}
        >
          <div className="board-palette-grid" role="group" aria-label={label}>
            {STICKY_COLOR_NAMES.map((color) => (
              <Popover.Close asChild key={color}>
                <button
                  type="button"
                  className="board-palette-swatch"
                  aria-label={t(`boardTools.colors.${color}`)}
                  aria-pressed={color === current}
                  data-testid={`board-color-${color}`}
                  style={{ background: fill(color) }}
                  onClick={() => onPick(color)}
                >
                  {color === current && <Check size={14} aria-hidden />}
                </button>
              </Popover.Close>
            ))}
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
