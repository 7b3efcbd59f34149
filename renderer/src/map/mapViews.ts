import { BookA, Grid3x3, Handshake, Network, type LucideIcon } from 'lucide-react'
import type { ComponentType } from 'react'
import { preloadable } from '../lib/preloadable'
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
  /** The view: its code loads when it is first opened… */
  View: ComponentType<MapViewProps>
  /** …or ahead of that, when the map's sidebar shows (lib/preloadable.tsx). */
  preload: () => Promise<unknown>
}

type Loaded = { default: ComponentType<MapViewProps> }

function mapView(
  id: MapViewEntry['id'],
  icon: LucideIcon,
  load: () => Promise<Loaded>,
): MapViewEntry {
  const { Component, preload } = preloadable(load)
  return { id, icon, View: Component, preload }
}

/**
 * The views of the competence map, in the order the sidebar lists them. A view is listed
 * here once it is built; the sidebar and the map screen show only what is listed.
 */
export const MAP_VIEW_ENTRIES: readonly MapViewEntry[] = [
  mapView('matrix', Grid3x3, () =>
    import('./matrix/MatrixView').then((m) => ({ default: m.MatrixView })),
  ),
  mapView('network', Network, () =>
    import('./network/NetworkView').then((m) => ({ default: m.NetworkView })),
  ),
  mapView('matches', Handshake, () =>
    import('./matches/MatchesView').then((m) => ({ default: m.MatchesView })),
  ),
  mapView('vocabulary', BookA, () => import('./vocabulary/VocabularyView')),
]
