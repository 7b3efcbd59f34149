import type { Widen } from '../messages'

/** Translations for: The board canvas and its tools. Both languages in one place; keys must match. */
export const nb = {
  section: 'boardTools',
} as const

export const en: Widen<typeof nb> = {
  section: 'boardTools',
}
