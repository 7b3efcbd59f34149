import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { cellKey } from '../../../../shared/model/competence/cells'
import { openMap } from '../../lib/route'
import { useCompetenceIndex } from '../competenceStore'
import type { MapViewProps } from '../mapViews'
import { CellEditor, type EditedCell } from './CellEditor'
import { setMapCell, useCellPeers } from './cellPresence'
import { clampPosition, HEADER_ROW, type GridPosition } from './gridNavigation'
import { gridElement, MatrixGrid } from './MatrixGrid'
import { MatrixFilters, MatrixFooter, type UpdateFilter } from './MatrixFilters'
import { buildMatrixLayout, EMPTY_MATRIX_FILTER, type MatrixFilter } from './matrixLayout'

/**
 * The competence map as a matrix: every company across, every competence down (grouped by
 * category), each cell showing the company's offer and need for the competence. Filters
 * narrow it; a cell opens its editor (not for view-only guests), and what others edit shows
 * as it happens. The active cell is kept by its company and competence, so it stays put
 * when rows come and go under it.
 */
type ActiveCell = { competenceId?: CompetenceId; companyId?: CompanyId; at: GridPosition }

export function MatrixView({ connection, readOnly, authorName }: MapViewProps) {
  const { t, i18n } = useTranslation()
  const index = useCompetenceIndex(connection.doc)
  const peers = useCellPeers(connection.awareness)
  const [filter, setFilter] = useState<MatrixFilter>(EMPTY_MATRIX_FILTER)
  // Typing in the search stays responsive while the grid catches up.
  const shownFilter = useDeferredValue(filter)
  const language = i18n.language.startsWith('en') ? 'en' : 'nb'
  const layout = useMemo(
    () => buildMatrixLayout(index, shownFilter, language),
    [index, shownFilter, language],
  )
  const [editing, setEditing] = useState<EditedCell | undefined>(undefined)
  // A new filter may hide the cell being edited: its editor closes rather than wait for it.
  const onUpdate = useCallback<UpdateFilter>((change) => {
    setFilter(change)
    setEditing(undefined)
  }, [])

  const rowOf = useMemo(() => {
    const map = new Map<CompetenceId, number>()
    layout.rows.forEach((row, i) => {
      if (row.kind === 'competence') map.set(row.entry.id, i)
    })
    return map
  }, [layout.rows])
  const colOf = useMemo(
    () => new Map(layout.columns.map((company, i) => [company.id, i])),
    [layout.columns],
  )

  const [activeCell, setActiveCell] = useState<ActiveCell>({ at: { row: 0, col: 0 } })
  const active = useMemo(() => {
    const row =
      activeCell.at.row === HEADER_ROW
        ? HEADER_ROW
        : ((activeCell.competenceId === undefined
            ? undefined
            : rowOf.get(activeCell.competenceId)) ?? activeCell.at.row)
    const col =
      (activeCell.companyId === undefined ? undefined : colOf.get(activeCell.companyId)) ??
      activeCell.at.col
    return clampPosition(layout.rows, layout.columns.length, { row, col })
  }, [activeCell, rowOf, colOf, layout])

  const onActivate = useCallback(
    (position: GridPosition) => {
      const row = layout.rows[position.row]
      setActiveCell({
        competenceId: row?.kind === 'competence' ? row.entry.id : undefined,
        companyId: layout.columns[position.col]?.id,
        at: position,
      })
    },
    [layout],
  )

  const onOpen = useCallback(
    (position: GridPosition) => {
      const company = layout.columns[position.col]
      if (company === undefined) return
      if (position.row === HEADER_ROW) {
        openMap({ view: 'company', company: company.id })
        return
      }
      const row = layout.rows[position.row]
      if (readOnly || row?.kind !== 'competence') return
      setEditing({ companyId: company.id, competenceId: row.entry.id })
    },
    [layout, readOnly],
  )

  // A cell that left the matrix (someone deleted its company or competence) has no editor.
  const open =
    editing !== undefined && rowOf.has(editing.competenceId) && colOf.has(editing.companyId)
      ? editing
      : undefined

  // Others see which cell I have open (awareness only, never the document).
  useEffect(() => {
    if (open === undefined) return
    setMapCell(connection.awareness, { company: open.companyId, competence: open.competenceId })
    return () => setMapCell(connection.awareness, null)
  }, [connection.awareness, open])

  const scrollRef = useRef<HTMLDivElement>(null)
  const locate = useRef<() => HTMLElement | undefined>(() => undefined)
  useLayoutEffect(() => {
    locate.current = () => {
      if (open === undefined) return undefined
      const row = rowOf.get(open.competenceId)
      const col = colOf.get(open.companyId)
      if (row === undefined || col === undefined) return undefined
      return gridElement(scrollRef.current, { row, col })
    }
  }, [open, rowOf, colOf])
  // The editor's anchor: the cell's element, looked up again whenever the editor is placed.
  const anchor = useMemo(
    () => ({
      current: {
        getBoundingClientRect: (): DOMRect =>
          (locate.current() ?? scrollRef.current ?? document.body).getBoundingClientRect(),
      },
    }),
    [],
  )

  if (index.companies.length === 0 || index.competences.length === 0) {
    return (
      <div className="empty-state" data-testid="matrix-empty">
        <p className="empty-state-title">{t('mapMatrix.empty')}</p>
        <p>{t('mapMatrix.emptyHint')}</p>
      </div>
    )
  }
  const editingKey = open === undefined ? undefined : cellKey(open.companyId, open.competenceId)
  return (
    <div className="matrix-view" data-testid="matrix-view">
      <MatrixFilters filter={filter} onUpdate={onUpdate} />
      <div className="matrix-body">
        {active === undefined ? (
          <div className="empty-state" data-testid="matrix-no-match">
            <p>{t('mapMatrix.noMatch')}</p>
          </div>
        ) : (
          <MatrixGrid
            layout={layout}
            index={index}
            side={shownFilter.side}
            peers={peers}
            active={active}
            editingKey={editingKey}
            readOnly={readOnly}
            onActivate={onActivate}
            onOpen={onOpen}
            scrollRef={scrollRef}
          />
        )}
      </div>
      <MatrixFooter layout={layout} />
      {open !== undefined && editingKey !== undefined && (
        <CellEditor
          connection={connection}
          index={index}
          edited={open}
          anchor={anchor}
          peers={peers.get(editingKey) ?? []}
          authorName={authorName}
          onClose={() => setEditing(undefined)}
          onCloseFocus={() => {
            // Closed by keyboard (focus fell to the page): back to the active cell, which is
            // the grid's one tabbable cell. A click elsewhere keeps its own focus.
            const focused = document.activeElement
            if (focused !== null && focused !== document.body) return
            scrollRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus()
          }}
        />
      )}
    </div>
  )
}
