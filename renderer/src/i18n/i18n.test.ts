import { describe, expect, it } from 'vitest'
import { en } from './en'
import { resolveLanguage } from './i18n'
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
