import type { BoardRuntime } from '../boardRuntime'

/** Facilitation: session, timer, voting, private mode, follow and "bring everyone to me". */
export function FacilitationBar(_props: { runtime: BoardRuntime }) {
  // Being built (facilitation work); nothing is shown until it is.
  return null
}
