import { useTranslation } from 'react-i18next'
import { Avatar } from '../ui/Avatar'
import { Tooltip } from '../ui/Tooltip'
import type { Participant } from './presenceState'

const MAX_SHOWN = 5

/** Who is in the workspace, each in their own colour; the tooltip names them and their company. */
export function PresenceAvatars({ participants }: { participants: readonly Participant[] }) {
  const { t } = useTranslation()
  const shown = participants.slice(0, MAX_SHOWN)
  const hidden = participants.slice(MAX_SHOWN)
  return (
    <ul className="presence" data-testid="presence" aria-label={t('presence.label')}>
      {shown.map((participant) => {
        const name = participant.isSelf
          ? t('presence.you', { name: participant.name })
          : participant.name
        const description = participant.company ? `${name} · ${participant.company}` : name
        return (
          <li key={participant.clientId}>
            <Tooltip content={description}>
              <span
                className="presence-user"
                data-testid="presence-user"
                data-self={participant.isSelf || undefined}
                tabIndex={0}
                aria-label={description}
              >
                <Avatar name={participant.name} color={participant.color} size="sm" ring />
              </span>
            </Tooltip>
          </li>
        )
      })}
      {hidden.length > 0 && (
        <li>
          <Tooltip content={hidden.map((participant) => participant.name).join(', ')}>
            <span className="presence-more" tabIndex={0}>
              {t('presence.more', { count: hidden.length })}
            </span>
          </Tooltip>
        </li>
      )}
    </ul>
  )
}
