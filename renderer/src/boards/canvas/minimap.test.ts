import { describe, expect, it } from 'vitest'
import {
  cameraCentredAt,
  minimapToWorld,
  minimapTransform,
  minimapWorld,
  worldToMinimap,
} from './minimap'

describe('minimap', () => {
  it('fits the content with room around it, centred in the map', () => {
    const world = minimapWorld({ x: 0, y: 0, w: 1000, h: 500 })
    expect(world.x).toBeLessThan(0)
    expect(world.w).toBeGreaterThan(1000)
    const transform = minimapTransform(world, { width: 200, height: 200 })
    const content = worldToMinimap(transform, { x: 0, y: 0, w: 1000, h: 500 })
    expect(content.x).toBeGreaterThan(0)
    expect(content.x + content.w).toBeLessThan(200)
    // Wider than tall: centred vertically.
    expect(content.y + content.h / 2).toBeCloseTo(100)
  })

  it('maps a click back to the world point under it', () => {
    const transform = minimapTransform(
      { x: -100, y: -50, w: 2000, h: 1000 },
      { width: 200, height: 100 },
    )
    const point = { x: 640, y: 310 }
    const onMap = worldToMinimap(transform, { ...point, w: 0, h: 0 })
    const back = minimapToWorld(transform, onMap)
    expect(back.x).toBeCloseTo(point.x)
    expect(back.y).toBeCloseTo(point.y)
  })

  it('centres the view on a point and keeps the zoom', () => {
    const camera = cameraCentredAt(
      { x: 0, y: 0, zoom: 0.5 },
      { width: 800, height: 600 },
      { x: 1000, y: 1000 },
    )
    expect(camera).toEqual({ x: 200, y: 400, zoom: 0.5 })
  })
})
