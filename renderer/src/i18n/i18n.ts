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
  return i18next
}

export async function applyLanguageSetting(setting: LanguageSetting): Promise<void> {
  const language = resolveLanguage(setting, systemLanguage())
  if (i18next.language !== language) await i18next.changeLanguage(language)
}
