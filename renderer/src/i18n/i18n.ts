import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language, LanguageSetting } from '../../../shared/hostApi'
import { en } from './en'
import type { Messages } from './messages'
import { nb } from './nb'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
  }
}

/**
 * The language to show for a setting. "auto" follows the system: every Norwegian variant
 * (`nb`, `nn`, `no`) gets Bokmål, anything else English.
 */
export function resolveLanguage(setting: LanguageSetting, systemLanguage: string): Language {
  if (setting !== 'auto') return setting
  const primary = systemLanguage.toLowerCase().split(/[-_]/)[0]
  return primary === 'nb' || primary === 'nn' || primary === 'no' ? 'nb' : 'en'
}

export function systemLanguage(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language
}

/** Starts i18next with both languages bundled (no network: the app must work offline). */
export async function initI18n(language: Language): Promise<typeof i18next> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['nb', 'en'],
    resources: { nb: { translation: nb }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = language
  rememberPlainLookups(i18next)
  return i18next
}

type Lookup = ((key: unknown, ...rest: unknown[]) => string) & Record<string, unknown>
type GetFixedT = (lng: unknown, ns?: unknown, keyPrefix?: unknown) => Lookup

/**
 * Lookups without options (`t('notes.untitled')`, most labels) answered from a table per
 * language instead of i18next's resolver each time: every render of a toolbar, menu or list
 * row looks its labels up again, and opening a note spent a few ms of its frame in `translate`.
 * Calls with options (interpolation, plurals, defaults) still go to i18next. The table is
 * dropped when the language or the resources change.
 */
export function rememberPlainLookups(i18n: typeof i18next): void {
  let table = new Map<string, string>()
  const forget = (): void => {
    table = new Map()
  }
  i18n.on('languageChanged', forget)
  i18n.store.on('added', forget)
  i18n.store.on('removed', forget)
  const original = (i18n.getFixedT as unknown as GetFixedT).bind(i18n)
  const remembering: GetFixedT = (lng, ns, keyPrefix) => {
    const t = original(lng, ns, keyPrefix)
    if (typeof lng !== 'string' || (ns !== undefined && typeof ns !== 'string') || keyPrefix) {
      return t
    }
    const lookup = ((key: unknown, ...rest: unknown[]): string => {
      if (rest.length > 0 || typeof key !== 'string') return t(key, ...rest)
      const id = `${lng}\u0000${ns ?? ''}\u0000${key}`
      let text = table.get(id)
      if (text === undefined) {
        text = t(key)
        table.set(id, text)
      }
      return text
    }) as Lookup
    // react-i18next reads these off the function it is given.
    for (const name of ['lng', 'ns', 'keyPrefix']) lookup[name] = t[name]
    return lookup
  }
  i18n.getFixedT = remembering as unknown as typeof i18n.getFixedT
}

export async function applyLanguageSetting(setting: LanguageSetting): Promise<void> {
  const language = resolveLanguage(setting, systemLanguage())
  if (i18next.language !== language) await i18next.changeLanguage(language)
}
