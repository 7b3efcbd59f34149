import { describe, expect, it } from 'vitest'
import { formatCount, formatRelativeTime } from './format'

const now = Date.UTC(2025, 2, 10, 12, 0, 0)
const minute = 60_000

describe('formatRelativeTime', () => {
  it('speaks both languages', () => {
    expect(formatRelativeTime(now - 5 * minute, now, 'en')).toBe('5 minutes ago')
    expect(formatRelativeTime(now - 5 * minute, now, 'nb')).toBe('for 5 minutter siden')
    expect(formatRelativeTime(now - 24 * 60 * minute, now, 'en')).toBe('yesterday')
  })

  it('reads recent and future times (another peer’s fast clock) as now', () => {
    expect(formatRelativeTime(now - 10_000, now, 'en')).toBe('now')
    expect(formatRelativeTime(now + 10 * minute, now, 'en')).toBe('now')
    expect(formatRelativeTime(now - 10_000, now, 'en', 'just now')).toBe('just now')
  })
})

describe('formatCount', () => {
  it('groups thousands per language', () => {
    expect(formatCount(10001, 'en')).toBe('10,001')
    expect(formatCount(10001, 'nb')).toBe('10\u00a0001')
  })
})
