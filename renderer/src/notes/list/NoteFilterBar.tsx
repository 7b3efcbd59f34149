import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import * as Popover from '@radix-ui/react-popover'
import { ArrowDownUp, Check, ListFilter, Search, X } from 'lucide-react'
import { memo, useMemo, type ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import {
  NOTE_SORTS,
  noteAuthors,
  noteTagCounts,
  type NoteSort,
} from '../../../../shared/model/noteFilter'
import type { NoteSummary } from '../../../../shared/model/notes'
import { isNoteType, NOTE_TYPES } from '../../../../shared/model/noteTypes'
import { IconButton } from '../../ui/IconButton'
import { SelectField } from '../../ui/SelectField'
import { useCompanies, useCompetences } from '../useNotes'
import {
  activeFilterFields,
  clearFilters,
  UPDATED_RANGES,
  withoutFilter,
  type FilterField,
  type NoteListView,
  type UpdatedRange,
} from './listView'

/** Changes the list view from its current value (not from the one a component last saw). */
type UpdateView = (change: (view: NoteListView) => NoteListView) => void

/**
 * Over the note list: a title filter, a sort menu and a filter popover (company, tag,
 * competence, type, author, when edited). Set filters show as removable chips. The bar
 * only edits the view; NoteList does the filtering.
 */
export function NoteFilterBar({
  doc,
  notes,
  view,
  onUpdate,
  onLeave,
}: {
  doc: Y.Doc
  /** All notes (unfiltered), for the tag and author choices. */
  notes: readonly NoteSummary[]
  view: NoteListView
  onUpdate: UpdateView
  /** Enter in the title filter opens the first match; ArrowDown moves into the list. */
  onLeave: (how: 'open' | 'focus') => void
}) {
  const { t } = useTranslation()
  const active = activeFilterFields(view)
  return (
    <div className="note-filter">
      <div className="note-filter-row">
        <label className="note-search">
          <Search size={14} aria-hidden className="note-search-icon" />
          <input
            type="search"
            className="note-search-input"
            aria-label={t('noteProps.filter.search')}
            placeholder={t('noteProps.filter.searchPlaceholder')}
            value={view.text}
            onChange={(event) => {
              const text = event.target.value
              onUpdate((current) => ({ ...current, text }))
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && view.text !== '') {
                event.preventDefault()
                onUpdate((current) => ({ ...current, text: '' }))
              } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
                event.preventDefault()
                onLeave(event.key === 'Enter' ? 'open' : 'focus')
              }
            }}
            data-testid="note-search"
          />
        </label>
        <SortMenu sort={view.sort} onUpdate={onUpdate} />
        <FilterPopover doc={doc} notes={notes} view={view} onUpdate={onUpdate} />
      </div>
      {active.length > 0 && (
        <ul className="filter-chips" aria-label={t('noteProps.filter.filters')}>
          {active.map((field) => (
            <li key={field}>
              <ActiveFilterChip doc={doc} view={view} field={field} onUpdate={onUpdate} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** Memoized, like FilterPopover: a keystroke in the title filter does not re-render it. */
const SortMenu = memo(function SortMenu({
  sort: current,
  onUpdate,
}: {
  sort: NoteSort
  onUpdate: UpdateView
}) {
  const { t } = useTranslation()
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <IconButton
          size="sm"
          label={`${t('noteProps.filter.sort')}: ${t(`noteProps.filter.sorts.${current}`)}`}
          data-testid="note-sort"
        >
          <ArrowDownUp size={15} aria-hidden />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4} collisionPadding={8}>
          <DropdownMenu.Label className="menu-label">
            {t('noteProps.filter.sort')}
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={current}
            onValueChange={(sort) => {
              const next = NOTE_SORTS.find((candidate) => candidate === sort)
              if (next !== undefined) onUpdate((current) => ({ ...current, sort: next }))
            }}
          >
            {NOTE_SORTS.map((sort) => (
              <DropdownMenu.RadioItem key={sort} value={sort} className="menu-item">
                <span className="menu-check">
                  <DropdownMenu.ItemIndicator>
                    <Check size={14} aria-hidden />
                  </DropdownMenu.ItemIndicator>
                </span>
                {t(`noteProps.filter.sorts.${sort}`)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
})

/** The filters' popover; it ignores the title text, so typing in the filter skips it. */
const FilterPopover = memo(
  function FilterPopover({
    doc,
    notes,
    view,
    onUpdate,
  }: {
    doc: Y.Doc
    notes: readonly NoteSummary[]
    view: NoteListView
    onUpdate: UpdateView
  }) {
    const { t } = useTranslation()
    const active = activeFilterFields(view)
    return (
      <Popover.Root>
        <Popover.Trigger asChild>
          <IconButton
            size="sm"
            label={t('noteProps.filter.filters')}
            active={active.length > 0}
            className="note-filter-button"
            data-testid="note-filter-button"
          >
            <ListFilter size={15} aria-hidden />
            {active.length > 0 && <span className="note-filter-badge">{active.length}</span>}
          </IconButton>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            className="popover filter-popover"
            align="end"
            sideOffset={6}
            collisionPadding={8}
            data-testid="note-filter-popover"
          >
            <FilterFields doc={doc} notes={notes} view={view} onUpdate={onUpdate} />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    )
  },
  (a, b) =>
    a.doc === b.doc &&
    a.notes === b.notes &&
    a.onUpdate === b.onUpdate &&
    sameIgnoringText(a.view, b.view),
)

function sameIgnoringText(a: NoteListView, b: NoteListView): boolean {
  return (Object.keys(a) as (keyof NoteListView)[]).every(
    (key) => key === 'text' || a[key] === b[key],
  )
}

const ANY = ''

function FilterFields({
  doc,
  notes,
  view,
  onUpdate,
}: {
  doc: Y.Doc
  notes: readonly NoteSummary[]
  view: NoteListView
  onUpdate: UpdateView
}) {
  const { t } = useTranslation()
  const companies = useCompanies(doc)
  const competences = useCompetences(doc)
  // Only while the popover is open: counting 10k notes' tags is not for every keystroke.
  const tags = useMemo(() => noteTagCounts(notes), [notes])
  const authors = useMemo(() => noteAuthors(notes), [notes])
  const any = t('noteProps.filter.any')
  return (
    <div className="filter-fields">
      <FilterSelect
        label={t('noteProps.filter.company')}
        value={view.companyId ?? ANY}
        onChange={(value) =>
          onUpdate((current) => ({
            ...current,
            companyId: value === ANY ? undefined : (value as CompanyId),
          }))
        }
        testId="filter-company"
      >
        <option value={ANY}>{any}</option>
        {companies.map((company) => (
          <option key={company.id} value={company.id}>
            {company.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('noteProps.filter.tag')}
        value={view.tag ?? ANY}
        onChange={(value) =>
          onUpdate((current) => ({ ...current, tag: value === ANY ? undefined : value }))
        }
        testId="filter-tag"
      >
        <option value={ANY}>{any}</option>
        {view.tag !== undefined && !tags.some((entry) => entry.tag === view.tag) && (
          <option value={view.tag}>#{view.tag}</option>
        )}
        {tags.map((entry) => (
          <option key={entry.tag} value={entry.tag}>
            #{entry.tag} ({entry.count})
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('noteProps.filter.competence')}
        value={view.competenceId ?? ANY}
        onChange={(value) =>
          onUpdate((current) => ({
            ...current,
            competenceId: value === ANY ? undefined : (value as CompetenceId),
          }))
        }
        testId="filter-competence"
      >
        <option value={ANY}>{any}</option>
        {competences.map((competence) => (
          <option key={competence.id} value={competence.id}>
            {competence.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('noteProps.filter.type')}
        value={view.type ?? ANY}
        onChange={(value) =>
          onUpdate((current) => ({ ...current, type: isNoteType(value) ? value : undefined }))
        }
        testId="filter-type"
      >
        <option value={ANY}>{any}</option>
        {NOTE_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`noteProps.types.${type}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('noteProps.filter.author')}
        value={view.author ?? ANY}
        onChange={(value) =>
          onUpdate((current) => ({ ...current, author: value === ANY ? undefined : value }))
        }
        testId="filter-author"
      >
        <option value={ANY}>{any}</option>
        {view.author !== undefined && !authors.includes(view.author) && (
          <option value={view.author}>{view.author}</option>
        )}
        {authors.map((author) => (
          <option key={author} value={author}>
            {author}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('noteProps.filter.updated')}
        value={view.updated}
        onChange={(value) => {
          const updated = UPDATED_RANGES.find((range) => range === value)
          if (updated !== undefined) onUpdate((current) => ({ ...current, updated }))
        }}
        testId="filter-updated"
      >
        {UPDATED_RANGES.map((range) => (
          <option key={range} value={range}>
            {t(`noteProps.filter.ranges.${range}`)}
          </option>
        ))}
      </FilterSelect>
      {activeFilterFields(view).length > 0 && (
        <button type="button" className="filter-clear" onClick={() => onUpdate(clearFilters)}>
          {t('noteProps.filter.clear')}
        </button>
      )}
    </div>
  )
}

/** One filter of the list's filter panel. */
function FilterSelect(props: Omit<ComponentProps<typeof SelectField>, 'className'>) {
  return (
    <SelectField
      {...props}
      className="filter-field"
      labelClassName="filter-field-label"
      selectClassName="select filter-select"
    />
  )
}

/** "Company: Lien Møbelverk ×" — what one set filter is, and a way to drop it. */
function ActiveFilterChip({
  doc,
  view,
  field,
  onUpdate,
}: {
  doc: Y.Doc
  view: NoteListView
  field: FilterField
  onUpdate: UpdateView
}) {
  const { t } = useTranslation()
  const companies = useCompanies(doc)
  const competences = useCompetences(doc)
  const name = t(FIELD_LABELS[field])
  const value = ((): string => {
    switch (field) {
      case 'companyId':
        return companies.find((company) => company.id === view.companyId)?.name ?? '…'
      case 'competenceId':
        return (
          competences.find((competence) => competence.id === view.competenceId)?.name ??
          t('noteProps.unknownCompetence')
        )
      case 'tag':
        return `#${view.tag ?? ''}`
      case 'type':
        return view.type === undefined ? '' : t(`noteProps.types.${view.type}`)
      case 'author':
        return view.author ?? ''
      case 'updated':
        return t(`noteProps.filter.ranges.${view.updated satisfies UpdatedRange}`)
    }
  })()
  return (
    <span className="filter-chip" data-testid="filter-chip" data-field={field}>
      <span className="filter-chip-name">{name}</span>
      <span className="filter-chip-value">{value}</span>
      <button
        type="button"
        className="filter-chip-remove"
        aria-label={t('noteProps.filter.remove', { name: `${name}: ${value}` })}
        onClick={() => onUpdate((current) => withoutFilter(current, field))}
      >
        <X size={12} aria-hidden />
      </button>
    </span>
  )
}

/** The label of each filter field (keys, so the chip translates them with its own `t`). */
const FIELD_LABELS = {
  companyId: 'noteProps.filter.company',
  tag: 'noteProps.filter.tag',
  competenceId: 'noteProps.filter.competence',
  type: 'noteProps.filter.type',
  author: 'noteProps.filter.author',
  updated: 'noteProps.filter.updated',
} as const satisfies Record<FilterField, string>
