import type { Widen } from '../messages'

/** Translations for: the board tools (tool bar, selection bar, shortcuts). Both languages in one place; keys must match. */
export const nb = {
  section: 'boardTools',
} as const

export const en: Widen<typeof nb> = {
  section: 'boardTools',
}
