import { BookA, Grid3x3, type LucideIcon } from 'lucide-react'
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import { Network } from 'lucide-react'
import { Handshake } from 'lucide-react'
import type { MapView } from '../lib/route'
import type { WorkspaceConnection } from '../sync/workspaceConnection'

/** What every view of the competence map is given. */
export type MapViewProps = {
  connection: WorkspaceConnection
  /** A view-only guest: nothing may be changed. */
  readOnly: boolean
  /** My name, for "edited by" on cells and marks. */
  authorName: string
}

export type MapViewEntry = {
  id: Exclude<MapView, 'company'>
  icon: LucideIcon
  /** The view, made with `lazy()`: its code loads when it is first opened. */
  View: LazyExoticComponent<ComponentType<MapViewProps>>
}

/**
 * The views of the competence map, in the order the sidebar lists them. A view is listed
 * here once it is built; the sidebar and the map screen show only what is listed.
 */
export const MAP_VIEW_ENTRIES: readonly MapViewEntry[] = [
  {
    id: 'matrix',
    icon: Grid3x3,
    View: lazy(() => import('./matrix/MatrixView').then((m) => ({ default: m.MatrixView }))),
  },
  {
    id: 'network',
    icon: Network,
    View: lazy(() => import('./network/NetworkView').then((m) => ({ default: m.NetworkView }))),
  },
  {
    id: 'matches',
    icon: Handshake,
    View: lazy(() => import('./matches/MatchesView').then((m) => ({ default: m.MatchesView }))),
  },
  { id: 'vocabulary', icon: BookA, View: lazy(() => import('./vocabulary/VocabularyView')) },
]
