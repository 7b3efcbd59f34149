import { useTranslation } from 'react-i18next'

/** The Kryss mark: two strokes crossing, as the cluster's industries do. */
export function Brand({ compact }: { compact?: boolean }) {
  const { t } = useTranslation()
  return (
    <span className={compact === true ? 'brand brand--compact' : 'brand'}>
      <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden>
        <rect width="24" height="24" rx="6" />
        <path d="M7 7l10 10M17 7L7 17" />
      </svg>
      <span className="brand-name">{t('app.name')}</span>
    </span>
  )
}
