import { CloudCheck, CloudOff, HardDrive, LoaderCircle, ShieldAlert, Users } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Tooltip } from '../ui/Tooltip'
import type { SyncState, SyncStatusStore } from './syncStatus'
import { useSyncStatus } from './useSyncStatus'

/**
 * A brief "Saving…" on every keystroke, or "Offline" during a reconnect that takes a moment,
 * would flicker; the chip shows those two only once they have lasted a little. `data-state`
 * always tells the truth at once (tests read it).
 */
const DELAY_MS: Partial<Record<SyncState, number>> = { saving: 600, offline: 1500 }

function useShownState(state: SyncState): SyncState {
  // While the first connection opens, "Saving…" is calmer than "Offline".
  const [shown, setShown] = useState<SyncState>(state === 'offline' ? 'saving' : state)
  useEffect(() => {
    const timer = setTimeout(() => setShown(state), DELAY_MS[state] ?? 0)
    return () => clearTimeout(timer)
  }, [state])
  return shown
}

export function SyncStatusChip({ store }: { store: SyncStatusStore }) {
  const { t } = useTranslation()
  const status = useSyncStatus(store)
  const shown = useShownState(status.state)

  let label: string
  let icon
  switch (shown) {
    case 'offline':
      label = t('sync.offline')
      icon = <CloudOff size={14} aria-hidden />
      break
    case 'saving':
      label = t('sync.saving')
      icon = <LoaderCircle size={14} aria-hidden className="spin" />
      break
    case 'saved':
      label = status.savedWhere === 'computer' ? t('sync.savedComputer') : t('sync.savedHost')
      icon =
        status.savedWhere === 'computer' ? (
          <HardDrive size={14} aria-hidden />
        ) : (
          <CloudCheck size={14} aria-hidden />
        )
      break
    case 'connected':
      label = t('sync.connected', { count: status.people })
      icon = <Users size={14} aria-hidden />
      break
    case 'refused':
      label = t('sync.refused')
      icon = <ShieldAlert size={14} aria-hidden />
      break
  }

  const chip = (
    <div
      className={`sync-chip sync-chip--${shown}`}
      data-testid="sync-status"
      data-state={status.state}
      role="status"
      aria-live="polite"
      tabIndex={shown === 'refused' ? 0 : undefined}
    >
      {icon}
      <span className="sync-chip-label">{label}</span>
    </div>
  )
  return shown === 'refused' ? <Tooltip content={t('sync.refusedHint')}>{chip}</Tooltip> : chip
}
