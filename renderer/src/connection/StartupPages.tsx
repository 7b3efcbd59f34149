import { CircleAlert, Link2, PlugZap } from 'lucide-react'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { InviteError } from '../../../shared/invite'
import { Brand } from '../ui/Brand'
import { Button } from '../ui/Button'
import { browserEnvironment, joinByPastedInvite } from './bootstrap'

function Page({ children }: { children: ReactNode }) {
  return (
    <main className="start-page">
      <div className="start-card">
        <Brand />
        {children}
      </div>
    </main>
  )
}

/** A browser that has not joined anything yet: how to get in. */
export function WelcomePage({
  onJoined,
  initialError,
}: {
  onJoined: () => void
  initialError?: InviteError
}) {
  const { t } = useTranslation()
  const inputId = useId()
  const errorId = useId()
  const [link, setLink] = useState('')
  const [error, setError] = useState<InviteError | undefined>(initialError)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = joinByPastedInvite(link, browserEnvironment(), (url) =>
      window.location.assign(url),
    )
    if (!result.ok) setError(result.error)
    else if (result.sameHost) onJoined()
  }

  return (
    <Page>
      {initialError === undefined ? (
        <>
          <h1 className="start-title">{t('connection.welcomeTitle')}</h1>
          <p className="start-lead">{t('connection.welcomeBody')}</p>
        </>
      ) : (
        <h1 className="start-title">{t('connection.inviteErrorTitle')}</h1>
      )}
      <form className="start-form" onSubmit={submit} noValidate>
        <label className="field-label" htmlFor={inputId}>
          {t('connection.pasteLabel')}
        </label>
        <div className="start-input-row">
          <span className="start-input-icon" aria-hidden>
            <Link2 size={16} />
          </span>
          <input
            id={inputId}
            className="input"
            value={link}
            onChange={(event) => {
              setLink(event.target.value)
              setError(undefined)
            }}
            placeholder={t('connection.pastePlaceholder')}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error !== undefined || undefined}
            aria-describedby={error !== undefined ? errorId : undefined}
            data-testid="invite-input"
          />
          <Button type="submit" variant="primary" disabled={link.trim() === ''}>
            {t('connection.join')}
          </Button>
        </div>
        {error !== undefined && (
          <p id={errorId} className="start-error" role="alert" data-testid="invite-error">
            <CircleAlert size={16} aria-hidden />
            {t(`connection.inviteError.${error}`)}
          </p>
        )}
      </form>
      <p className="start-hint">{t('connection.welcomeHint')}</p>
    </Page>
  )
}

/** The host could not be reached, or the owner link expired. */
export function UnreachablePage({
  reason,
  detail,
  onRetry,
}: {
  reason: 'host' | 'owner-link-expired'
  detail: string
  onRetry: () => void
}) {
  const { t } = useTranslation()
  return (
    <Page>
      <h1 className="start-title">
        <PlugZap size={20} aria-hidden /> {t('connection.hostUnreachableTitle')}
      </h1>
      <p className="start-lead">
        {reason === 'host' ? t('connection.hostUnreachableBody') : t('connection.ownerLinkExpired')}
      </p>
      {detail !== '' && <pre className="start-detail">{detail}</pre>}
      {reason === 'host' && (
        <Button variant="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Page>
  )
}
