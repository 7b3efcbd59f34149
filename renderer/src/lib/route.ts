import {
  isWorkspaceId,
  type BoardId,
  type CompanyId,
  type NoteId,
  type WorkspaceId,
} from '../../../shared/ids'
import { isBoardId } from '../../../shared/rooms'
import { afterNextPaint } from './afterNextPaint'
import { createValueStore } from './externalStore'

/**
 * The competence map's views (renderer/src/map/): the matrix, the network, the matches, the
 * vocabulary, and one company's page (`company` set).
 */
export const MAP_VIEWS = ['matrix', 'network', 'matches', 'vocabulary', 'company'] as const
export type MapView = (typeof MAP_VIEWS)[number]
export type MapRoute = { view: MapView; company?: CompanyId }

/**
 * Where the user is, kept in the URL hash (`#w=<workspace>&n=<note>`, or `&b=<board>`, or
 * `&m=<map view>` with `&c=<company>`) so a reload — in the Electron window or a browser tab —
 * returns to the same place. The hash is never sent to the host. A board or a map view, when
 * set, is what the main area shows; the note stays selected in the list underneath.
 */
export type Route = {
  workspace: WorkspaceId | undefined
  note: NoteId | undefined
  board?: BoardId | undefined
  map?: MapRoute | undefined
  /** The search page, with what is typed in it (`&s=`; empty: the page with an empty field). */
  search?: string | undefined
  /** An item on the open board to zoom to and select (`&i=`; boards/canvas/focusItem.ts). */
  item?: string | undefined
}

const COMPANY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

function parseMap(view: string | null, company: string | null): MapRoute | undefined {
  if (view === null || !(MAP_VIEWS as readonly string[]).includes(view)) return undefined
  if (view !== 'company') return { view: view as MapView }
  return company !== null && COMPANY_ID_PATTERN.test(company)
    ? { view: 'company', company: company as CompanyId }
    : undefined
}

const NOTE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/
const ITEM_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/
const MAX_SEARCH_LENGTH = 200

export function parseRouteHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const workspace = params.get('w')
  const note = params.get('n')
  const board = params.get('b')
  const map = parseMap(params.get('m'), params.get('c'))
  const search = params.get('s')
  const item = params.get('i')
  return {
    workspace: isWorkspaceId(workspace) ? workspace : undefined,
    note: note !== null && NOTE_ID_PATTERN.test(note) ? (note as NoteId) : undefined,
    ...(isBoardId(board) ? { board } : {}),
    ...(map === undefined ? {} : { map }),
    ...(search === null ? {} : { search: search.slice(0, MAX_SEARCH_LENGTH) }),
    ...(isBoardId(board) && item !== null && ITEM_ID_PATTERN.test(item) ? { item } : {}),
  }
}

export function formatRouteHash(route: Route): string {
  const params = new URLSearchParams()
  if (route.workspace !== undefined) params.set('w', route.workspace)
  if (route.note !== undefined) params.set('n', route.note)
  if (route.board !== undefined) params.set('b', route.board)
  if (route.map !== undefined) {
    params.set('m', route.map.view)
    if (route.map.company !== undefined) params.set('c', route.map.company)
  }
  if (route.search !== undefined) params.set('s', route.search)
  if (route.board !== undefined && route.item !== undefined) params.set('i', route.item)
  const text = params.toString()
  return text.length === 0 ? '' : `#${text}`
}

function sameRoute(a: Route, b: Route): boolean {
  return (
    a.workspace === b.workspace &&
    a.note === b.note &&
    a.board === b.board &&
    a.map?.view === b.map?.view &&
    a.map?.company === b.map?.company &&
    a.search === b.search &&
    a.item === b.item
  )
}

const routeStore = createValueStore<Route>(parseRouteHash(window.location.hash))

window.addEventListener('hashchange', () => {
  const next = parseRouteHash(window.location.hash)
  if (!sameRoute(next, routeStore.getSnapshot())) routeStore.set(next)
})

/** The current route as an external store (for `useSyncExternalStore`). */
export const currentRoute = routeStore

/**
 * Goes to a route. The URL is replaced, not pushed: switching notes should not fill the
 * browser history, and the desktop window has no back button. It is written after the new
 * route has been painted (or 100 ms later in a hidden tab): `replaceState` costs about a
 * millisecond on the page's main thread, more on a busy machine, and the person who clicked
 * is waiting for the note, not for the address bar. Quick successive calls write once.
 */
export function navigate(route: Route): void {
  if (sameRoute(route, routeStore.getSnapshot())) return
  routeStore.set(route)
  scheduleUrlWrite()
}

let urlWritePending = false

function scheduleUrlWrite(): void {
  if (urlWritePending) return
  urlWritePending = true
  let written = false
  const write = (): void => {
    if (written) return
    written = true
    cancelPaint()
    clearTimeout(fallback)
    urlWritePending = false
    writeUrl(routeStore.getSnapshot())
  }
  const cancelPaint = afterNextPaint(write)
  const fallback = setTimeout(write, 100)
}

function writeUrl(route: Route): void {
  const url = `${window.location.pathname}${window.location.search}${formatRouteHash(route)}`
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return
  window.history.replaceState(window.history.state, '', url || '/')
}

/** Replaces the whole URL (path included), e.g. `/join#…` → `/#w=…`, and re-reads the route. */
export function replaceUrl(path: string, route: Route): void {
  window.history.replaceState(null, '', `${path}${formatRouteHash(route)}`)
  routeStore.set(route)
}

/** Opens a view of the competence map (or closes it: `undefined`), over the current note. */
export function openMap(map: MapRoute | undefined): void {
  const route = routeStore.getSnapshot()
  navigate({ workspace: route.workspace, note: route.note, map })
}
