import type { Widen } from '../messages'

/** Translations for: Private notebook and share-to-workspace. Both languages in one place; keys must match. */
export const nb = {
  section: 'notebook',
} as const

export const en: Widen<typeof nb> = {
  section: 'notebook',
}
