import type { ExternalStore } from '../../lib/externalStore'
import { readPalette, type BoardPalette } from './palette'

/**
 * The board palette of the theme on screen, as a store: re-read from the design tokens when
 * `<html data-theme>` changes (the theme setting, or the system for "auto").
 */
export function themePaletteStore(
  root: HTMLElement = document.documentElement,
): ExternalStore<BoardPalette> {
  const read = (): BoardPalette => {
    const style = getComputedStyle(root)
    return readPalette((name) => style.getPropertyValue(name), root.dataset.theme === 'dark')
  }
  let palette: BoardPalette | undefined
  const listeners = new Set<() => void>()
  let observer: MutationObserver | undefined
  return {
    subscribe(listener) {
      listeners.add(listener)
      if (observer === undefined) {
        observer = new MutationObserver(() => {
          palette = undefined
          for (const each of [...listeners]) each()
        })
        observer.observe(root, {
          attributes: true,
          attributeFilter: ['data-theme'],
        })
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          observer?.disconnect()
          observer = undefined
          palette = undefined
        }
      }
    },
    getSnapshot() {
      palette ??= read()
      return palette
    },
  }
}
