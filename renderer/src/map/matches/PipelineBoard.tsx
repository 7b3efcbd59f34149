import { useTranslation } from 'react-i18next'
import { NEED_LEVELS, OFFER_LEVELS } from '../../../../shared/model/competence/cells'
import type { MatchStatus } from '../../../../shared/model/competence/matchStatus'
import type { CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import type { Pipeline, PipelineEntry } from '../../../../shared/model/competence/pipeline'
import { CompanyBadge } from '../MapNav'
import type { MapViewProps } from '../mapViews'
import { MatchStatusControl } from './MatchStatusControl'
import type { Language } from './NeedList'

/**
 * The follow-up pipeline: a column per status (contacted, project started, not relevant),
 * most recently marked first; each card can be moved on with its status select.
 */
export function PipelineBoard({
  pipeline,
  columns,
  index,
  language,
  ...props
}: MapViewProps & {
  pipeline: Pipeline
  columns: readonly MatchStatus[]
  index: CompetenceIndex
  language: Language
}) {
  const { t } = useTranslation()
  return (
    <div className="match-pipeline" data-testid="match-pipeline">
      {columns.map((status) => (
        <section
          key={status}
          className={`match-column match-column--${status}`}
          aria-labelledby={`match-column-${status}`}
          data-testid="pipeline-column"
          data-status={status}
        >
          <h3 id={`match-column-${status}`}>
            {t(`mapMatches.status.${status}`)}
            <span className="sidebar-count">{pipeline[status].length}</span>
          </h3>
          {pipeline[status].length === 0 ? (
            <p className="match-empty-note">{t('mapMatches.pipeline.empty')}</p>
          ) : (
            <ul>
              {pipeline[status].map((entry) => (
                <PipelineCard
                  key={entry.key}
                  entry={entry}
                  index={index}
                  language={language}
                  {...props}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}

function PipelineCard({
  entry,
  index,
  language,
  ...props
}: MapViewProps & { entry: PipelineEntry; index: CompetenceIndex; language: Language }) {
  const { t } = useTranslation()
  const need = index.companyById.get(entry.needCompanyId)
  const offer = index.companyById.get(entry.offerCompanyId)
  const competence = index.competenceById.get(entry.competenceId)
  if (need === undefined || offer === undefined) return null
  const level = (side: 'offer' | 'need', value: number): string =>
    value === 0
      ? t('mapMatches.pipeline.levelGone')
      : side === 'offer'
        ? t(`map.levels.offer.${OFFER_LEVELS[value as 1 | 2 | 3]}`)
        : t(`map.levels.need.${NEED_LEVELS[value as 1 | 2 | 3]}`)
  return (
    <li className="match-card" data-testid="pipeline-card" data-match-key={entry.key}>
      <p className="match-card-competence">{competence?.labels[language] ?? entry.competenceId}</p>
      <p className="match-card-companies">
        <CompanyBadge company={need} size={20} />
        <span>
          {need.name} · {t('mapMatches.needLevel', { level: level('need', entry.needLevel) })}
        </span>
      </p>
      <p className="match-card-companies">
        <CompanyBadge company={offer} size={20} />
        <span>
          {offer.name} · {t('mapMatches.offerLevel', { level: level('offer', entry.offerLevel) })}
        </span>
      </p>
      <MatchStatusControl
        {...props}
        match={entry}
        mark={entry.mark}
        label={t('mapMatches.statusLabel', { offer: offer.name, need: need.name })}
      />
    </li>
  )
}
