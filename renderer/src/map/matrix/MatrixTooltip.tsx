import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { useNow } from '../../lib/clock'
import { formatRelativeTime } from '../../lib/format'
import type { ValueStore } from '../../lib/externalStore'
import type { LevelNames } from './cellLabels'
import type { GridPosition } from './gridNavigation'
import type { MatrixLayout, MatrixSide } from './matrixLayout'

/** The cell the pointer rests on (or the keyboard moved to); null hides the tooltip. */
export type HoverStore = ValueStore<GridPosition | null>

const GAP = 6

/**
 * One tooltip for the whole grid, placed under (or over) the hovered cell: the company and
 * competence, both levels, the comment and who edited it last. A Radix tooltip per cell
 * would mount hundreds of components; this is one element, and pointer moves render only it.
 * Screen readers get the same words from the cell's own label, so it is hidden from them.
 */
export function MatrixTooltip({
  hover,
  layout,
  index,
  side,
  names,
}: {
  hover: HoverStore
  layout: MatrixLayout
  index: CompetenceIndex
  side: MatrixSide
  names: LevelNames
}) {
  const { t, i18n } = useTranslation()
  const position = useSyncExternalStore(hover.subscribe, hover.getSnapshot)
  const now = useNow()
  const ref = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState<{ x: number; y: number } | undefined>(undefined)

  const row = position === null ? undefined : layout.rows[position.row]
  const company = position === null ? undefined : layout.columns[position.col]
  const competence = row?.kind === 'competence' ? row : undefined

  useLayoutEffect(() => {
    const tip = ref.current
    if (position === null || tip === null) return
    const cell = document.querySelector<HTMLElement>(
      `.matrix-cell[data-row="${position.row}"][data-col="${position.col}"]`,
    )
    if (cell === null) return
    const box = cell.getBoundingClientRect()
    const size = tip.getBoundingClientRect()
    const below = box.bottom + GAP + size.height <= window.innerHeight
    const x = Math.min(
      Math.max(GAP, box.left + box.width / 2 - size.width / 2),
      window.innerWidth - size.width - GAP,
    )
    setPlace({ x, y: below ? box.bottom + GAP : box.top - GAP - size.height })
  }, [position])

  if (position === null || competence === undefined || company === undefined) return null
  const cell = index.cell(company.id, competence.entry.id)
  const offer = cell?.offer ?? 0
  const need = cell?.need ?? 0
  return (
    <div
      ref={ref}
      className="tooltip matrix-tooltip"
      aria-hidden
      style={{
        left: place?.x ?? 0,
        top: place?.y ?? 0,
        visibility: place === undefined ? 'hidden' : 'visible',
      }}
      data-testid="matrix-tooltip"
    >
      <p className="matrix-tooltip-title">
        {company.name} × {competence.label}
      </p>
      {side !== 'need' && (
        <p className="matrix-tooltip-level">
          <span className="matrix-swatch" data-side="offer" data-level={offer} />
          {t('mapMatrix.tooltip.offer', { level: names.offer[offer] })}
        </p>
      )}
      {side !== 'offer' && (
        <p className="matrix-tooltip-level">
          <span className="matrix-swatch" data-side="need" data-level={need} />
          {t('mapMatrix.tooltip.need', { level: names.need[need] })}
        </p>
      )}
      {cell !== undefined && cell.comment !== '' && (
        <p className="matrix-tooltip-comment">{cell.comment}</p>
      )}
      {cell !== undefined && cell.evidence.length > 0 && (
        <p className="matrix-tooltip-meta">
          {t('mapMatrix.cell.evidence', { count: cell.evidence.length })}
        </p>
      )}
      {cell?.edited !== undefined && (
        <p className="matrix-tooltip-meta">
          {t('mapMatrix.tooltip.edited', {
            name: cell.edited.by,
            time: formatRelativeTime(
              cell.edited.at,
              now,
              i18n.language,
              t('mapMatrix.editor.justNow'),
            ),
          })}
        </p>
      )}
    </div>
  )
}
