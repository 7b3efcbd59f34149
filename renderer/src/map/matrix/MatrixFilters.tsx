import { Search, X } from 'lucide-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { INDUSTRIES, isIndustry } from '../../../../shared/model/companies'
import { NEED_LEVELS, OFFER_LEVELS } from '../../../../shared/model/competence/cells'
import {
  COMPETENCE_CATEGORIES,
  isCompetenceCategory,
} from '../../../../shared/model/competence/vocabulary'
import { formatCount } from '../../lib/format'
import { Button } from '../../ui/Button'
import {
  EMPTY_MATRIX_FILTER,
  isFiltered,
  MATRIX_SIDES,
  type MatrixFilter,
  type MatrixLayout,
} from './matrixLayout'

/** Changes the filter from its current value (not from the one a component last saw). */
export type UpdateFilter = (change: (filter: MatrixFilter) => MatrixFilter) => void

/**
 * Over the matrix: search (label or synonym), category, industry, which side to show,
 * "only rows with something", and a way back to everything. Only edits the filter; the
 * layout (matrixLayout.ts) does the filtering.
 */
export function MatrixFilters({
  filter,
  onUpdate,
}: {
  filter: MatrixFilter
  onUpdate: UpdateFilter
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div
      className="matrix-toolbar"
      role="search"
      aria-label={t('mapMatrix.filters')}
      data-testid="matrix-filters"
    >
      <label className="note-search matrix-search">
        <Search size={14} aria-hidden className="note-search-icon" />
        <input
          type="search"
          className="note-search-input"
          aria-label={t('mapMatrix.search')}
          placeholder={t('mapMatrix.searchPlaceholder')}
          value={filter.text}
          onChange={(event) => {
            const text = event.target.value
            onUpdate((current) => ({ ...current, text }))
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filter.text !== '') {
              event.preventDefault()
              onUpdate((current) => ({ ...current, text: '' }))
            }
          }}
          data-testid="matrix-search"
        />
      </label>
      <select
        className="select matrix-select"
        aria-label={t('mapMatrix.category')}
        value={filter.category}
        onChange={(event) => {
          const value = event.target.value
          onUpdate((current) => ({
            ...current,
            category: isCompetenceCategory(value) ? value : 'all',
          }))
        }}
        data-testid="matrix-category"
      >
        <option value="all">{t('mapMatrix.allCategories')}</option>
        {COMPETENCE_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`map.categories.${category}`)}
          </option>
        ))}
      </select>
      <select
        className="select matrix-select"
        aria-label={t('mapMatrix.industry')}
        value={filter.industry}
        onChange={(event) => {
          const value = event.target.value
          onUpdate((current) => ({ ...current, industry: isIndustry(value) ? value : 'all' }))
        }}
        data-testid="matrix-industry"
      >
        <option value="all">{t('mapMatrix.allIndustries')}</option>
        {INDUSTRIES.map((industry) => (
          <option key={industry} value={industry}>
            {t(`map.industries.${industry}`)}
          </option>
        ))}
      </select>
      <div
        className="segmented matrix-sides"
        role="radiogroup"
        aria-label={t('mapMatrix.show')}
        data-testid="matrix-sides"
      >
        {MATRIX_SIDES.map((side) => (
          <label key={side} className={filter.side === side ? 'segment is-active' : 'segment'}>
            <input
              type="radio"
              name={`${id}-side`}
              value={side}
              checked={filter.side === side}
              onChange={() => onUpdate((current) => ({ ...current, side }))}
            />
            {side !== 'both' && (
              <span className="matrix-swatch" data-side={side} data-level={2} aria-hidden />
            )}
            {t(`mapMatrix.sides.${side}`)}
          </label>
        ))}
      </div>
      <label className="matrix-check">
        <input
          type="checkbox"
          checked={filter.onlyFilled}
          onChange={(event) => {
            const onlyFilled = event.target.checked
            onUpdate((current) => ({ ...current, onlyFilled }))
          }}
          data-testid="matrix-only-filled"
        />
        {t('mapMatrix.onlyFilled')}
      </label>
      {isFiltered(filter) && (
        <Button
          variant="ghost"
          size="sm"
          icon={<X size={14} aria-hidden />}
          onClick={() => onUpdate(() => EMPTY_MATRIX_FILTER)}
          data-testid="matrix-clear"
        >
          {t('mapMatrix.clear')}
        </Button>
      )}
    </div>
  )
}

/** Under the matrix: what is shown (read out when it changes), and the colour legend. */
export function MatrixFooter({ layout }: { layout: MatrixLayout }) {
  const { t, i18n } = useTranslation()
  const count = (n: number): string => formatCount(n, i18n.language)
  return (
    <div className="matrix-footer">
      <p className="matrix-count" data-testid="matrix-count">
        {/* What the filters leave is read out when it changes; the totals, which change with
            every edit anyone makes, are not. */}
        <span aria-live="polite">
          {t('mapMatrix.count', {
            competences: count(layout.competences.shown),
            competencesTotal: count(layout.competences.total),
            companies: count(layout.companies.shown),
            companiesTotal: count(layout.companies.total),
          })}
        </span>
        <span className="matrix-totals">
          {' · '}
          {t('mapMatrix.totals', { offers: count(layout.offers), needs: count(layout.needs) })}
        </span>
      </p>
      <MatrixLegend />
    </div>
  )
}

function MatrixLegend() {
  const { t } = useTranslation()
  return (
    <div className="matrix-legend" role="group" aria-label={t('mapMatrix.legend.label')}>
      {(['offer', 'need'] as const).map((side) => (
        <span key={side} className="matrix-legend-group">
          <span className="matrix-legend-title">{t(`mapMatrix.legend.${side}`)}</span>
          {([1, 2, 3] as const).map((level) => (
            <span key={level} className="matrix-legend-item">
              <span className="matrix-swatch" data-side={side} data-level={level} aria-hidden />
              {t(
                side === 'offer'
                  ? `map.levels.offer.${OFFER_LEVELS[level]}`
                  : `map.levels.need.${NEED_LEVELS[level]}`,
              )}
            </span>
          ))}
        </span>
      ))}
      <span className="matrix-legend-group">
        <span className="matrix-legend-item">
          <span className="matrix-legend-comment" aria-hidden />
          {t('mapMatrix.legend.comment')}
        </span>
        <span className="matrix-legend-item">
          <span className="matrix-legend-peer" aria-hidden />
          {t('mapMatrix.legend.editing')}
        </span>
      </span>
    </div>
  )
}
