import { defaultRangeExtractor, useVirtualizer, type VirtualItem } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type RefObject,
} from 'react'
import { useTranslation } from 'react-i18next'
import { cellKey } from '../../../../shared/model/competence/cells'
import type { CellView, CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import type { Company } from '../../../../shared/model/companies'
import { companyInitials } from '../../../../shared/model/companies'
import { createValueStore } from '../../lib/externalStore'
import type { Participant } from '../../sync/presenceState'
import { cellDescriber, levelNames, type CellDescriber } from './cellLabels'
import { HEADER_ROW, moveInGrid, type GridPosition } from './gridNavigation'
import { MATRIX_GEOMETRY as G } from './matrixGeometry'
import type {
  MatrixCompetenceRow,
  MatrixGroupRow,
  MatrixLayout,
  MatrixRow,
  MatrixSide,
} from './matrixLayout'
import { MatrixTooltip, type HoverStore } from './MatrixTooltip'

/**
 * The matrix itself: one ARIA grid, competences down (grouped by category under header
 * rows), companies across. Both axes are virtualized over one scroll box, so only the cells
 * on screen (plus a margin, plus the active cell's row and column) are in the DOM; the
 * company row and the competence column are sticky. A cell's colours are two halves of its
 * background (offer left, need right), so a cell is one element with no children.
 *
 * Keyboard: one cell (or company header) is tabbable (roving tabindex); arrows move, Enter
 * opens (the cell's editor, or the company's page from its header).
 */
export type MatrixGridProps = {
  layout: MatrixLayout
  index: CompetenceIndex
  side: MatrixSide
  peers: ReadonlyMap<string, readonly Participant[]>
  /** The cell (or header) that takes focus; always rendered. */
  active: GridPosition
  /** `cellKey` of the cell whose editor is open. */
  editingKey: string | undefined
  readOnly: boolean
  onActivate: (position: GridPosition) => void
  /** Enter or a click on a cell or a company header. */
  onOpen: (position: GridPosition) => void
  scrollRef: RefObject<HTMLDivElement | null>
}

/** The DOM element of a cell or header in the grid, if rendered. */
export function gridElement(
  root: HTMLElement | null,
  position: GridPosition,
): HTMLElement | undefined {
  return (
    root?.querySelector<HTMLElement>(`[data-row="${position.row}"][data-col="${position.col}"]`) ??
    undefined
  )
}

function withIndex(range: number[], index: number): number[] {
  if (index < 0 || range.includes(index)) return range
  return [...range, index].sort((a, b) => a - b)
}

function positionOf(target: EventTarget | null): GridPosition | undefined {
  if (!(target instanceof Element)) return undefined
  const element = target.closest<HTMLElement>('[data-row]')
  if (element === null) return undefined
  const row = Number(element.dataset.row)
  const col = Number(element.dataset.col)
  return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : undefined
}

const TOOLTIP_DELAY_MS = 350

/**
 * The category header to pin under the company row: that of the first row under it, once the
 * grid has scrolled (at the top, the real header row is in its place).
 */
function pinnedGroup(
  rows: readonly MatrixRow[],
  items: readonly VirtualItem[],
  scrollOffset: number,
): MatrixGroupRow | undefined {
  if (scrollOffset <= 0) return undefined
  const top = scrollOffset + G.headerHeight
  const first = items.find((item) => item.end > top)
  for (let i = first?.index ?? -1; i >= 0; i--) {
    const row = rows[i]
    if (row?.kind === 'group') return row
  }
  return undefined
}

export function MatrixGrid(props: MatrixGridProps) {
  const { layout, index, side, peers, active, editingKey, readOnly, scrollRef } = props
  const { t, i18n } = useTranslation()
  const { rows, columns } = layout
  const names = useMemo(() => levelNames(t), [t])
  const language = i18n.language
  const describe = useMemo(
    () => cellDescriber(t, language, names, side),
    [t, language, names, side],
  )

  const rowKey = useCallback((i: number) => rows[i]?.key ?? i, [rows])
  const rowSize = useCallback(
    (i: number) => (rows[i]?.kind === 'group' ? G.groupHeight : G.rowHeight),
    [rows],
  )
  const colKey = useCallback((i: number) => columns[i]?.id ?? i, [columns])
  const colSize = useCallback(() => G.columnWidth, [])
  const activeRow = active.row
  const activeCol = active.col
  const rowRange = useCallback(
    (range: Parameters<typeof defaultRangeExtractor>[0]) =>
      withIndex(defaultRangeExtractor(range), activeRow),
    [activeRow],
  )
  const colRange = useCallback(
    (range: Parameters<typeof defaultRangeExtractor>[0]) =>
      withIndex(defaultRangeExtractor(range), activeCol),
    [activeCol],
  )
  // Nothing is known to be on screen until the box is measured (in a layout effect, before
  // the first paint): guessing the window's size drew three times the cells, then dropped
  // most of them.
  const initialRect = useMemo(() => ({ width: 0, height: 0 }), [])
  // eslint-disable-next-line react-hooks/incompatible-library -- we do not use the React Compiler; TanStack Virtual re-renders through its own state.
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowSize,
    getItemKey: rowKey,
    paddingStart: G.headerHeight,
    // A row moved to by keyboard must clear the header and the pinned category under it.
    scrollPaddingStart: G.headerHeight + G.groupHeight,
    overscan: 4,
    rangeExtractor: rowRange,
    initialRect,
    useFlushSync: false,
  })
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: colSize,
    getItemKey: colKey,
    paddingStart: G.labelWidth,
    scrollPaddingStart: G.labelWidth,
    overscan: 2,
    rangeExtractor: colRange,
    initialRect,
    useFlushSync: false,
  })
  const rowItems = rowVirtualizer.getVirtualItems()
  const colItems = colVirtualizer.getVirtualItems()
  const pinned = pinnedGroup(rows, rowItems, rowVirtualizer.scrollOffset ?? 0)

  // Hover and keyboard tooltip: a store of its own, so pointer moves do not render the grid.
  const hover = useMemo<HoverStore>(() => createValueStore<GridPosition | null>(null), [])
  const hoverTimer = useRef<number | undefined>(undefined)
  const clearHoverTimer = (): void => {
    window.clearTimeout(hoverTimer.current)
    hoverTimer.current = undefined
  }
  useLayoutEffect(() => () => window.clearTimeout(hoverTimer.current), [])

  // A move by keyboard scrolls the cell into view and focuses it once it is rendered.
  const focusPending = useRef(false)
  useLayoutEffect(() => {
    if (!focusPending.current) return
    focusPending.current = false
    if (activeRow !== HEADER_ROW) rowVirtualizer.scrollToIndex(activeRow, { align: 'auto' })
    colVirtualizer.scrollToIndex(activeCol, { align: 'auto' })
    gridElement(scrollRef.current, { row: activeRow, col: activeCol })?.focus({
      preventScroll: true,
    })
  }, [activeRow, activeCol, rowVirtualizer, colVirtualizer, scrollRef])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const from = positionOf(event.target)
    if (from === undefined) return
    if (event.key === 'Enter' || event.key === 'F2' || event.key === ' ') {
      event.preventDefault()
      hover.set(null)
      props.onOpen(from)
      return
    }
    if (event.key === 'Escape') {
      hover.set(null)
      return
    }
    const box = scrollRef.current
    const pageRows = Math.floor(((box?.clientHeight ?? 600) - G.headerHeight) / G.rowHeight) - 1
    const next = moveInGrid(rows, columns.length, from, event, pageRows)
    if (next === undefined) return
    event.preventDefault()
    focusPending.current = true
    props.onActivate(next)
    clearHoverTimer()
    hover.set(next.row === HEADER_ROW ? null : next)
    if (next.row === from.row && next.col === from.col) {
      // Nothing changes, so no effect runs: keep focus where it is.
      focusPending.current = false
    }
  }

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const position = positionOf(event.target)
    if (position === undefined) return
    // The pointer came to rest on the cell before the click: its tooltip must not follow the
    // editor open.
    clearHoverTimer()
    hover.set(null)
    props.onActivate(position)
    props.onOpen(position)
  }

  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.pointerType === 'touch') return
    const position = positionOf(event.target)
    const shown = hover.getSnapshot()
    if (position === undefined || position.row === HEADER_ROW) {
      clearHoverTimer()
      if (shown !== null) hover.set(null)
      return
    }
    if (shown !== null) {
      if (shown.row !== position.row || shown.col !== position.col) hover.set(position)
      return
    }
    clearHoverTimer()
    hoverTimer.current = window.setTimeout(() => hover.set(position), TOOLTIP_DELAY_MS)
  }

  const onPointerLeave = (): void => {
    clearHoverTimer()
    hover.set(null)
  }

  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    // Tab into the grid, or a click: the focused cell becomes the active one.
    const position = positionOf(event.target)
    if (position !== undefined && (position.row !== activeRow || position.col !== activeCol)) {
      props.onActivate(position)
    }
  }

  const style = {
    '--matrix-label-width': `${G.labelWidth}px`,
    '--matrix-header-height': `${G.headerHeight}px`,
    '--matrix-column-width': `${G.columnWidth}px`,
    '--matrix-row-height': `${G.rowHeight}px`,
    '--matrix-group-height': `${G.groupHeight}px`,
  } as CSSProperties

  return (
    <>
      <div
        ref={scrollRef}
        className={`matrix-scroll matrix--${side}`}
        role="grid"
        aria-label={t('mapMatrix.gridLabel')}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        aria-readonly={readOnly || undefined}
        style={style}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocus={onFocus}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onScroll={() => {
          if (hover.getSnapshot() !== null) hover.set(null)
        }}
        data-testid="matrix-grid"
      >
        <div
          className="matrix-sizer"
          role="presentation"
          style={{ width: colVirtualizer.getTotalSize(), height: rowVirtualizer.getTotalSize() }}
        >
          <div className="matrix-head" role="row" aria-rowindex={1}>
            <div className="matrix-corner" role="columnheader" aria-colindex={1}>
              {t('mapMatrix.competenceColumn')}
            </div>
            {colItems.map((item) => {
              const company = columns[item.index]
              if (company === undefined) return null
              return (
                <CompanyHeader
                  key={item.key}
                  company={company}
                  item={item}
                  tabbable={activeRow === HEADER_ROW && activeCol === item.index}
                  industry={t(`map.industries.${company.industry}`)}
                />
              )
            })}
          </div>
          {pinned !== undefined && (
            // The category of the rows under the header, when its own header row has scrolled
            // away (the same look, laid over it; screen readers have the real one).
            <div className="matrix-pinned" aria-hidden data-testid="matrix-pinned-group">
              <div className="matrix-pinned-band">
                <div className="matrix-group-label">
                  {t(`map.categories.${pinned.category}`)}
                  <span className="matrix-group-count">{pinned.count}</span>
                </div>
              </div>
            </div>
          )}
          {rowItems.map((item) => {
            const row = rows[item.index]
            if (row === undefined) return null
            if (row.kind === 'group') {
              return (
                <GroupRow
                  key={item.key}
                  row={row}
                  item={item}
                  colCount={columns.length}
                  label={t('mapMatrix.group', {
                    category: t(`map.categories.${row.category}`),
                    count: row.count,
                  })}
                  title={t(`map.categories.${row.category}`)}
                />
              )
            }
            return (
              <CellRow
                key={item.key}
                row={row}
                item={item}
                cols={colItems}
                columns={columns}
                index={index}
                side={side}
                peers={peers}
                editingKey={editingKey}
                tabbableCol={activeRow === item.index ? activeCol : -1}
                describe={describe}
                readOnly={readOnly}
              />
            )
          })}
        </div>
      </div>
      <MatrixTooltip hover={hover} layout={layout} index={index} side={side} names={names} />
    </>
  )
}

