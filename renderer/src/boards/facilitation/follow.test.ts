import { describe, expect, it, vi } from 'vitest'
import { createValueStore } from '../../lib/externalStore'
import { EMPTY_BOARD_PRESENCE, type BoardPeer } from '../state/boardPresence'
import { DEFAULT_CAMERA, visibleRect, type Camera, type Size } from '../state/camera'
import { cameraForView, createFollower } from './follow'

function peer(clientId: number, view: BoardPeer['board']['view']): BoardPeer {
  return {
    clientId,
    personId: `p-${clientId}`,
    name: 'Bo',
    color: '#336699',
    company: '',
    note: null,
    isSelf: false,
    board: { ...EMPTY_BOARD_PRESENCE, view },
  }
}

describe('cameraForView', () => {
  it('shows the whole of their view on my screen, centred', () => {
    const view = { x: 1000, y: 500, w: 1600, h: 900 }
    const camera = cameraForView(view, { width: 800, height: 450 })
    expect(camera).toEqual({ x: 1000, y: 500, zoom: 0.5 })
    // A screen of another shape shows more around it, never less of it.
    const tall = cameraForView(view, { width: 800, height: 800 })
    expect(tall?.zoom).toBe(0.5)
    const seen = visibleRect(tall as Camera, { width: 800, height: 800 })
    expect(seen.x).toBeLessThanOrEqual(view.x)
    expect(seen.y).toBeLessThanOrEqual(view.y)
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(view.x + view.w)
    expect(seen.y + seen.h).toBeGreaterThanOrEqual(view.y + view.h)
  })

  it('waits for my canvas to have a size', () => {
    expect(cameraForView({ x: 0, y: 0, w: 10, h: 10 }, { width: 0, height: 0 })).toBeUndefined()
  })
})

describe('follower', () => {
  function setup() {
    const peers = createValueStore<readonly BoardPeer[]>([peer(7, { x: 0, y: 0, w: 800, h: 600 })])
    const camera = createValueStore<Camera>(DEFAULT_CAMERA)
    const size = createValueStore<Size>({ width: 800, height: 600 })
    const onEnd = vi.fn()
    const follower = createFollower({ peers, camera, size, onEnd })
    return { peers, camera, size, onEnd, follower }
  }

  it('moves my camera with their view until I move it myself', () => {
    const { peers, camera, onEnd, follower } = setup()
    follower.follow({ clientId: 7, name: 'Bo' })
    expect(follower.following.getSnapshot()).toEqual({ clientId: 7, name: 'Bo' })
    expect(camera.getSnapshot()).toEqual({ x: 0, y: 0, zoom: 1 })
    peers.set([peer(7, { x: 500, y: 100, w: 1600, h: 1200 })])
    expect(camera.getSnapshot()).toEqual({ x: 500, y: 100, zoom: 0.5 })

    camera.set({ x: 520, y: 100, zoom: 0.5 })
    expect(follower.following.getSnapshot()).toBeUndefined()
    expect(onEnd).toHaveBeenCalledWith('moved', { clientId: 7, name: 'Bo' })
    peers.set([peer(7, { x: 0, y: 0, w: 800, h: 600 })])
    expect(camera.getSnapshot()).toEqual({ x: 520, y: 100, zoom: 0.5 })
  })

  it('ends when they leave or I stop, and refits when my canvas resizes', () => {
    const { peers, camera, size, onEnd, follower } = setup()
    follower.follow({ clientId: 7, name: 'Bo' })
    size.set({ width: 400, height: 300 })
    expect(camera.getSnapshot()).toEqual({ x: 0, y: 0, zoom: 0.5 })
    peers.set([])
    expect(onEnd).toHaveBeenLastCalledWith('left', { clientId: 7, name: 'Bo' })
    expect(follower.following.getSnapshot()).toBeUndefined()

    peers.set([peer(7, { x: 0, y: 0, w: 800, h: 600 })])
    follower.follow({ clientId: 7, name: 'Bo' })
    follower.stop()
    expect(onEnd).toHaveBeenLastCalledWith('stopped', { clientId: 7, name: 'Bo' })
    peers.set([peer(7, { x: 900, y: 900, w: 800, h: 600 })])
    expect(camera.getSnapshot().x).not.toBe(900)
  })
})
