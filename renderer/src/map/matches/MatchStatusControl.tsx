import { useTranslation } from 'react-i18next'
import {
  isMatchStatus,
  MATCH_STATUSES,
  setMatchStatus,
  type MatchMark,
  type MatchRef,
} from '../../../../shared/model/competence/matchStatus'
import { useNow } from '../../lib/clock'
import { formatDateTime, formatRelativeTime } from '../../lib/format'
import type { MapViewProps } from '../mapViews'

/**
 * Where a match stands: a select (not followed up / contacted / project started / not
 * relevant) that writes the mark for everyone, and who set it and when. A view-only guest
 * sees the words without the select.
 */
export function MatchStatusControl({
  connection,
  readOnly,
  authorName,
  match,
  mark,
  label,
}: MapViewProps & {
  match: MatchRef
  mark: MatchMark | undefined
  /** Names the select: which match it is. */
  label: string
}) {
  const { t } = useTranslation()
  const status = mark?.status ?? 'none'
  return (
    <div className="match-status">
      {readOnly ? (
        <span className={`match-status-text match-status--${status}`}>
          {t(`mapMatches.status.${status}`)}
        </span>
      ) : (
        <select
          className={`select match-status-select match-status--${status}`}
          aria-label={label}
          value={status}
          onChange={(event) => {
            const value = event.target.value
            setMatchStatus(connection.doc, {
              ...match,
              status: isMatchStatus(value) ? value : undefined,
              author: { name: authorName },
              now: Date.now(),
            })
          }}
          data-testid="match-status"
        >
          <option value="none">{t('mapMatches.status.none')}</option>
          {MATCH_STATUSES.map((option) => (
            <option key={option} value={option}>
              {t(`mapMatches.status.${option}`)}
            </option>
          ))}
        </select>
      )}
      {mark !== undefined && <MarkInfo mark={mark} />}
    </div>
  )
}

/** "Contacted by Ada 5 minutes ago", the full date on hover. */
export function MarkInfo({ mark }: { mark: MatchMark }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  return (
    <span
      className="match-mark-info"
      title={formatDateTime(mark.at, i18n.language)}
      data-testid="match-mark-info"
    >
      {t('mapMatches.markedBy', {
        status: t(`mapMatches.status.${mark.status}`),
        by: mark.by,
        when: formatRelativeTime(mark.at, now, i18n.language, t('notes.justNow')),
      })}
    </span>
  )
}
