import { useEffect, useSyncExternalStore } from 'react'
import type { ItemId } from '../../../../shared/ids'
import { currentRoute, navigate } from '../../lib/route'
import type { BoardRuntime } from '../boardRuntime'
import { focusItem } from './focusItem'

/** Focuses the route's item (`&i=`) on this board, then takes it out of the route. */
export function useRouteItemFocus(runtime: BoardRuntime | undefined): void {
  const item = useSyncExternalStore(currentRoute.subscribe, () => currentRoute.getSnapshot().item)
  useEffect(() => {
    if (runtime === undefined || item === undefined) return
    return focusItem(runtime, item as ItemId, () => {
      const route = currentRoute.getSnapshot()
      if (route.item === item) navigate({ ...route, item: undefined })
    })
  }, [runtime, item])
}
