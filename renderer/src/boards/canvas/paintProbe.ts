import type { BoardPeer } from '../state/boardPresence'
import type { Camera } from '../state/camera'

/**
 * Figures of the board's painting, kept on `window.kryssBoardProbe` for the benchmark
 * (bench/boardsBrowser.ts) and end-to-end tests: how many paints, how long the last one took,
 * how many items it drew out of how many the scene holds (and how many images as pictures), and when a paint first showed
 * another person's drag at its latest offset (wall-clock milliseconds, comparable across
 * tabs). Writing a few numbers per frame costs nothing measurable.
 */
export type BoardPaintProbe = {
  paints: number
  lastPaintMs: number
  drawn: number
  items: number
  /** Images the last paint drew as their picture (not as a placeholder). */
  pictures: number
  /** Others' drags as last painted (`clientId:dx,dy|…`). */
  peerDrag: string
  /** `performance.timeOrigin + performance.now()` of the paint that first showed `peerDrag`. */
  peerDragAt: number
  /** The camera of the last paint (to find an item on screen). */
  camera: Camera
  /**
   * `performance.now()` when a paint first drew `items` items (the first paint that held a
   * whole board, however long the frames after it take).
   */
  firstFullAt: number
  /** The item count `firstFullAt` is for. */
  firstFullItems: number
}

declare global {
  interface Window {
    kryssBoardProbe?: BoardPaintProbe
  }
}

function dragKey(peers: readonly BoardPeer[]): string {
  let key = ''
  for (const peer of peers) {
    const drag = peer.board.drag
    if (drag !== null) key += `${peer.clientId}:${drag.dx},${drag.dy}|`
  }
  return key
}

export function recordPaint(input: {
  startedAt: number
  drawn: number
  items: number
  pictures: number
  peers: readonly BoardPeer[]
  camera: Camera
}): void {
  const now = performance.now()
  const probe = (window.kryssBoardProbe ??= {
    paints: 0,
    lastPaintMs: 0,
    drawn: 0,
    items: 0,
    pictures: 0,
    peerDrag: '',
    peerDragAt: 0,
    camera: input.camera,
    firstFullAt: 0,
    firstFullItems: 0,
  })
  probe.paints++
  probe.lastPaintMs = now - input.startedAt
  probe.drawn = input.drawn
  probe.items = input.items
  probe.pictures = input.pictures
  probe.camera = input.camera
  if (input.drawn > 0 && input.items !== probe.firstFullItems) {
    probe.firstFullItems = input.items
    probe.firstFullAt = now
  }
  const key = dragKey(input.peers)
  if (key !== probe.peerDrag) {
    probe.peerDrag = key
    probe.peerDragAt = performance.timeOrigin + now
  }
}