const CompanyHeader = memo(function CompanyHeader({
  company,
  item,
  tabbable,
  industry,
}: {
  company: Company
  item: VirtualItem
  tabbable: boolean
  industry: string
}) {
  return (
    <div
      className="matrix-company"
      role="columnheader"
      aria-colindex={item.index + 2}
      aria-label={`${company.name}, ${industry}`}
      title={`${company.name} · ${industry}`}
      tabIndex={tabbable ? 0 : -1}
      data-row={HEADER_ROW}
      data-col={item.index}
      data-company-id={company.id}
      style={{ left: item.start }}
    >
      <span className="matrix-company-name">{company.name}</span>
      <span className="matrix-company-badge" style={{ background: company.color }} aria-hidden>
        {companyInitials(company.name)}
      </span>
    </div>
  )
})

const GroupRow = memo(function GroupRow({
  row,
  item,
  colCount,
  label,
  title,
}: {
  row: MatrixGroupRow
  item: VirtualItem
  colCount: number
  label: string
  title: string
}) {
  return (
    <div
      className="matrix-group"
      role="row"
      aria-rowindex={item.index + 2}
      style={{ top: item.start, height: item.size }}
      data-category={row.category}
    >
      <div
        className="matrix-group-label"
        role="rowheader"
        aria-colindex={1}
        aria-colspan={colCount + 1}
        aria-label={label}
      >
        {title}
        <span className="matrix-group-count" aria-hidden>
          {row.count}
        </span>
      </div>
    </div>
  )
})

