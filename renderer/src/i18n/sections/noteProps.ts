import type { Widen } from '../messages'

/** Translations for: Note properties, backlinks, list filters and templates. Both languages in one place; keys must match. */
export const nb = {
  section: 'noteProps',
} as const

export const en: Widen<typeof nb> = {
  section: 'noteProps',
}
