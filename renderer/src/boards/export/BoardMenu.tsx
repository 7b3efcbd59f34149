import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import type { BoardRuntime } from '../boardRuntime'

/** The board's "…" menu: exports (PNG, SVG, JSON Canvas), import, summary as a note. */
export function BoardMenu(_props: {
  runtime: BoardRuntime
  connection: WorkspaceConnection
  authorName: string
}) {
  // Being built (export work); nothing is shown until it is.
  return null
}
