import { describe, expect, it } from 'vitest'
import { STICKY_COLORS } from '../../../../shared/model/board/items'
import { inkOn, luminance, readPalette, stickyFill } from './palette'

describe('board palette', () => {
  it('reads the design tokens, with the theme’s defaults when one is missing', () => {
    const palette = readPalette((name) => (name === '--accent' ? ' #123456 ' : ''), true)
    expect(palette.accent).toBe('#123456')
    expect(palette.board).toBe('#131417')
    expect(palette.dark).toBe(true)
  })

  it('gives stickies their palette colour in light and a deeper shade in dark', () => {
    expect(stickyFill('blue', false)).toBe(STICKY_COLORS.blue)
    expect(luminance(stickyFill('blue', true))).toBeLessThan(luminance(STICKY_COLORS.blue))
    expect(stickyFill('#336699', false)).toBe('#336699')
    expect(stickyFill(undefined, false)).toBe(STICKY_COLORS.yellow)
  })

  it('keeps sticky text readable on every fill, light or dark', () => {
    for (const dark of [false, true]) {
      for (const color of Object.keys(STICKY_COLORS)) {
        const fill = stickyFill(color, dark)
        const ink = inkOn(fill)
        const [light, deep] = [luminance(fill), luminance(ink)].sort((a, b) => b - a) as [
          number,
          number,
        ]
        // WCAG contrast ratio of at least 4.5.
        expect(
          (light + 0.05) / (deep + 0.05),
          `${color} ${dark ? 'dark' : 'light'}`,
        ).toBeGreaterThan(4.5)
      }
    }
  })
})
