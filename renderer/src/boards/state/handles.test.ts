import { describe, expect, it } from 'vitest'
import { MIN_SIZE } from '../../../../shared/model/board/items'
import { handleAt, resizeRect } from './handles'

describe('resize handles', () => {
  const rect = { x: 100, y: 100, w: 200, h: 100 }

  it('finds the handle under the pointer, corners first', () => {
    expect(handleAt(rect, { x: 101, y: 99 })).toBe('nw')
    expect(handleAt(rect, { x: 200, y: 200 })).toBe('s')
    expect(handleAt(rect, { x: 300, y: 150 })).toBe('e')
    expect(handleAt(rect, { x: 200, y: 150 })).toBeUndefined()
    // Too small on screen for side handles: only corners.
    expect(handleAt({ x: 0, y: 0, w: 20, h: 20 }, { x: 10, y: 0 })).toBeUndefined()
  })

  it('moves the dragged edges only, never below the minimum size', () => {
    expect(resizeRect(rect, 'se', 50, 20)).toEqual({ x: 100, y: 100, w: 250, h: 120 })
    expect(resizeRect(rect, 'nw', 50, 20)).toEqual({ x: 150, y: 120, w: 150, h: 80 })
    expect(resizeRect(rect, 'e', -1000, 0).w).toBe(MIN_SIZE)
    expect(resizeRect(rect, 'w', 1000, 0)).toEqual({
      x: 300 - MIN_SIZE,
      y: 100,
      w: MIN_SIZE,
      h: 100,
    })
    const kept = resizeRect(rect, 'se', 200, 0, true)
    expect(kept.w / kept.h).toBeCloseTo(2)
    expect(kept.x).toBe(100)
  })
})
