import type { Widen } from '../messages'

/** Translations for: Board exports, imports, summary and promote. Both languages in one place; keys must match. */
export const nb = {
  section: 'boardExport',
} as const

export const en: Widen<typeof nb> = {
  section: 'boardExport',
}
