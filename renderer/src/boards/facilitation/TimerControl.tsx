import * as Popover from '@radix-ui/react-popover'
import { Pause, Play, Plus, Square, Timer } from 'lucide-react'
import { useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  extendTimer,
  pauseTimer,
  resumeTimer,
  startTimer,
  stopTimer,
} from '../../../../shared/model/board/session'
import { Button } from '../../ui/Button'
import { IconButton } from '../../ui/IconButton'
import type { BoardRuntime } from '../boardRuntime'
import { chimeMuted } from './chime'
import type { TimerClock } from './timerClock'
import {
  MAX_TIMER_MINUTES,
  TIMER_PRESET_MINUTES,
  formatClock,
  parseMinutes,
  type TimerView,
} from './timerView'

/** How long the chip pulses after the timer ran out. */
const PULSE_MS = 6000

/**
 * The timer, for everyone while it is set: mm:ss counting down, a pulse and a chime at the end.
 * The facilitator starts it (presets or a minute count), pauses, adds a minute, stops. Only
 * this chip re-renders as the seconds pass.
 */
export function TimerControl({
  runtime,
  clock,
  controls,
}: {
  runtime: BoardRuntime
  clock: TimerClock
  /** I facilitate and may write. */
  controls: boolean
}) {
  const { t } = useTranslation()
  const view = useSyncExternalStore(clock.subscribe, clock.getSnapshot)
  const [open, setOpen] = useState(false)
  const [pulsing, setPulsing] = useState(false)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = clock.onRanOut(() => {
      setPulsing(true)
      clearTimeout(timer)
      timer = setTimeout(() => setPulsing(false), PULSE_MS)
    })
    return () => {
      stop()
      clearTimeout(timer)
    }
  }, [clock])

  if (view.status === 'idle' && !controls) return null

  const { doc, actor } = runtime
  const text = timerText(view)
  const label =
    view.status === 'running'
      ? t('facilitation.timer.running', { time: text })
      : view.status === 'paused'
        ? t('facilitation.timer.paused', { time: text })
        : view.status === 'done'
          ? t('facilitation.timer.done')
          : t('facilitation.timer.label')

  return (
    <div className="facilitation-group" data-testid="timer" data-status={view.status}>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <button
            type="button"
            className={[
              'facilitation-chip',
              view.status === 'idle' ? 'facilitation-chip--collapsible' : '',
              view.status === 'running' ? 'facilitation-chip--active' : '',
              view.status === 'done' ? 'facilitation-chip--done' : '',
              pulsing ? 'facilitation-chip--pulse' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            aria-label={label}
            title={label}
            data-testid="timer-button"
          >
            <Timer size={15} aria-hidden />
            {view.status === 'idle' ? (
              <span className="facilitation-chip-label">{t('facilitation.timer.label')}</span>
            ) : view.status === 'done' ? (
              t('facilitation.timer.done')
            ) : (
              <span className="facilitation-time" data-testid="timer-time">
                {text}
              </span>
            )}
            {view.status === 'paused' && (
              <span className="facilitation-chip-badge">{t('facilitation.timer.pausedBadge')}</span>
            )}
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            className="popover facilitation-popover"
            side="bottom"
            align="start"
            sideOffset={6}
            collisionPadding={8}
            data-testid="timer-popover"
          >
            {controls && (
              <TimerStart
                onStart={(minutes) => {
                  startTimer(doc, actor, { durationMs: minutes * 60_000, now: Date.now() })
                  setOpen(false)
                }}
              />
            )}
            <SoundSwitch />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {controls && view.status !== 'idle' && (
        <>
          {view.status === 'running' && (
            <IconButton
              size="sm"
              label={t('facilitation.timer.pause')}
              onClick={() => pauseTimer(doc, actor, Date.now())}
              data-testid="timer-pause"
            >
              <Pause size={15} />
            </IconButton>
          )}
          {view.status === 'paused' && (
            <IconButton
              size="sm"
              label={t('facilitation.timer.resume')}
              onClick={() => resumeTimer(doc, actor, Date.now())}
              data-testid="timer-resume"
            >
              <Play size={15} />
            </IconButton>
          )}
          <IconButton
            size="sm"
            label={t('facilitation.timer.extend')}
            onClick={() => extendTimer(doc, actor, { ms: 60_000, now: Date.now() })}
            data-testid="timer-extend"
          >
            <Plus size={15} />
          </IconButton>
          <IconButton
            size="sm"
            label={t('facilitation.timer.stop')}
            onClick={() => stopTimer(doc, actor)}
            data-testid="timer-stop"
          >
            <Square size={13} />
          </IconButton>
        </>
      )}
    </div>
  )
}

export function timerText(view: TimerView): string {
  return view.status === 'running' || view.status === 'paused' ? formatClock(view.seconds) : ''
}

function TimerStart({ onStart }: { onStart: (minutes: number) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [custom, setCustom] = useState('')
  const [invalid, setInvalid] = useState(false)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const minutes = parseMinutes(custom)
    if (minutes === undefined) {
      setInvalid(true)
      return
    }
    onStart(minutes)
  }
  return (
    <div className="facilitation-section">
      <h2 className="facilitation-heading">{t('facilitation.timer.presets')}</h2>
      <div className="facilitation-presets">
        {TIMER_PRESET_MINUTES.map((minutes) => (
          <Button
            key={minutes}
            size="sm"
            aria-label={t('facilitation.timer.startMinutes', { count: minutes })}
            onClick={() => onStart(minutes)}
            data-testid={`timer-preset-${minutes}`}
          >
            {t('facilitation.timer.minutes', { count: minutes })}
          </Button>
        ))}
      </div>
      <form className="facilitation-custom" onSubmit={submit}>
        <label className="field-label" htmlFor={id}>
          {t('facilitation.timer.custom')}
        </label>
        <div className="facilitation-custom-row">
          <input
            id={id}
            className="input facilitation-number"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t('facilitation.timer.customPlaceholder')}
            value={custom}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-error` : undefined}
            onChange={(event) => {
              setCustom(event.target.value)
              setInvalid(false)
            }}
            data-testid="timer-custom"
          />
          <Button type="submit" variant="primary" size="sm" data-testid="timer-custom-start">
            {t('facilitation.timer.start')}
          </Button>
        </div>
        {invalid && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {t('facilitation.timer.customInvalid', { max: MAX_TIMER_MINUTES })}
          </p>
        )}
      </form>
    </div>
  )
}

/** The chime's mute switch: a choice of this device, for everyone (a participant too). */
function SoundSwitch() {
  const { t } = useTranslation()
  const muted = useSyncExternalStore(chimeMuted.subscribe, chimeMuted.getSnapshot)
  const id = useId()
  return (
    <div className="facilitation-switch-row">
      <div className="facilitation-switch-text">
        <span id={id}>{t('facilitation.timer.sound')}</span>
        <span className="field-hint">{t('facilitation.timer.soundHint')}</span>
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={!muted}
        aria-labelledby={id}
        className="switch"
        onClick={() => chimeMuted.set(!muted)}
        data-testid="timer-sound"
      >
        <span className="switch-thumb" aria-hidden />
      </button>
    </div>
  )
}