const CellRow = memo(function CellRow({
  row,
  item,
  cols,
  columns,
  index,
  side,
  peers,
  editingKey,
  tabbableCol,
  describe,
  readOnly,
}: {
  row: MatrixCompetenceRow
  item: VirtualItem
  cols: readonly VirtualItem[]
  columns: readonly Company[]
  index: CompetenceIndex
  side: MatrixSide
  peers: ReadonlyMap<string, readonly Participant[]>
  editingKey: string | undefined
  tabbableCol: number
  describe: CellDescriber
  readOnly: boolean
}) {
  const competenceId = row.entry.id
  // The row's cells by company: one lookup per row instead of one per cell.
  const byCompany = useMemo(() => {
    const map = new Map<string, CellView>()
    for (const cell of index.byCompetence.get(competenceId) ?? []) map.set(cell.companyId, cell)
    return map
  }, [index, competenceId])
  return (
    <div
      className="matrix-row"
      role="row"
      aria-rowindex={item.index + 2}
      style={{ top: item.start, height: item.size }}
      data-competence-id={competenceId}
    >
      <div className="matrix-label" role="rowheader" aria-colindex={1} title={row.label}>
        {row.label}
      </div>
      {cols.map((col) => {
        const company = columns[col.index]
        if (company === undefined) return null
        const cell = byCompany.get(company.id)
        const key = cellKey(company.id, competenceId)
        const open = peers.get(key)
        const offer = cell !== undefined && side !== 'need' ? cell.offer : 0
        const need = cell !== undefined && side !== 'offer' ? cell.need : 0
        return (
          <div
            key={col.key}
            className="matrix-cell"
            role="gridcell"
            aria-colindex={col.index + 2}
            aria-label={describe(company.name, row.label, cell, open)}
            aria-haspopup={readOnly ? undefined : 'dialog'}
            // Only the open one says so: "collapsed" on every cell would be noise.
            aria-expanded={editingKey === key ? true : undefined}
            tabIndex={tabbableCol === col.index ? 0 : -1}
            data-row={item.index}
            data-col={col.index}
            data-o={offer > 0 ? offer : undefined}
            data-n={need > 0 ? need : undefined}
            data-comment={cell !== undefined && cell.comment !== '' ? '' : undefined}
            data-editing={editingKey === key ? '' : undefined}
            data-peer={open !== undefined ? '' : undefined}
            style={
              open === undefined
                ? { left: col.start }
                : ({ left: col.start, '--peer': open[0]?.color } as CSSProperties)
            }
          />
        )
      })}
    </div>
  )
})
