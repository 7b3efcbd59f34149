import { useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { arraysEqual, createObservedStore } from '../lib/externalStore'
import { listParticipants, sameParticipant, type Participant } from './presenceState'

/** Everyone present in the workspace (me last), from awareness. */
export function usePresence(awareness: Awareness): readonly Participant[] {
  const store = useMemo(
    () =>
      createObservedStore(
        (onChange) => {
          awareness.on('change', onChange)
          return () => awareness.off('change', onChange)
        },
        () => listParticipants(awareness),
        (a, b) => arraysEqual(a, b, sameParticipant),
      ),
    [awareness],
  )
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
