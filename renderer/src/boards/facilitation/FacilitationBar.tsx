import { Presentation } from 'lucide-react'
import { useEffect, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { IconButton } from '../../ui/IconButton'
import type { BoardRuntime } from '../boardRuntime'
import { FacilitationOverlay } from './FacilitationOverlay'
import { PeopleMenu } from './PeopleMenu'
import { PrivateModeControl } from './PrivateModeControl'
import { SessionControl } from './SessionControl'
import { TimerControl } from './TimerControl'
import { VotingControl } from './VotingControl'
import { useFacilitationKit } from './useFacilitationKit'

/**
 * Facilitation in the board's header: who facilitates, the timer, dot voting, private mode,
 * the people (follow, "bring everyone to me") and present mode. Everyone sees the state; the
 * controls that change it are the facilitator's. Notices and toasts show over the board
 * (FacilitationOverlay). Keep it mounted while presenting (hidden): it also follows the
 * facilitator's summons, rings the timer's end and shows the timer over the board then.
 */
export function FacilitationBar({ runtime }: { runtime: BoardRuntime }) {
  const { t } = useTranslation()
  const kit = useFacilitationKit(runtime)
  const state = useSyncExternalStore(kit.state.subscribe, kit.state.getSnapshot)
  const people = useSyncExternalStore(kit.people.subscribe, kit.people.getSnapshot)
  const following = useSyncExternalStore(
    kit.follower.following.subscribe,
    kit.follower.following.getSnapshot,
  )
  const viewOnly = useSyncExternalStore(runtime.viewOnly.subscribe, runtime.viewOnly.getSnapshot)
  const presenting = useSyncExternalStore(
    runtime.presenting.subscribe,
    runtime.presenting.getSnapshot,
  )

  const canWrite = !viewOnly
  const controls = canWrite && state.facilitator?.id === runtime.actor.id

  // Esc stops following (the board screen ends present mode); not when it closes a menu.
  useEffect(() => {
    if (presenting || following === undefined) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      const target = event.target instanceof Element ? event.target : null
      if (target?.closest('[role="menu"], [role="dialog"], [role="listbox"]')) return
      kit.follower.stop()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [presenting, following, kit])

  return (
    <div
      className="facilitation-bar"
      role="group"
      aria-label={t('facilitation.bar')}
      data-testid="facilitation-bar"
    >
      <SessionControl
        runtime={runtime}
        facilitator={state.facilitator}
        people={people}
        canWrite={canWrite}
      />
      <TimerControl runtime={runtime} clock={kit.timer} controls={controls} />
      <VotingControl
        runtime={runtime}
        voting={state.voting}
        controls={controls}
        canVote={canWrite}
      />
      <PrivateModeControl
        runtime={runtime}
        on={state.privateMode.on}
        controls={controls}
        hidden={kit.hidden}
      />
      <PeopleMenu
        runtime={runtime}
        people={people}
        following={following}
        follower={kit.follower}
        toasts={kit.toasts}
        canSummon={controls}
      />
      <IconButton
        size="sm"
        label={t('facilitation.present.start')}
        onClick={() => runtime.presenting.set(true)}
        data-testid="present"
      >
        <Presentation size={16} />
      </IconButton>
      <FacilitationOverlay
        runtime={runtime}
        kit={kit}
        presenting={presenting}
        privateOn={state.privateMode.on}
        controls={controls}
        following={following}
      />
    </div>
  )
}
