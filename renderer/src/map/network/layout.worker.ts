import { layoutNetwork, type Positions } from './forceLayout'
import type { LayoutInput } from './networkGraph'

/**
 * The network view's layout, off the UI thread: receives a graph (and the positions of the
 * layout before, if any), answers with positions and how long it took.
 */
export type LayoutRequest = { id: number; input: LayoutInput; previous: Positions }
export type LayoutResponse = { id: number; positions: Positions; ms: number }

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null
  postMessage: (message: LayoutResponse) => void
}

scope.onmessage = (event) => {
  const { id, input, previous } = event.data
  const start = performance.now()
  const positions = layoutNetwork(input, previous)
  scope.postMessage({ id, positions, ms: performance.now() - start })
}
