import type { BoardRuntime } from '../boardRuntime'

/** The board's tool bar (select, hand, sticky, text, frame, connector) and undo/redo. */
export function BoardToolbar(_props: { runtime: BoardRuntime }) {
  // Being built (tools work); nothing is shown until it is.
  return null
}
