import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { findMatches } from '../../../../shared/model/competence/matching'
import { matchPipeline } from '../../../../shared/model/competence/pipeline'
import { formatCount } from '../../lib/format'
import { Button } from '../../ui/Button'
import { useCompetenceIndex } from '../competenceStore'
import type { MapViewProps } from '../mapViews'
import {
  EMPTY_MATCH_FILTER,
  filterNeeds,
  filterPipeline,
  isMatchFiltered,
  pipelineColumns,
  type MatchFilter,
} from './matchFilter'
import { useMatchMarks } from './matchStore'
import { NeedList } from './NeedList'
import { PipelineBoard } from './PipelineBoard'

const TABS = ['needs', 'pipeline'] as const
type Tab = (typeof TABS)[number]

/**
 * Matchmaking (issue 6): every need with ranked offers from other companies
 * (`findMatches`: another industry first, then higher levels), each explained in one line in
 * the UI's language and markable as contacted / project started / not relevant; and the
 * follow-up pipeline (`matchPipeline`), a tab away. Both read the document through stores,
 * so a mark made on one screen shows on every other at once. Filters: company (both ways),
 * competence, hide "not relevant".
 */
export function MatchesView(props: MapViewProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('en') ? 'en' : 'nb'
  const doc = props.connection.doc
  const index = useCompetenceIndex(doc)
  const marks = useMatchMarks(doc, index)
  const needs = useMemo(() => findMatches(index, { marks }), [index, marks])
  const pipeline = useMemo(() => matchPipeline(index, marks), [index, marks])
  const [filter, setFilter] = useState<MatchFilter>(EMPTY_MATCH_FILTER)
  const [tab, setTab] = useState<Tab>('needs')
  const shownNeeds = useMemo(() => filterNeeds(needs, filter), [needs, filter])
  const shownPipeline = useMemo(() => filterPipeline(pipeline, filter), [pipeline, filter])
  const id = useId()
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({})
  const marked = pipeline.contacted.length + pipeline['project-started'].length

  // Arrow keys move between the tabs (the tabs pattern); Tab goes on into the panel.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    event.preventDefault()
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length] as Tab
    setTab(next)
    tabRefs.current[next]?.focus()
  }

  return (
    <div className="matches-view" data-testid="matches-view">
      <div className="matches-toolbar">
        <div
          className="segmented matches-tabs"
          role="tablist"
          aria-label={t('mapMatches.tabsLabel')}
        >
          {TABS.map((name) => (
            <button
              key={name}
              ref={(element) => {
                tabRefs.current[name] = element
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`${id}-panel`}
              tabIndex={tab === name ? 0 : -1}
              className={tab === name ? 'segment is-active' : 'segment'}
              onClick={() => setTab(name)}
              onKeyDown={onTabKey}
              data-testid={`matches-tab-${name}`}
            >
              {t(`mapMatches.tabs.${name}`)}
              {name === 'pipeline' && marked > 0 && (
                <span className="matches-tab-count">{formatCount(marked, i18n.language)}</span>
              )}
            </button>
          ))}
        </div>
        <MatchFilters filter={filter} onChange={setFilter} index={index} language={language} />
      </div>
      <div
        className="matches-panel"
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${tab}`}
      >
        {tab === 'needs' ? (
          <>
            <p className="matches-intro">
              {t('mapMatches.intro')}{' '}
              <span className="matches-summary">
                {t('mapMatches.summary', { count: shownNeeds.length })}
              </span>
            </p>
            {shownNeeds.length === 0 ? (
              <p className="match-empty-note" role="status">
                {needs.length === 0 ? t('mapMatches.empty') : t('mapMatches.emptyFiltered')}
              </p>
            ) : (
              <NeedList
                // A new filter starts the list from its top.
                key={`${filter.companyId}|${filter.competenceId}|${filter.hideNotRelevant}`}
                needs={shownNeeds}
                index={index}
                language={language}
                {...props}
              />
            )}
          </>
        ) : (
          <>
            <p className="matches-intro">
              {marked + pipeline['not-relevant'].length === 0
                ? t('mapMatches.pipeline.emptyAll')
                : t('mapMatches.pipeline.intro')}
            </p>
            <PipelineBoard
              pipeline={shownPipeline}
              columns={pipelineColumns(filter)}
              index={index}
              language={language}
              {...props}
            />
          </>
        )}
      </div>
    </div>
  )
}

function MatchFilters({
  filter,
  onChange,
  index,
  language,
}: {
  filter: MatchFilter
  onChange: (filter: MatchFilter) => void
  index: ReturnType<typeof useCompetenceIndex>
  language: 'nb' | 'en'
}) {
  const { t } = useTranslation()
  const hideId = useId()
  const competences = useMemo(
    () =>
      [...index.competences].sort((a, b) =>
        a.labels[language].localeCompare(b.labels[language], language),
      ),
    [index, language],
  )
  return (
    <div
      className="matches-filters"
      role="search"
      aria-label={t('mapMatches.filters')}
      data-testid="matches-filters"
    >
      <select
        className="select"
        aria-label={t('mapMatches.company')}
        value={filter.companyId}
        onChange={(event) =>
          onChange({ ...filter, companyId: event.target.value as CompanyId | 'all' })
        }
        data-testid="matches-company"
      >
        <option value="all">{t('mapMatches.allCompanies')}</option>
        {index.companies.map((company) => (
          <option key={company.id} value={company.id}>
            {company.name}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label={t('mapMatches.competence')}
        value={filter.competenceId}
        onChange={(event) =>
          onChange({ ...filter, competenceId: event.target.value as CompetenceId | 'all' })
        }
        data-testid="matches-competence"
      >
        <option value="all">{t('mapMatches.allCompetences')}</option>
        {competences.map((competence) => (
          <option key={competence.id} value={competence.id}>
            {competence.labels[language]}
          </option>
        ))}
      </select>
      <label className="matches-check" htmlFor={hideId}>
        <input
          id={hideId}
          type="checkbox"
          checked={filter.hideNotRelevant}
          onChange={(event) => onChange({ ...filter, hideNotRelevant: event.target.checked })}
          data-testid="matches-hide-not-relevant"
        />
        {t('mapMatches.hideNotRelevant')}
      </label>
      {isMatchFiltered(filter) && (
        <Button size="sm" variant="ghost" onClick={() => onChange(EMPTY_MATCH_FILTER)}>
          {t('mapMatches.clearFilters')}
        </Button>
      )}
    </div>
  )
}
