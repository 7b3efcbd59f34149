import { Lock } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Tooltip } from '../ui/Tooltip'

/** Top-bar badge of the private notebook, in place of Invite and the peers panel. */
export function PrivateBadge() {
  const { t } = useTranslation()
  return (
    <Tooltip content={t('notebook.onlyHereHint')}>
      <span className="private-badge" tabIndex={0} data-testid="private-badge">
        <Lock size={13} aria-hidden />
        {t('notebook.onlyHere')}
      </span>
    </Tooltip>
  )
}
