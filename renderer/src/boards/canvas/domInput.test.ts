import { describe, expect, it } from 'vitest'
import {
  DOM_DELTA_LINE,
  DOM_DELTA_PAGE,
  DOM_DELTA_PIXEL,
  wheelInput,
  wheelPixels,
} from './domInput'

describe('wheel input', () => {
  it('turns line and page deltas into pixels', () => {
    expect(wheelPixels(3, DOM_DELTA_PIXEL, 600)).toBe(3)
    expect(wheelPixels(3, DOM_DELTA_LINE, 600)).toBe(48)
    expect(wheelPixels(-1, DOM_DELTA_PAGE, 600)).toBe(-600)
  })

  it('is relative to the canvas, and a Ctrl wheel (a pinch) zooms', () => {
    const input = wheelInput(
      {
        clientX: 110,
        clientY: 70,
        deltaX: 0,
        deltaY: 2,
        deltaMode: DOM_DELTA_LINE,
        ctrlKey: true,
        metaKey: false,
        shiftKey: false,
      },
      { left: 100, top: 50 },
      { width: 800, height: 600 },
    )
    expect(input).toEqual({ x: 10, y: 20, dx: 0, dy: 32, mod: true, shift: false })
  })
})
