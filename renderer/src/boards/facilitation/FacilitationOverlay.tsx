import { EyeOff, LocateFixed, Timer, X } from 'lucide-react'
import { useLayoutEffect, useRef, useSyncExternalStore, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { Button } from '../../ui/Button'
import type { BoardRuntime } from '../boardRuntime'
import type { FacilitationKit } from './useFacilitationKit'
import { RevealButton } from './PrivateModeControl'
import { timerText } from './TimerControl'
import type { Following } from './follow'
import type { ToastMessage } from './toast'

/** Gap between the header and the notices, and their top when the header is hidden. */
const GAP = 8

/**
 * What shows over the board rather than in the header: the private-mode notice, "Following
 * Bo", short toasts ("Ada brought everyone here"), and while presenting — the header hidden —
 * the timer and the way out. Placed just under the bar, measured, so it never covers the
 * header whatever its height.
 */
export function FacilitationOverlay({
  runtime,
  kit,
  barRef,
  presenting,
  privateOn,
  controls,
  following,
}: {
  runtime: BoardRuntime
  kit: FacilitationKit
  barRef: RefObject<HTMLElement | null>
  presenting: boolean
  privateOn: boolean
  controls: boolean
  following: Following | undefined
}) {
  const { t } = useTranslation()
  const stackRef = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const place = (): void => {
      const bar = barRef.current?.getBoundingClientRect()
      const top = bar === undefined || bar.height === 0 ? GAP : bar.bottom + GAP
      stackRef.current?.style.setProperty('--facilitation-top', `${Math.round(top)}px`)
    }
    place()
    const observer = new ResizeObserver(place)
    if (barRef.current !== null) observer.observe(barRef.current)
    window.addEventListener('resize', place)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', place)
    }
  }, [barRef, presenting])

  return createPortal(
    <>
      <div className="facilitation-overlay" ref={stackRef} data-testid="facilitation-overlay">
        {presenting && <PresentingTimer kit={kit} />}
        {privateOn && (
          <div className="facilitation-notice" role="note" data-testid="private-notice">
            <EyeOff size={16} aria-hidden className="facilitation-notice-icon" />
            <p>
              <strong>{t('facilitation.private.notice')}</strong>{' '}
              <span>{t('facilitation.private.courtesy')}</span>
            </p>
            {controls && <RevealButton runtime={runtime} hidden={kit.hidden} />}
          </div>
        )}
        {following !== undefined && (
          <div className="facilitation-following" data-testid="following">
            <LocateFixed size={15} aria-hidden />
            <span>{t('facilitation.people.following', { name: following.name })}</span>
            <Button
              size="sm"
              variant="ghost"
              icon={<X size={14} aria-hidden />}
              onClick={() => kit.follower.stop()}
              data-testid="stop-following"
            >
              {t('facilitation.people.stopFollowing')}
            </Button>
          </div>
        )}
        <Toast kit={kit} />
      </div>
      {presenting && (
        <Button
          className="facilitation-present-exit"
          variant="secondary"
          size="sm"
          icon={<X size={15} aria-hidden />}
          onClick={() => runtime.presenting.set(false)}
          data-testid="present-exit"
        >
          {t('facilitation.present.exit')}
          <kbd className="facilitation-kbd">Esc</kbd>
        </Button>
      )}
    </>,
    document.body,
  )
}

function Toast({ kit }: { kit: FacilitationKit }) {
  const { t } = useTranslation()
  const toast = useSyncExternalStore(kit.toasts.subscribe, kit.toasts.getSnapshot)
  const text = (message: ToastMessage): string => {
    switch (message.kind) {
      case 'brought':
        return t('facilitation.people.brought', { name: message.name })
      case 'broughtAll':
        return t('facilitation.people.broughtAll')
      case 'followLeft':
        return t('facilitation.people.followLeft', { name: message.name })
      case 'timeUp':
        return t('facilitation.timer.done')
    }
  }
  // The live region stays mounted so screen readers hear each new message.
  return (
    <div className="facilitation-toast-region" role="status" aria-live="polite">
      {toast !== undefined && (
        <div
          key={toast.id}
          className={`facilitation-toast facilitation-toast--${toast.kind}`}
          data-testid="facilitation-toast"
        >
          {toast.kind === 'timeUp' && <Timer size={15} aria-hidden />}
          {text(toast)}
        </div>
      )}
    </div>
  )
}

/** The timer over the board while presenting (the header with the bar is hidden then). */
function PresentingTimer({ kit }: { kit: FacilitationKit }) {
  const { t } = useTranslation()
  const view = useSyncExternalStore(kit.timer.subscribe, kit.timer.getSnapshot)
  if (view.status === 'idle') return null
  return (
    <div
      className={`facilitation-present-timer${view.status === 'done' ? ' is-done' : ''}`}
      data-testid="present-timer"
    >
      <Timer size={18} aria-hidden />
      <span className="facilitation-time">
        {view.status === 'done' ? t('facilitation.timer.done') : timerText(view)}
      </span>
      {view.status === 'paused' && (
        <span className="facilitation-chip-badge">{t('facilitation.timer.pausedBadge')}</span>
      )}
    </div>
  )
}
