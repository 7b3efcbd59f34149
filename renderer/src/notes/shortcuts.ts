const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** A shortcut label for tooltips: `mod+B` → `⌘B` on macOS, `Ctrl+B` elsewhere. */
export function shortcutLabel(shortcut: string): string {
  if (isMac) {
    return shortcut.replace('mod+', '⌘').replace('alt+', '⌥').replace('shift+', '⇧')
  }
  return shortcut.replace('mod+', 'Ctrl+').replace('alt+', 'Alt+').replace('shift+', 'Shift+')
}

export function isModClick(event: MouseEvent): boolean {
  return isMac ? event.metaKey : event.ctrlKey
}
