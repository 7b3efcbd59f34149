import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NEED_LEVELS, OFFER_LEVELS } from '../../../../shared/model/competence/cells'
import type { Match, NeedMatches } from '../../../../shared/model/competence/matching'
import type { CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { Button } from '../../ui/Button'
import { CompanyBadge } from '../MapNav'
import type { MapViewProps } from '../mapViews'
import { MatchStatusControl } from './MatchStatusControl'

/** Needs shown at first, and added by each "show more". */
const PAGE = 25
/** Offers shown per need before "show n more offers". */
const TOP = 3

export type Language = 'nb' | 'en'

/**
 * Every need (critical first) with the offers that could answer it, best first, each with
 * its one-line explanation, the levels, "different industry" and its follow-up status.
 */
export function NeedList({
  needs,
  index,
  language,
  ...props
}: MapViewProps & { needs: readonly NeedMatches[]; index: CompetenceIndex; language: Language }) {
  const { t } = useTranslation()
  const [shown, setShown] = useState(PAGE)
  return (
    <>
      <ol className="match-needs" data-testid="match-needs">
        {needs.slice(0, shown).map((need) => (
          <NeedCard
            key={`${need.companyId}|${need.competenceId}`}
            need={need}
            index={index}
            language={language}
            {...props}
          />
        ))}
      </ol>
      {needs.length > shown && (
        <Button className="match-more" onClick={() => setShown((count) => count + PAGE)}>
          {t('mapMatches.showMore', { count: needs.length - shown })}
        </Button>
      )}
    </>
  )
}

function NeedCard({
  need,
  index,
  language,
  ...props
}: MapViewProps & { need: NeedMatches; index: CompetenceIndex; language: Language }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const company = index.companyById.get(need.companyId)
  const competence = index.competenceById.get(need.competenceId)
  if (company === undefined || competence === undefined) return null
  const level = NEED_LEVELS[need.needLevel]
  const visible = open ? need.matches : need.matches.slice(0, TOP)
  return (
    <li
      className="match-need"
      data-testid="match-need"
      data-need-key={`${need.companyId}|${need.competenceId}`}
    >
      <header className="match-need-header">
        <CompanyBadge company={company} size={28} />
        <h3>
          {t('mapMatches.needs', {
            company: company.name,
            competence: competence.labels[language],
          })}
        </h3>
        <span className={`match-level match-level--need-${level}`} data-testid="match-need-level">
          {t(`map.levels.need.${level}`)}
        </span>
      </header>
      {need.matches.length === 0 ? (
        <p className="match-empty-note">{t('mapMatches.noOffers')}</p>
      ) : (
        <ol className="match-offers">
          {visible.map((match) => (
            <MatchRow
              key={match.key}
              match={match}
              index={index}
              language={language}
              needName={company.name}
              {...props}
            />
          ))}
        </ol>
      )}
      {need.matches.length > TOP && (
        <button
          type="button"
          className="link-button match-toggle"
          aria-expanded={open}
          onClick={() => setOpen((value) => !value)}
        >
          {open
            ? t('mapMatches.showFewer')
            : t('mapMatches.showAll', { count: need.matches.length - TOP })}
        </button>
      )}
    </li>
  )
}

function MatchRow({
  match,
  index,
  language,
  needName,
  ...props
}: MapViewProps & { match: Match; index: CompetenceIndex; language: Language; needName: string }) {
  const { t } = useTranslation()
  const offer = index.companyById.get(match.offerCompanyId)
  if (offer === undefined) return null
  const offerLevel = OFFER_LEVELS[match.offerLevel]
  return (
    <li className="match-row" data-testid="match-row" data-match-key={match.key}>
      <CompanyBadge company={offer} size={24} />
      <div className="match-row-text">
        <p className="match-row-title">
          <span className="match-company">{offer.name}</span>
          <span className="match-level">
            {t('mapMatches.offerLevel', { level: t(`map.levels.offer.${offerLevel}`) })}
          </span>
          {match.crossIndustry && (
            <span className="match-badge" data-testid="match-cross-industry">
              {t('mapMatches.differentIndustry')}
            </span>
          )}
        </p>
        <p className="match-explanation" data-testid="match-explanation">
          {match.explanation[language]}
        </p>
      </div>
      <MatchStatusControl
        {...props}
        match={match}
        mark={match.mark}
        label={t('mapMatches.statusLabel', { offer: offer.name, need: needName })}
      />
    </li>
  )
}
