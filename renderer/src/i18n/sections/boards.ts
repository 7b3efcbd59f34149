import type { Widen } from '../messages'

/** Translations for: Boards: the list, the board screen and its header. Both languages in one place; keys must match. */
export const nb = {
  section: 'boards',
} as const

export const en: Widen<typeof nb> = {
  section: 'boards',
}
