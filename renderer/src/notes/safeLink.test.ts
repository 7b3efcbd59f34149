import { describe, expect, it } from 'vitest'
import { isAllowedLink, isSafeHref, normalizeLinkInput, parseAppLink } from './safeLink'

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

  it('reads links to places in Kryss, and nothing else in a hash', () => {
    const workspace = 'ws-abcdefghijkl'
    expect(parseAppLink(`#w=${workspace}&b=board-abcdefghijkl`)).toEqual({
      workspace,
      board: 'board-abcdefghijkl',
    })
    expect(parseAppLink(`#w=${workspace}&n=note-abc`)).toEqual({ workspace, note: 'note-abc' })
    expect(parseAppLink(`#w=${workspace}`)).toBeUndefined()
    expect(parseAppLink(`#w=${workspace}&b=BAD/../x`)).toBeUndefined()
    expect(parseAppLink(`#w=${workspace}&n=note-abc&owner=secret`)).toBeUndefined()
    expect(parseAppLink('#w=No%20Such&n=note-abc')).toBeUndefined()
    expect(parseAppLink(`https://x.no/#w=${workspace}&n=note-abc`)).toBeUndefined()
    expect(isAllowedLink(`#w=${workspace}&b=board-abcdefghijkl`)).toBe(true)
    expect(isAllowedLink('#anything')).toBe(false)
    expect(isAllowedLink('javascript:alert(1)')).toBe(false)
  })

  it('completes what people type', () => {
    expect(normalizeLinkInput('example.no')).toBe('https://example.no')
    expect(normalizeLinkInput('  ola@example.no ')).toBe('mailto:ola@example.no')
    expect(normalizeLinkInput('https://kryss.no/x')).toBe('https://kryss.no/x')
    expect(normalizeLinkInput('javascript:alert(1)')).toBeUndefined()
    expect(normalizeLinkInput('')).toBeUndefined()
  })
})
