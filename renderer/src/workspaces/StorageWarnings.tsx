import { TriangleAlert } from 'lucide-react'
import { useTranslation } from 'react-i18next'

/** Storage problems the host reported for this workspace, in its own plain words. */
export function StorageWarnings({ warnings }: { warnings: readonly string[] }) {
  const { t } = useTranslation()
  if (warnings.length === 0) return null
  return (
    <div className="banner banner--warning" role="status">
      <TriangleAlert size={16} aria-hidden className="banner-icon" />
      <div>
        <p>{t('workspaces.storageWarnings')}</p>
        <ul>
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      </div>
    </div>
  )
}
