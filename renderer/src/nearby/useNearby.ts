import { useEffect, useState } from 'react'
import type { NearbyHost } from '../../../shared/discovery'
import type { SharingControls } from '../connection/hostSession'

/** How often the sidebar asks the host what it found. */
export const NEARBY_POLL_MS = 4000

export type NearbyState = { hostingOn: boolean; hosts: readonly NearbyHost[] }

/**
 * Polls `/api/nearby` and the hosting switch while mounted, so the section appears when
 * hosting is turned on elsewhere (the Invite dialog) and hosts come and go. Failed polls keep
 * the last answer: a host that is briefly busy should not make the list flicker.
 */
export function useNearby(sharing: SharingControls): NearbyState & { refresh: () => void } {
  const [state, setState] = useState<NearbyState>({ hostingOn: false, hosts: [] })
  const [round, setRound] = useState(0)

  useEffect(() => {
    let cancelled = false
    const poll = (): void => {
      Promise.all([sharing.getHosting(), sharing.getNearby()])
        .then(([hosting, hosts]) => {
          if (!cancelled) setState({ hostingOn: hosting.on, hosts })
        })
        .catch(() => {})
    }
    poll()
    const timer = setInterval(poll, NEARBY_POLL_MS)
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [sharing, round])

  return { ...state, refresh: () => setRound((n) => n + 1) }
}
