import type { Widen } from '../messages'

/** Translations for: Editor blocks, slash menu, images and note links (editor extensions). Both languages in one place; keys must match. */
export const nb = {
  section: 'blocks',
} as const

export const en: Widen<typeof nb> = {
  section: 'blocks',
}
