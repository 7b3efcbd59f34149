import { describe, expect, it } from 'vitest'
import { createRenderLoop } from './renderLoop'

function manualFrames() {
  const pending = new Map<number, () => void>()
  let next = 1
  return {
    request(callback: () => void) {
      pending.set(next, callback)
      return next++
    },
    cancel(handle: number) {
      pending.delete(handle)
    },
    run() {
      const callbacks = [...pending.values()]
      pending.clear()
      for (const callback of callbacks) callback()
    },
    get pending() {
      return pending.size
    },
  }
}

describe('render loop', () => {
  it('paints once per frame however many changes came in', () => {
    const frames = manualFrames()
    let paints = 0
    const loop = createRenderLoop(() => paints++, frames)
    loop.invalidate()
    loop.invalidate()
    loop.invalidate()
    expect(frames.pending).toBe(1)
    frames.run()
    expect(paints).toBe(1)
    frames.run()
    expect(paints).toBe(1)
    loop.invalidate()
    frames.run()
    expect(paints).toBe(2)
  })

  it('paints nothing once destroyed', () => {
    const frames = manualFrames()
    let paints = 0
    const loop = createRenderLoop(() => paints++, frames)
    loop.invalidate()
    loop.destroy()
    loop.invalidate()
    frames.run()
    expect(paints).toBe(0)
  })
})
