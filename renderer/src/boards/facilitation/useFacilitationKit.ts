import { useEffect, useMemo } from 'react'
import { readFacilitator } from '../../../../shared/model/board/session'
import type { ExternalStore } from '../../lib/externalStore'
import type { BoardRuntime } from '../boardRuntime'
import { playChime } from './chime'
import {
  facilitationStateStore,
  peopleStore,
  watchVotingTool,
  type FacilitationState,
  type Person,
} from './facilitationState'
import { cameraForView, createFollower, type Follower } from './follow'
import { hiddenCountStore } from './hiddenCount'
import { watchSummons } from './summons'
import { createTimerClock, type TimerClock } from './timerClock'
import { createToasts, type Toasts } from './toast'

/** The stores the bar's parts read, made once per board. */
export type FacilitationKit = {
  state: ExternalStore<FacilitationState>
  people: ExternalStore<readonly Person[]>
  timer: TimerClock
  hidden: ExternalStore<number>
  follower: Follower
  toasts: Toasts
}

/**
 * Makes the kit for a board and runs what works without anyone looking: following summons of
 * the facilitator, the vote tool during a round, the chime when the timer runs out.
 */
export function useFacilitationKit(runtime: BoardRuntime): FacilitationKit {
  const kit = useMemo<FacilitationKit>(() => {
    const toasts = createToasts()
    return {
      state: facilitationStateStore(runtime.doc, runtime.actor),
      people: peopleStore(runtime.peers),
      timer: createTimerClock(runtime.doc),
      hidden: hiddenCountStore(runtime.doc),
      follower: createFollower({
        peers: runtime.peers,
        camera: runtime.camera,
        size: runtime.size,
        onEnd: (reason, following) => {
          if (reason === 'left') toasts.show({ kind: 'followLeft', name: following.name })
        },
      }),
      toasts,
    }
  }, [runtime])

  useEffect(() => {
    const stops = [
      watchSummons({
        peers: runtime.peers,
        facilitatorId: () => readFacilitator(runtime.doc)?.id,
        onSummon: (summon) => {
          const camera = cameraForView(summon.view, runtime.size.getSnapshot())
          if (camera !== undefined) runtime.camera.set(camera)
          kit.toasts.show({ kind: 'brought', name: summon.from })
        },
      }),
      watchVotingTool({
        doc: runtime.doc,
        interaction: runtime.interaction,
        canVote: () => runtime.canEdit(),
      }),
      kit.timer.onRanOut(() => {
        playChime()
        kit.toasts.show({ kind: 'timeUp' })
      }),
    ]
    return () => {
      for (const stop of stops) stop()
      kit.follower.destroy()
      kit.toasts.destroy()
    }
  }, [kit, runtime])

  return kit
}
