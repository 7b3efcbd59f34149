import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceId } from '../../../shared/ids'
import type { SharingControls } from '../connection/hostSession'
import { SwitchRow } from '../ui/SwitchRow'

type ViewOnlyInvite = { link: string | undefined; error: string | undefined }

/**
 * The view-only invite while `on`: asked of the host again whenever the ordinary invite
 * changes (hosting switched, link rotated), since both carry the same addresses.
 */
export function useViewOnlyInvite(
  sharing: SharingControls,
  workspaceId: WorkspaceId,
  on: boolean,
  invite: string | undefined,
): ViewOnlyInvite {
  const [state, setState] = useState<ViewOnlyInvite & { for: string | undefined }>({
    link: undefined,
    error: undefined,
    for: undefined,
  })
  useEffect(() => {
    if (!on) return
    let live = true
    sharing.getInvite(workspaceId, true).then(
      (link) => live && setState({ link, error: undefined, for: invite }),
      (error: unknown) =>
        live &&
        setState({
          link: undefined,
          error: error instanceof Error ? error.message : String(error),
          for: invite,
        }),
    )
    return () => {
      live = false
    }
  }, [sharing, workspaceId, on, invite])
  // A link fetched for an older invite may name old addresses or a rotated token.
  return on && state.for === invite ? state : { link: undefined, error: undefined }
}

/** "View only": invite people who may read and follow along but not edit. */
export function ViewOnlySwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation()
  return (
    <SwitchRow
      label={t('peers.viewOnly')}
      hint={t('peers.viewOnlyHint')}
      on={on}
      onToggle={() => onChange(!on)}
      testId="view-only-switch"
    />
  )
}
