import { FlaskConical, X } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceId } from '../../../shared/ids'
import { readStored, writeStored } from '../lib/browserStorage'

const key = (id: WorkspaceId): string => `kryss.demoBannerDismissed.${id}`

/** Says plainly that the example workspace is fictional; dismissible per workspace. */
export function DemoBanner({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t } = useTranslation()
  const [dismissed, setDismissed] = useState(() => readStored('local', key(workspaceId)) === '1')
  if (dismissed) return null
  return (
    <div className="banner banner--info" role="note" data-testid="demo-banner">
      <FlaskConical size={16} aria-hidden className="banner-icon" />
      <p>{t('workspaces.demoBanner')}</p>
      <button
        type="button"
        className="icon-button icon-button--sm banner-close"
        aria-label={t('workspaces.dismissBanner')}
        onClick={() => {
          writeStored('local', key(workspaceId), '1')
          setDismissed(true)
        }}
      >
        <X size={14} aria-hidden />
      </button>
    </div>
  )
}
