import type { Rect } from '../../../../shared/model/board/items'
import { createValueStore, type ExternalStore, type ValueStore } from '../../lib/externalStore'
import type { BoardPeer } from '../state/boardPresence'
import { MAX_ZOOM, fitRect, sameCamera, type Camera, type Size } from '../state/camera'

/**
 * The camera that shows on my screen what another person sees: their whole view, fitted to my
 * size (a phone following a projector zooms out; a larger screen shows a little more around
 * it). Undefined while my canvas has no size yet.
 */
export function cameraForView(view: Rect, size: Size): Camera | undefined {
  if (size.width <= 0 || size.height <= 0) return undefined
  return fitRect(view, size, 0, MAX_ZOOM)
}

type FollowedPeer = Pick<BoardPeer, 'clientId' | 'name' | 'board'>

/** Whom I follow: one client (one screen of a person), by name for the "Following Bo" pill. */
export type Following = { clientId: number; name: string }

export type FollowEnd = 'stopped' | 'moved' | 'left'

/**
 * "Follow" a person: my camera shows their published view until I move it myself (any camera
 * change this did not make), they leave, or `stop` is called. Plain stores in, so it runs
 * without a DOM.
 */
export type Follower = {
  readonly following: ExternalStore<Following | undefined>
  follow(peer: Pick<BoardPeer, 'clientId' | 'name'>): void
  stop(): void
  destroy(): void
}

export function createFollower(input: {
  peers: ExternalStore<readonly FollowedPeer[]>
  camera: ValueStore<Camera>
  size: ExternalStore<Size>
  onEnd?: (reason: FollowEnd, following: Following) => void
}): Follower {
  const following = createValueStore<Following | undefined>(undefined)
  let dispose: (() => void) | undefined
  let placed: Camera | undefined
  let lastView: Rect | null = null

  const end = (reason: FollowEnd): void => {
    const current = following.getSnapshot()
    dispose?.()
    dispose = undefined
    placed = undefined
    lastView = null
    following.set(undefined)
    if (current !== undefined) input.onEnd?.(reason, current)
  }

  const place = (view: Rect): void => {
    const camera = cameraForView(view, input.size.getSnapshot())
    if (camera === undefined) return
    placed = camera
    if (!sameCamera(camera, input.camera.getSnapshot())) input.camera.set(camera)
  }

  const track = (clientId: number): void => {
    const peer = input.peers.getSnapshot().find((p) => p.clientId === clientId)
    if (peer === undefined) {
      end('left')
      return
    }
    const view = peer.board.view
    if (view === null || sameRect(view, lastView)) return
    lastView = view
    place(view)
  }

  return {
    following,
    follow(peer) {
      end('stopped')
      following.set({ clientId: peer.clientId, name: peer.name })
      const unsubscribers = [
        input.peers.subscribe(() => track(peer.clientId)),
        input.size.subscribe(() => {
          if (lastView !== null) place(lastView)
        }),
        input.camera.subscribe(() => {
          // Someone else moved the camera: me, panning or zooming. Following ends there.
          if (placed === undefined || !sameCamera(input.camera.getSnapshot(), placed)) end('moved')
        }),
      ]
      dispose = () => unsubscribers.forEach((unsubscribe) => unsubscribe())
      track(peer.clientId)
    },
    stop: () => end('stopped'),
    destroy() {
      dispose?.()
      dispose = undefined
      following.set(undefined)
    },
  }
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h)
  )
}
