import { ChevronDown, Eye, EyeOff } from 'lucide-react'
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { startPrivateMode } from '../../../../shared/model/board/session'
import { endPrivateMode, revealItems } from '../../../../shared/model/board/visibility'
import type { ExternalStore } from '../../lib/externalStore'
import { Button } from '../../ui/Button'
import { Menu, MenuItem } from '../../ui/Menu'
import type { BoardRuntime } from '../boardRuntime'

/**
 * Private mode in the bar: the facilitator's switch and reveal; for the others a badge (the
 * notice over the board says what it means, FacilitationOverlay).
 */
export function PrivateModeControl({
  runtime,
  on,
  controls,
  hidden,
}: {
  runtime: BoardRuntime
  on: boolean
  /** I facilitate and may write. */
  controls: boolean
  hidden: ExternalStore<number>
}) {
  const { t } = useTranslation()
  const { doc, actor } = runtime
  if (!controls) {
    if (!on) return null
    return (
      <span
        className="facilitation-chip facilitation-chip--static facilitation-chip--private"
        data-testid="private-mode"
      >
        <EyeOff size={15} aria-hidden />
        {t('facilitation.private.label')}
      </span>
    )
  }
  return (
    <Menu
      align="start"
      trigger={
        <button
          type="button"
          className={`facilitation-chip facilitation-chip--collapsible${on ? ' facilitation-chip--private' : ''}`}
          title={t('facilitation.private.label')}
          aria-label={on ? t('facilitation.private.on') : t('facilitation.private.label')}
          data-testid="private-mode"
          data-on={on}
        >
          <EyeOff size={15} aria-hidden />
          <span className="facilitation-chip-label">{t('facilitation.private.label')}</span>
          <ChevronDown size={14} aria-hidden className="facilitation-chip-caret" />
        </button>
      }
    >
      {on ? (
        <>
          <RevealItem hidden={hidden} onReveal={() => revealItems(doc, actor)} />
          <MenuItem
            icon={<Eye size={16} aria-hidden />}
            onSelect={() => endPrivateMode(doc, actor)}
          >
            {t('facilitation.private.turnOff')}
          </MenuItem>
        </>
      ) : (
        <>
          <p className="facilitation-menu-note">{t('facilitation.private.turnOnHint')}</p>
          <MenuItem
            icon={<EyeOff size={16} aria-hidden />}
            onSelect={() => startPrivateMode(doc, actor, { now: Date.now() })}
          >
            {t('facilitation.private.turnOn')}
          </MenuItem>
        </>
      )}
    </Menu>
  )
}

/** "Reveal all (3 hidden)" as a menu item; counts only while the menu is open. */
function RevealItem({ hidden, onReveal }: { hidden: ExternalStore<number>; onReveal: () => void }) {
  const { t } = useTranslation()
  const count = useSyncExternalStore(hidden.subscribe, hidden.getSnapshot)
  if (count === 0)
    return <p className="facilitation-menu-note">{t('facilitation.private.nothingHidden')}</p>
  return (
    <MenuItem icon={<Eye size={16} aria-hidden />} onSelect={onReveal}>
      {t('facilitation.private.reveal', { count })}
    </MenuItem>
  )
}

/** The notice's reveal button for the facilitator (counts while private mode is on). */
export function RevealButton({
  runtime,
  hidden,
}: {
  runtime: BoardRuntime
  hidden: ExternalStore<number>
}) {
  const { t } = useTranslation()
  const count = useSyncExternalStore(hidden.subscribe, hidden.getSnapshot)
  return (
    <Button
      size="sm"
      variant="primary"
      disabled={count === 0}
      onClick={() => revealItems(runtime.doc, runtime.actor)}
      data-testid="private-reveal"
    >
      {count === 0
        ? t('facilitation.private.nothingHidden')
        : t('facilitation.private.reveal', { count })}
    </Button>
  )
}
