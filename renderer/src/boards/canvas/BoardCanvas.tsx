import type { BoardRuntime } from '../boardRuntime'

/** The board's canvas: drawing, pointer and keyboard input, in-place text editing. */
export function BoardCanvas(_props: { runtime: BoardRuntime }) {
  // Being built (canvas work); nothing is shown until it is.
  return null
}
