import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import { createItems } from '../../../../shared/model/board/commands'
import { boardPreviewJson, readBoardPreview } from '../../../../shared/model/board/preview'
import { ANNE } from '../../../../shared/model/board/testing'
import { createValueStore } from '../../lib/externalStore'
import { createBoardScene } from '../state/boardScene'
import { DEFAULT_CAMERA, worldToScreen, type Camera, type Size } from '../state/camera'
import { createInteractionStore } from '../state/interaction'
import { betweenCameras, focusCamera, focusItem, READABLE_ZOOM } from './focusItem'

function fakeRuntime() {
  const doc = new Y.Doc()
  const synced = createValueStore({ synced: false })
  return {
    doc,
    scene: createBoardScene(doc, ANNE),
    size: createValueStore<Size>({ width: 0, height: 0 }),
    camera: createValueStore<Camera>(DEFAULT_CAMERA),
    interaction: createInteractionStore(),
    // Only `synced` is read of the sync status.
    sync: { status: synced } as never,
    synced,
  }
}

const viewport: Size = { width: 1200, height: 800 }

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('focusing a board item', () => {
  it('centres the item at a readable zoom, whole when it is large', () => {
    const sticky = { x: 5000, y: -300, w: 160, h: 160 }
    const camera = focusCamera(sticky, viewport)
    expect(camera.zoom).toBe(READABLE_ZOOM)
    const centre = worldToScreen(camera, { x: 5080, y: -220 })
    expect(centre.x).toBeCloseTo(600)
    expect(centre.y).toBeCloseTo(400)
    const frame = focusCamera({ x: 0, y: 0, w: 4000, h: 3000 }, viewport)
    expect(frame.zoom).toBeLessThan(0.3)
  })

  it('glides from one camera to the other, the ends exact', () => {
    const from: Camera = { x: 0, y: 0, zoom: 0.5 }
    const to: Camera = { x: 1000, y: 500, zoom: 2 }
    expect(betweenCameras(from, to, 0, viewport)).toEqual(from)
    const end = betweenCameras(from, to, 1, viewport)
    expect(end.x).toBeCloseTo(1000)
    expect(end.y).toBeCloseTo(500)
    expect(betweenCameras(from, to, 0.5, viewport).zoom).toBeCloseTo(1)
  })

  it('waits for the item and the canvas, then selects it and jumps there', () => {
    const runtime = fakeRuntime()
    const done = vi.fn()
    const id = 'later-sticky-0001' as ItemId
    focusItem(runtime, id, done)
    expect(done).not.toHaveBeenCalled()
    createItems(runtime.doc, [{ kind: 'sticky', x: 2000, y: 1000, text: 'Sagflis', id }], {
      actor: ANNE,
      now: 1,
    })
    // In the scene, but the canvas has no size yet.
    expect(done).not.toHaveBeenCalled()
    expect(runtime.camera.getSnapshot()).toBe(DEFAULT_CAMERA)
    runtime.size.set(viewport)
    expect(done).toHaveBeenCalledWith(true)
    expect([...runtime.interaction.getSnapshot().selection]).toEqual([id])
    const item = runtime.scene.get(id)!
    const centre = worldToScreen(runtime.camera.getSnapshot(), {
      x: item.x + item.w / 2,
      y: item.y + item.h / 2,
    })
    expect(centre.x).toBeCloseTo(600)
    expect(centre.y).toBeCloseTo(400)
  })

  it('finds the item in the board’s preview, and keeps it when the document has applied', () => {
    const host = new Y.Doc()
    const id = 'previewed-000001' as ItemId
    createItems(
      host,
      [
        { kind: 'sticky', x: -400, y: 900, text: 'Fra forhåndsvisningen', id },
        { kind: 'sticky', x: 3000, y: -2000, text: 'Langt unna' },
      ],
      { actor: ANNE, now: 1 },
    )
    const runtime = fakeRuntime()
    runtime.size.set(viewport)
    const done = vi.fn()
    focusItem(runtime, id, done)
    expect(runtime.scene.showPreview(readBoardPreview(boardPreviewJson(host)))).toBe(true)
    expect(done).toHaveBeenCalledWith(true)
    const shown = runtime.camera.getSnapshot()
    expect(shown.zoom).toBe(READABLE_ZOOM)
    // The document arrives: the same item, still selected, the view where it was.
    Y.applyUpdate(runtime.doc, Y.encodeStateAsUpdate(host))
    runtime.synced.set({ synced: true })
    runtime.scene.endPreview()
    expect(runtime.scene.get(id)?.text).toBe('Fra forhåndsvisningen')
    expect([...runtime.interaction.getSnapshot().selection]).toEqual([id])
    expect(runtime.camera.getSnapshot()).toBe(shown)
    expect(done).toHaveBeenCalledTimes(1)
  })

  it('gives up when the board synced without the item', () => {
    const runtime = fakeRuntime()
    runtime.size.set(viewport)
    const done = vi.fn()
    focusItem(runtime, 'gone-000000000001' as ItemId, done)
    runtime.synced.set({ synced: true })
    vi.advanceTimersByTime(1000)
    expect(done).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1000)
    expect(done).toHaveBeenCalledWith(false)
    expect(runtime.interaction.getSnapshot().selection.size).toBe(0)
    expect(runtime.camera.getSnapshot()).toBe(DEFAULT_CAMERA)
  })

  it('stops waiting when cancelled', () => {
    const runtime = fakeRuntime()
    const done = vi.fn()
    const id = 'cancelled-000001' as ItemId
    const cancel = focusItem(runtime, id, done)
    cancel()
    runtime.size.set(viewport)
    createItems(runtime.doc, [{ kind: 'sticky', x: 0, y: 0, text: 'x', id }], {
      actor: ANNE,
      now: 1,
    })
    expect(done).not.toHaveBeenCalled()
    expect(runtime.interaction.getSnapshot().selection.size).toBe(0)
  })
})
