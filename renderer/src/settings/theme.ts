import type { ThemeSetting } from '../../../shared/hostApi'

export type Theme = 'light' | 'dark'

const darkQuery = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)')

export function resolveTheme(setting: ThemeSetting): Theme {
  if (setting !== 'auto') return setting
  return darkQuery().matches ? 'dark' : 'light'
}

/**
 * Applies a theme setting to `<html data-theme>` and, for "auto", follows the system as it
 * changes. Returns the disposer for that system listener.
 */
export function applyThemeSetting(setting: ThemeSetting): () => void {
  const apply = (): void => {
    document.documentElement.dataset.theme = resolveTheme(setting)
  }
  apply()
  if (setting !== 'auto') return () => {}
  const query = darkQuery()
  query.addEventListener('change', apply)
  return () => query.removeEventListener('change', apply)
}
