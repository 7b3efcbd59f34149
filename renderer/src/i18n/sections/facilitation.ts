import type { Widen } from '../messages'

/** Translations for: Facilitation: timer, voting, private mode, follow, present. Both languages in one place; keys must match. */
export const nb = {
  section: 'facilitation',
} as const

export const en: Widen<typeof nb> = {
  section: 'facilitation',
}
