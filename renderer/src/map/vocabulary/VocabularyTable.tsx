import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { CompetenceId } from '../../../../shared/ids'
import { formatCount } from '../../lib/format'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { CompetenceRow } from './CompetenceRow'
import {
  headerOf,
  vocabularyLines,
  type CategoryGroup,
  type Usage,
  type VocabularyItem,
} from './vocabularyModel'

/** A competence's row as drawn with nothing wrapped (28 px field, padding, border). */
const ROW_HEIGHT = 35
/** A category's header line (its space above, the title, the rule). */
const GROUP_HEIGHT = 53
/** The column titles, until measured. */
const HEAD_HEIGHT = 33
const COLUMNS = 7

/**
 * The vocabulary's table, virtualised: only the lines in view (and a few around) are in the
 * page, so a vocabulary of thousands of competences opens, filters and scrolls like one of
 * ten. Lines are a category's header or a competence (vocabularyLines); rows are measured,
 * as wrapped synonyms or a refusal under a field make them taller. The header of the category
 * scrolled through stays pinned under the column titles, and the row holding focus stays in
 * the page when it is scrolled away, so a half-typed edit is not lost and Tab goes on from it;
 * the rows around the focused one are there, so Tab and Shift+Tab walk the whole table.
 */
export function VocabularyTable({
  connection,
  groups,
  usage,
  readOnly,
  checkName,
  onMerge,
  onDelete,
}: {
  connection: WorkspaceConnection
  groups: readonly CategoryGroup[]
  usage: ReadonlyMap<CompetenceId, Usage>
  readOnly: boolean
  checkName: (id: CompetenceId | undefined, name: string) => string | undefined
  onMerge: (id: CompetenceId) => void
  onDelete: (id: CompetenceId) => void
}) {
  const { t, i18n } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const headRef = useRef<HTMLTableSectionElement>(null)
  const [headHeight, setHeadHeight] = useState(HEAD_HEIGHT)
  useLayoutEffect(() => {
    // Rounded down: the pinned category goes a fraction under the titles rather than leave
    // a hairline between them that rows show through.
    const height = Math.floor(headRef.current?.getBoundingClientRect().height ?? 0)
    if (height > 0) setHeadHeight(height)
  }, [])

  const lines = useMemo(() => vocabularyLines(groups), [groups])
  const { items, headers, indexOf } = lines
  // The competence whose row holds focus, kept rendered (by id: the lines move under it when
  // another person adds or renames one).
  const focused = useRef<CompetenceId | undefined>(undefined)
  const rangeExtractor = useCallback(
    (range: Range): number[] => {
      const shown = new Set(defaultRangeExtractor(range))
      const pinned = headerOf(headers, range.startIndex)
      if (pinned !== undefined) shown.add(pinned)
      const focusedIndex = focused.current === undefined ? undefined : indexOf.get(focused.current)
      if (focusedIndex !== undefined) shown.add(focusedIndex)
      return [...shown].sort((a, b) => a - b)
    },
    [headers, indexOf],
  )
  const itemKey = useCallback((index: number) => items[index]?.key ?? index, [items])
  const estimateSize = useCallback(
    (index: number) => (items[index]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    [items],
  )
  // Nothing is known to be on screen until the box is measured (before the first paint).
  const initialRect = useMemo(() => ({ width: 0, height: 0 }), [])
  // eslint-disable-next-line react-hooks/incompatible-library -- we do not use the React Compiler; TanStack Virtual re-renders through its own state.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey: itemKey,
    // The column titles come first in the scrolled box.
    paddingStart: headHeight,
    // A row scrolled to by focus must clear the titles and the pinned category.
    scrollPaddingStart: headHeight + GROUP_HEIGHT,
    overscan: 8,
    rangeExtractor,
    initialRect,
    useFlushSync: false,
  })

  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const row = event.target.closest<HTMLElement>('[data-competence-id]')
    focused.current = (row?.dataset.competenceId as CompetenceId | undefined) ?? undefined
  }
  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    const next = event.relatedTarget
    if (!(next instanceof Node) || !event.currentTarget.contains(next)) {
      focused.current = undefined
    }
  }

  const virtualItems = virtualizer.getVirtualItems()
  const pinned = headerOf(headers, virtualizer.range?.startIndex ?? 0)
  // The lines in order, one <tbody> per category (the table's row groups), with a spacer row
  // where lines are left out.
  const body: ReactNode[] = []
  let run: { category: string; rows: ReactNode[] } | undefined
  let end = headHeight
  const closeRun = (): void => {
    if (run === undefined) return
    body.push(
      <tbody key={run.category} data-testid="vocab-group" data-category={run.category}>
        {run.rows}
      </tbody>,
    )
  }
  for (const virtual of virtualItems) {
    const item = items[virtual.index]
    if (item === undefined) continue
    const category = item.kind === 'group' ? item.category : item.entry.category
    if (run?.category !== category) {
      closeRun()
      run = { category, rows: [] }
    }
    if (virtual.start > end) {
      run.rows.push(<Spacer key={`gap-${virtual.index}`} height={virtual.start - end} />)
    }
    end = virtual.end
    run.rows.push(
      <Line
        key={item.key}
        item={item}
        index={virtual.index}
        measure={virtualizer.measureElement}
        pinned={item.kind === 'group' && virtual.index === pinned}
        countLabel={item.kind === 'group' ? formatCount(item.count, i18n.language) : undefined}
        title={item.kind === 'group' ? t(`map.categories.${item.category}`) : undefined}
        connection={connection}
        usage={item.kind === 'row' ? usage.get(item.entry.id) : undefined}
        readOnly={readOnly}
        checkName={checkName}
        onMerge={onMerge}
        onDelete={onDelete}
      />,
    )
  }
  const total = virtualizer.getTotalSize()
  if (total > end) run?.rows.push(<Spacer key="gap-end" height={total - end} />)
  closeRun()

  return (
    <div
      ref={scrollRef}
      className="vocab-scroll"
      onFocus={onFocus}
      onBlur={onBlur}
      style={{ '--vocab-head-height': `${headHeight}px` } as CSSProperties}
    >
      <table className="vocab-table" data-testid="vocab-table" aria-rowcount={items.length + 1}>
        <colgroup>
          <col className="vocab-col-name" />
          <col className="vocab-col-name-en" />
          <col className="vocab-col-synonyms" />
          <col className="vocab-col-esco" />
          <col className="vocab-col-category" />
          <col className="vocab-col-usage" />
          <col className="vocab-col-actions" />
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            <th scope="col">{t('mapVocabulary.columns.name')}</th>
            <th scope="col">{t('mapVocabulary.columns.nameEn')}</th>
            <th scope="col">{t('mapVocabulary.columns.synonyms')}</th>
            <th scope="col">{t('mapVocabulary.columns.esco')}</th>
            <th scope="col">{t('mapVocabulary.columns.category')}</th>
            <th scope="col">{t('mapVocabulary.columns.usage')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('mapVocabulary.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        {body}
      </table>
    </div>
  )
}

/** The height of the lines left out, as a row of its own. */
function Spacer({ height }: { height: number }) {
  return (
    <tr className="vocab-spacer" aria-hidden>
      <td colSpan={COLUMNS} style={{ height }} />
    </tr>
  )
}

/** One line: a category's header, or a competence's row (measured in place). */
function Line({
  item,
  index,
  measure,
  pinned,
  title,
  countLabel,
  connection,
  usage,
  readOnly,
  checkName,
  onMerge,
  onDelete,
}: {
  item: VocabularyItem
  index: number
  measure: (element: Element | null) => void
  pinned: boolean
  title: string | undefined
  countLabel: string | undefined
  connection: WorkspaceConnection
  usage: Usage | undefined
  readOnly: boolean
  checkName: (id: CompetenceId | undefined, name: string) => string | undefined
  onMerge: (id: CompetenceId) => void
  onDelete: (id: CompetenceId) => void
}) {
  if (item.kind === 'group') {
    return (
      <tr
        ref={measure}
        data-index={index}
        aria-rowindex={index + 2}
        className={pinned ? 'vocab-group is-pinned' : 'vocab-group'}
      >
        <th scope="rowgroup" colSpan={COLUMNS}>
          {title}
          <span className="vocab-group-count" data-testid="vocab-group-count">
            {countLabel}
          </span>
        </th>
      </tr>
    )
  }
  return (
    <CompetenceRow
      rowRef={measure}
      index={index}
      connection={connection}
      entry={item.entry}
      usage={usage}
      readOnly={readOnly}
      checkName={checkName}
      onMerge={onMerge}
      onDelete={onDelete}
    />
  )
}
