import { EyeOff, LocateFixed, Timer, X } from 'lucide-react'
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'
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
 * the timer. Placed under the header that holds the bar and centred over the board screen,
 * both measured, so it never covers the header whatever its height.
 */
export function FacilitationOverlay({
  runtime,
  kit,
  presenting,
  privateOn,
  controls,
  following,
}: {
  runtime: BoardRuntime
  kit: FacilitationKit
  presenting: boolean
  privateOn: boolean
  controls: boolean
  following: Following | undefined
}) {
  const { t } = useTranslation()
  // An anchor inside the bar (the stack itself is portalled to the body).
  const anchorRef = useRef<HTMLSpanElement>(null)
  const stackRef = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const bar = anchorRef.current?.parentElement ?? null
    const header = bar?.closest('header') ?? bar
    const screen = bar?.closest('section') ?? null
    const place = (): void => {
      const stack = stackRef.current
      if (stack === null) return
      const below = header?.getBoundingClientRect()
      const top = below === undefined || below.height === 0 ? GAP : below.bottom + GAP
      const area = screen?.getBoundingClientRect()
      const centre =
        area === undefined || area.width === 0 ? window.innerWidth / 2 : area.left + area.width / 2
      stack.style.setProperty('--facilitation-top', `${Math.round(top)}px`)
      stack.style.setProperty('--facilitation-centre', `${Math.round(centre)}px`)
    }
    place()
    const observer = new ResizeObserver(place)
    for (const element of [header, screen]) if (element != null) observer.observe(element)
    window.addEventListener('resize', place)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', place)
    }
  }, [presenting])

  const stack = (
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
  )
  return (
    <>
      <span ref={anchorRef} hidden />
      {createPortal(stack, document.body)}
    </>
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
