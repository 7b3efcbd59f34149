import { describe, expect, it } from 'vitest'
import {
  MAX_ZOOM,
  MIN_ZOOM,
  fitRect,
  panBy,
  screenToWorld,
  visibleRect,
  worldToScreen,
  zoomAt,
} from './camera'

describe('camera', () => {
  const camera = { x: 100, y: 50, zoom: 2 }

  it('maps screen and world both ways', () => {
    expect(screenToWorld(camera, { x: 0, y: 0 })).toEqual({ x: 100, y: 50 })
    expect(screenToWorld(camera, { x: 200, y: 100 })).toEqual({ x: 200, y: 100 })
    expect(worldToScreen(camera, { x: 200, y: 100 })).toEqual({ x: 200, y: 100 })
    expect(visibleRect(camera, { width: 800, height: 600 })).toEqual({
      x: 100,
      y: 50,
      w: 400,
      h: 300,
    })
  })

  it('zooms around the pointer: the point under it stays put', () => {
    const anchor = { x: 300, y: 200 }
    const before = screenToWorld(camera, anchor)
    const zoomed = zoomAt(camera, anchor, 1.5)
    expect(zoomed.zoom).toBe(3)
    const after = screenToWorld(zoomed, anchor)
    expect(after.x).toBeCloseTo(before.x)
    expect(after.y).toBeCloseTo(before.y)
    expect(zoomAt(camera, anchor, 1000).zoom).toBe(MAX_ZOOM)
    expect(zoomAt(camera, anchor, 0.00001).zoom).toBe(MIN_ZOOM)
  })

  it('pans by screen pixels and fits a rectangle in view', () => {
    expect(panBy(camera, 20, -40)).toEqual({ x: 90, y: 70, zoom: 2 })
    const fitted = fitRect({ x: 0, y: 0, w: 4000, h: 1000 }, { width: 1000, height: 800 }, 50)
    expect(fitted.zoom).toBeCloseTo(900 / 4000)
    const shown = visibleRect(fitted, { width: 1000, height: 800 })
    expect(shown.x).toBeLessThanOrEqual(0)
    expect(shown.x + shown.w).toBeGreaterThanOrEqual(4000)
    expect(shown.y + shown.h / 2).toBeCloseTo(500)
    // Small content is not blown up past 100 %.
    expect(fitRect({ x: 0, y: 0, w: 10, h: 10 }, { width: 1000, height: 800 }).zoom).toBe(1)
  })
})
