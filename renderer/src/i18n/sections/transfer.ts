import type { Widen } from '../messages'

/** Translations for: Markdown export and import. Both languages in one place; keys must match. */
export const nb = {
  section: 'transfer',
} as const

export const en: Widen<typeof nb> = {
  section: 'transfer',
}
