import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { NoteVersion, NoteVersionId } from '../../../../shared/model/history'
import { formatDateTime, formatRelativeTime } from '../../lib/format'

/**
 * The versions of a note, newest first: when (relative, the exact time on hover), who edited
 * since the version before, and its name or kind. This list is the answer to "who changed
 * this note, and when".
 */
export function VersionList({
  versions,
  selected,
  onSelect,
  now,
}: {
  versions: readonly NoteVersion[]
  selected: NoteVersionId | undefined
  onSelect: (id: NoteVersionId) => void
  now: number
}) {
  const { t, i18n } = useTranslation()
  if (versions.length === 0) return <p className="history-empty">{t('history.empty')}</p>
  const byId = new Map(versions.map((version) => [version.id, version]))
  return (
    <ol className="history-list" aria-label={t('history.listLabel')} data-testid="history-list">
      {versions.map((version) => {
        const source =
          version.restoredFrom === undefined ? undefined : byId.get(version.restoredFrom)
        const sourceTime =
          source === undefined ? undefined : formatDateTime(source.at, i18n.language)
        const kind = kindLabel(version, sourceTime, t)
        return (
          <li key={version.id}>
            <button
              type="button"
              className="history-item"
              aria-pressed={version.id === selected}
              onClick={() => onSelect(version.id)}
              data-testid="history-item"
              data-kind={version.kind}
            >
              <span className="history-item-line">
                <time
                  className="history-item-time"
                  dateTime={new Date(version.at).toISOString()}
                  title={formatDateTime(version.at, i18n.language)}
                >
                  {formatRelativeTime(version.at, now, i18n.language, t('notes.justNow'))}
                </time>
                {version.label !== undefined && (
                  <span className="history-item-label">{version.label}</span>
                )}
              </span>
              <span className="history-item-who">
                {version.by.length > 0 ? version.by.join(', ') : t('history.unknownAuthor')}
              </span>
              {kind !== undefined && <span className="history-item-kind">{kind}</span>}
            </button>
          </li>
        )
      })}
    </ol>
  )
}

function kindLabel(
  version: NoteVersion,
  sourceTime: string | undefined,
  t: TFunction,
): string | undefined {
  switch (version.kind) {
    case 'auto':
      return undefined
    case 'manual':
      return t('history.kind.manual')
    case 'before-restore':
      return t('history.kind.beforeRestore')
    case 'restored':
      return sourceTime === undefined
        ? t('history.kind.restored')
        : t('history.kind.restoredFrom', { time: sourceTime })
  }
}
