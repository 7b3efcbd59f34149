import { describe, expect, it } from 'vitest'
import { en } from './en'
import i18next from 'i18next'
import { rememberPlainLookups, resolveLanguage } from './i18n'
import { nb } from './nb'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix === '' ? key : `${prefix}.${key}`),
  )
}

describe('languages', () => {
  it('Norwegian variants get Bokmål, everything else English', () => {
    expect(resolveLanguage('auto', 'nb-NO')).toBe('nb')
    expect(resolveLanguage('auto', 'nn')).toBe('nb')
    expect(resolveLanguage('auto', 'no')).toBe('nb')
    expect(resolveLanguage('auto', 'sv-SE')).toBe('en')
    expect(resolveLanguage('auto', 'en-US')).toBe('en')
    expect(resolveLanguage('en', 'nb-NO')).toBe('en')
    expect(resolveLanguage('nb', 'en-GB')).toBe('nb')
  })

  it('both translations have the same keys and no empty strings', () => {
    expect(keys(en).sort()).toEqual(keys(nb).sort())
    for (const [language, messages] of Object.entries({ nb, en })) {
      const empty = keys(messages).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages)
        return typeof value !== 'string' || value.trim() === ''
      })
      expect(empty, language).toEqual([])
    }
  })
})

describe('remembered lookups', () => {
  async function instance() {
    const i18n = i18next.createInstance()
    await i18n.init({
      lng: 'nb',
      fallbackLng: 'en',
      resources: {
        nb: {
          translation: {
            hello: 'Hei',
            named: 'Hei, {{name}}',
            items_one: 'én',
            items_other: '{{count}} stk',
          },
        },
        en: {
          translation: {
            hello: 'Hello',
            named: 'Hello, {{name}}',
            items_one: 'one',
            items_other: '{{count}} items',
          },
        },
      },
      interpolation: { escapeValue: false },
    })
    rememberPlainLookups(i18n)
    const lookup = (lng: string) =>
      i18n.getFixedT(lng, 'translation') as unknown as (key: string, options?: object) => string
    return { i18n, lookup }
  }

  it('answers plain keys from the table and still interpolates and counts', async () => {
    const { i18n, lookup } = await instance()
    const t = lookup('nb')
    expect(t('hello')).toBe('Hei')
    // Changed behind i18next's back (no event): the remembered answer shows it was not asked.
    ;(i18n.store.data.nb?.translation as Record<string, string>).hello = 'Changed'
    expect(t('hello')).toBe('Hei')
    expect(t('named', { name: 'Kari' })).toBe('Hei, Kari')
    expect(t('named', { name: 'Ola' })).toBe('Hei, Ola')
    expect(t('items', { count: 3 })).toBe('3 stk')
    expect(lookup('en')('hello')).toBe('Hello')
  })

  it('forgets on a language change and when resources change', async () => {
    const { i18n, lookup } = await instance()
    expect(lookup('nb')('hello')).toBe('Hei')
    i18n.addResource('nb', 'translation', 'hello', 'Hallo')
    expect(lookup('nb')('hello')).toBe('Hallo')
    await i18n.changeLanguage('en')
    expect(lookup(i18n.language)('hello')).toBe('Hello')
  })
})
