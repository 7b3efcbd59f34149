import type { Widen } from '../messages'

/** Translations for: Note history (versions, compare, restore). Both languages in one place; keys must match. */
export const nb = {
  section: 'history',
} as const

export const en: Widen<typeof nb> = {
  section: 'history',
}
