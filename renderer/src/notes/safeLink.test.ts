import { describe, expect, it } from 'vitest'
import { isSafeHref, normalizeLinkInput } from './safeLink'

describe('links in notes', () => {
  it('accepts web and email links only', () => {
    expect(isSafeHref('https://example.no/a?b=1')).toBe(true)
    expect(isSafeHref('http://192.168.1.20:4455/')).toBe(true)
    expect(isSafeHref('mailto:ola@example.no')).toBe(true)
    expect(isSafeHref('javascript:alert(1)')).toBe(false)
    expect(isSafeHref('file:///etc/passwd')).toBe(false)
    expect(isSafeHref('data:text/html,<b>x</b>')).toBe(false)
    expect(isSafeHref('/relative')).toBe(false)
    expect(isSafeHref('mailto:')).toBe(false)
  })

  it('completes what people type', () => {
    expect(normalizeLinkInput('example.no')).toBe('https://example.no')
    expect(normalizeLinkInput('  ola@example.no ')).toBe('mailto:ola@example.no')
    expect(normalizeLinkInput('https://kryss.no/x')).toBe('https://kryss.no/x')
    expect(normalizeLinkInput('javascript:alert(1)')).toBeUndefined()
    expect(normalizeLinkInput('')).toBeUndefined()
  })
})
