import type { Widen } from '../messages'

/** Translations for: the board canvas (items' labels, in-place editing, minimap, zoom). Both languages in one place; keys must match. */
export const nb = {
  section: 'boardCanvas',
} as const

export const en: Widen<typeof nb> = {
  section: 'boardCanvas',
}
