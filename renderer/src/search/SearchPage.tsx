import {
  Building2,
  CircleX,
  FileText,
  GraduationCap,
  History,
  LoaderCircle,
  Search,
  StickyNote,
  WifiOff,
  X,
  type LucideIcon,
} from 'lucide-react'
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type ComponentProps,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyId, CompetenceId } from '../../../shared/ids'
import { noteAuthors, noteTagCounts } from '../../../shared/model/noteFilter'
import { isNoteType, NOTE_TYPES } from '../../../shared/model/noteTypes'
import { SEARCH_KINDS, type SearchKind } from '../../../shared/search/fullText'
import type { SearchHit, SearchStatus } from '../../../shared/search/protocol'
import { useNow } from '../lib/clock'
import { formatCount, formatDateTime, formatRelativeTime } from '../lib/format'
import { useCompanies, useCompetences, useNoteList } from '../notes/useNotes'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { Button } from '../ui/Button'
import { IconButton } from '../ui/IconButton'
import { SelectField } from '../ui/SelectField'
import { HighlightedText } from './HighlightedText'
import {
  clearRecentSearches,
  forgetSearch,
  rememberSearch,
  useRecentSearches,
} from './recentSearches'
import {
  activeFilterCount,
  groupHits,
  moveActive,
  NO_FILTERS,
  queryFilters,
  SEARCH_DATE_RANGES,
  shownOrder,
  withDateRange,
  type SearchPageFilters,
} from './searchPageState'
import { closeSearchPage, openSearchTarget, setSearchText } from './searchRoute'
import { useFullTextSearch } from './useFullTextSearch'

const KIND_ICONS: Record<SearchKind, LucideIcon> = {
  note: FileText,
  sticky: StickyNote,
  company: Building2,
  competence: GraduationCap,
}

/** The most hits one page asks for (the contract's maximum). */
const PAGE_LIMIT = 100

/**
 * The search page in the main area (route `&s=<text>`, lib/route.ts): a field, focused on
 * open, over results grouped by kind — each with its matched words marked, where it lives and
 * when it changed. ↑/↓ move through the results from the field, Enter opens. Filters narrow
 * by kind, company, tag, competence, author, note type and date. With the field empty it
 * shows the recent searches; it says when the host is still indexing and when it cannot
 * search at all. The query goes to the host (useFullTextSearch, one request per frame).
 */
export function SearchPage({
  connection,
  text,
}: {
  connection: WorkspaceConnection
  /** What the field holds: the route's `s`. */
  text: string
}) {
  const { t, i18n } = useTranslation()
  const [filters, setFilters] = useState<SearchPageFilters>(NO_FILTERS)
  const [active, setActive] = useState<string>()
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  const query = useMemo(() => queryFilters(filters), [filters])
  const search = useFullTextSearch(text, {
    client: connection.search,
    ...query,
    limit: PAGE_LIMIT,
    lane: 'page',
  })
  const groups = useMemo(() => groupHits(search.response?.hits ?? []), [search.response])
  const order = useMemo(() => shownOrder(groups), [groups])
  // The marked hit, or the first when none is (or the marked one left the results).
  const activeId = order.some((hit) => hit.id === active) ? active : order[0]?.id

  useEffect(() => {
    inputRef.current?.focus()
  }, [])
  useEffect(() => {
    if (activeId === undefined) return
    document.getElementById(optionId(listId, activeId))?.scrollIntoView({ block: 'nearest' })
  }, [activeId, listId])

  const competences = useCompetences(connection.doc)
  const open = (hit: SearchHit): void => {
    rememberSearch(connection.workspaceId, text)
    const competence = hit.target.type === 'company' ? hit.target.competence : undefined
    openSearchTarget(hit.target, {
      competenceName: competences.find((entry) => entry.id === competence)?.name,
    })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (
      event.key === 'ArrowDown' ||
      event.key === 'ArrowUp' ||
      ((event.key === 'Home' || event.key === 'End') && event.ctrlKey)
    ) {
      event.preventDefault()
      setActive(moveActive(order, activeId, event.key))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const hit = order.find((candidate) => candidate.id === activeId)
      if (hit !== undefined) open(hit)
      else rememberSearch(connection.workspaceId, text)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (text !== '') setSearchText('')
      else closeSearchPage()
    }
  }

  const trimmed = text.trim()
  const unavailable = search.available === 'unavailable'
  return (
    <section className="search-page" aria-label={t('search.title')} data-testid="search-page">
      <header className="search-header">
        <div className="search-field">
          <Search size={18} aria-hidden className="search-field-icon" />
          <input
            ref={inputRef}
            type="search"
            className="search-input"
            role="combobox"
            aria-label={t('search.fieldLabel')}
            aria-expanded={order.length > 0}
            aria-controls={listId}
            aria-activedescendant={activeId === undefined ? undefined : optionId(listId, activeId)}
            aria-autocomplete="list"
            placeholder={t('search.placeholder')}
            value={text}
            maxLength={200}
            onChange={(event) => setSearchText(event.target.value)}
            onKeyDown={onKeyDown}
            disabled={unavailable}
            data-testid="search-input"
          />
          {search.pending && (
            <LoaderCircle
              size={16}
              className="spin search-field-pending"
              aria-label={t('search.searching')}
              data-testid="search-pending"
            />
          )}
          {text !== '' && (
            <IconButton
              size="sm"
              label={t('search.clearField')}
              onClick={() => {
                setSearchText('')
                inputRef.current?.focus()
              }}
            >
              <CircleX size={15} aria-hidden />
            </IconButton>
          )}
        </div>
        <IconButton label={t('search.close')} onClick={closeSearchPage} data-testid="search-close">
          <X size={16} aria-hidden />
        </IconButton>
      </header>
      {!unavailable && (
        <SearchFilters connection={connection} filters={filters} onChange={setFilters} />
      )}
      <div className="search-body">
        {unavailable ? (
          <div className="empty-state" data-testid="search-unavailable">
            <Search size={32} strokeWidth={1.5} aria-hidden className="empty-state-icon" />
            <p className="empty-state-title">{t('search.unavailableTitle')}</p>
            <p>{t('search.unavailableHint')}</p>
          </div>
        ) : (
          <>
            <StatusLine
              status={search.status}
              error={search.error}
              rateLimited={search.rateLimited}
              total={
                trimmed === '' || search.response?.total === 0 ? undefined : search.response?.total
              }
              shown={order.length}
              tookMs={search.response?.tookMs}
            />
            {trimmed === '' ? (
              <EmptyField
                workspaceId={connection.workspaceId}
                onPick={(recent) => {
                  setSearchText(recent)
                  inputRef.current?.focus()
                }}
              />
            ) : search.response !== undefined && order.length === 0 && !search.pending ? (
              <NoHits
                text={trimmed}
                filtered={activeFilterCount(filters) > 0}
                onClearFilters={() => setFilters(NO_FILTERS)}
              />
            ) : (
              <div
                id={listId}
                role="listbox"
                aria-label={t('search.fieldLabel')}
                className="search-results"
                data-testid="search-results"
              >
                {groups.map((group) => {
                  const Icon = KIND_ICONS[group.kind]
                  const headingId = `${listId}-${group.kind}`
                  return (
                    <div
                      key={group.kind}
                      role="group"
                      aria-labelledby={headingId}
                      className="search-group"
                      data-testid="search-group"
                      data-kind={group.kind}
                    >
                      <h2 id={headingId} className="search-group-title">
                        <Icon size={15} aria-hidden />
                        {t(`search.kinds.${group.kind}`)}
                        <span className="search-group-count">
                          {formatCount(group.hits.length, i18n.language)}
                        </span>
                      </h2>
                      {group.hits.map((hit) => (
                        <HitRow
                          key={hit.id}
                          id={optionId(listId, hit.id)}
                          hit={hit}
                          active={hit.id === activeId}
                          onOpen={() => open(hit)}
                          onHover={() => setActive(hit.id)}
                        />
                      ))}
                    </div>
                  )
                })}
              </div>
            )}
          </>
        )}
      </div>
    </section>
  )
}

function optionId(listId: string, hitId: string): string {
  return `${listId}-${hitId.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

function HitRow({
  id,
  hit,
  active,
  onOpen,
  onHover,
}: {
  id: string
  hit: SearchHit
  active: boolean
  onOpen: () => void
  onHover: () => void
}) {
  const { t, i18n } = useTranslation()
  const title = hit.title.some((segment) => segment.text.trim() !== '') ? (
    <HighlightedText segments={hit.title} />
  ) : (
    <span className="search-hit-untitled">{t('search.untitled')}</span>
  )
  const now = useNow()
  const titleText = hit.title.map((segment) => segment.text).join('')
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'search-hit is-active' : 'search-hit'}
      onClick={onOpen}
      onMouseMove={active ? undefined : onHover}
      data-testid="search-hit"
      data-kind={hit.kind}
      data-hit-id={hit.id}
    >
      <span className="search-hit-title" data-testid="search-hit-title">
        {title}
      </span>
      {hit.snippet.length > 0 && (
        <span className="search-hit-snippet" data-testid="search-hit-snippet">
          <HighlightedText segments={hit.snippet} />
        </span>
      )}
      <span className="search-hit-meta">
        {hit.context !== undefined && hit.context !== '' && !titleText.includes(hit.context) && (
          <span className="search-hit-context">{hit.context}</span>
        )}
        {hit.updatedAt > 0 && (
          <time
            dateTime={new Date(hit.updatedAt).toISOString()}
            title={formatDateTime(hit.updatedAt, i18n.language)}
          >
            {t('search.changed', {
              when: formatRelativeTime(hit.updatedAt, now, i18n.language, t('search.justNow')),
            })}
          </time>
        )}
      </span>
    </div>
  )
}

/** Hits, time taken, and the index while it builds ("Indexing 3 200 of 10 000…"). */
function StatusLine({
  status,
  error,
  rateLimited,
  total,
  shown,
  tookMs,
}: {
  status: SearchStatus | undefined
  error: string | undefined
  /** The host asked us to slow down; the query is asked again shortly. */
  rateLimited: boolean
  total: number | undefined
  shown: number
  tookMs: number | undefined
}) {
  const { t, i18n } = useTranslation()
  const parts: ReactNode[] = []
  if (total !== undefined) {
    parts.push(
      <span key="total" data-testid="search-total">
        {total > shown
          ? t('search.resultsMore', {
              shown: formatCount(shown, i18n.language),
              count: total,
            })
          : t('search.results', { count: total })}
        {tookMs !== undefined && ` · ${Math.round(tookMs)} ms`}
      </span>,
    )
  }
  if (status?.state === 'building') {
    parts.push(
      <span
        key="building"
        className="search-building"
        title={t('search.buildingHint')}
        data-testid="search-building"
      >
        <LoaderCircle size={13} aria-hidden className="spin" />
        {t('search.building', {
          indexed: formatCount(status.indexed, i18n.language),
          total: formatCount(status.total, i18n.language),
        })}
      </span>,
    )
  }
  if (rateLimited) {
    parts.push(
      <span key="limited" className="search-building" data-testid="search-rate-limited">
        <LoaderCircle size={13} aria-hidden className="spin" />
        {t('search.rateLimited')}
      </span>,
    )
  }
  if (error !== undefined) {
    parts.push(
      <span key="error" className="search-error" data-testid="search-error">
        <WifiOff size={13} aria-hidden />
        {error.includes('offline') ? t('search.offline') : t('search.failed', { message: error })}
      </span>,
    )
  }
  return (
    <p className="search-status" role="status" data-testid="search-status">
      {parts}
      {parts.length > 0 && total !== undefined && shown > 0 && (
        <span className="search-keys" aria-hidden>
          {t('search.keyboardHint')}
        </span>
      )}
    </p>
  )
}

function EmptyField({
  workspaceId,
  onPick,
}: {
  workspaceId: WorkspaceConnection['workspaceId']
  onPick: (text: string) => void
}) {
  const { t } = useTranslation()
  const recent = useRecentSearches(workspaceId)
  return (
    <div className="search-empty">
      {recent.length > 0 && (
        <section
          className="search-recent"
          aria-labelledby="search-recent-title"
          data-testid="search-recent"
        >
          <div className="search-recent-head">
            <h2 id="search-recent-title" className="search-group-title">
              <History size={15} aria-hidden />
              {t('search.recent.title')}
            </h2>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => clearRecentSearches(workspaceId)}
              data-testid="search-recent-clear"
            >
              {t('search.recent.clear')}
            </Button>
          </div>
          <ul className="search-recent-list">
            {recent.map((entry) => (
              <li key={entry} className="search-recent-item">
                <button
                  type="button"
                  className="search-recent-text"
                  onClick={() => onPick(entry)}
                  data-testid="search-recent-item"
                >
                  <Search size={13} aria-hidden />
                  {entry}
                </button>
                <IconButton
                  size="sm"
                  label={t('search.recent.remove', { text: entry })}
                  onClick={() => forgetSearch(workspaceId, entry)}
                >
                  <X size={13} aria-hidden />
                </IconButton>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="search-intro">
        <p className="search-intro-title">{t('search.emptyTitle')}</p>
        <p>{t('search.emptyHint')}</p>
        <p>{t('search.spellingHint')}</p>
      </div>
    </div>
  )
}

function NoHits({
  text,
  filtered,
  onClearFilters,
}: {
  text: string
  filtered: boolean
  onClearFilters: () => void
}) {
  const { t } = useTranslation()
  return (
    <div className="empty-state search-no-hits" data-testid="search-no-hits">
      <Search size={32} strokeWidth={1.5} aria-hidden className="empty-state-icon" />
      <p className="empty-state-title">{t('search.noHits', { text })}</p>
      <p>{t('search.noHitsHint')}</p>
      {filtered && (
        <>
          <p>{t('search.noHitsFiltered')}</p>
          <Button size="sm" onClick={onClearFilters}>
            {t('search.filters.clear')}
          </Button>
        </>
      )}
    </div>
  )
}

const ANY = ''

/**
 * The kind switch and the filters: company, tag, competence, author, note type, date. Tags
 * and authors come from the note list, companies and competences from the workspace (the
 * same choices the note list's filter offers).
 */
function SearchFilters({
  connection,
  filters,
  onChange,
}: {
  connection: WorkspaceConnection
  filters: SearchPageFilters
  onChange: (filters: SearchPageFilters) => void
}) {
  const { t } = useTranslation()
  const doc = connection.doc
  const companies = useCompanies(doc)
  const competences = useCompetences(doc)
  const notes = useNoteList(doc)
  const tags = useMemo(() => noteTagCounts(notes), [notes])
  const authors = useMemo(() => noteAuthors(notes), [notes])
  const set = (change: Partial<SearchPageFilters>): void => onChange({ ...filters, ...change })
  return (
    <div className="search-filters" data-testid="search-filters">
      <div className="segmented search-kinds" role="group" aria-label={t('search.kindsLabel')}>
        {[undefined, ...SEARCH_KINDS].map((kind) => (
          <button
            key={kind ?? 'all'}
            type="button"
            className={kind === filters.kind ? 'segment is-active' : 'segment'}
            aria-pressed={kind === filters.kind}
            onClick={() => set({ kind })}
            data-testid={`search-kind-${kind ?? 'all'}`}
          >
            {kind === undefined ? t('search.allKinds') : t(`search.kinds.${kind}`)}
          </button>
        ))}
      </div>
      <div className="search-filter-fields" role="group" aria-label={t('search.filters.label')}>
        <FilterSelect
          label={t('search.filters.company')}
          value={filters.companyId ?? ANY}
          onChange={(value) => set({ companyId: value === ANY ? undefined : (value as CompanyId) })}
          testId="search-filter-company"
        >
          <option value={ANY}>{t('search.filters.anyCompany')}</option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('search.filters.tag')}
          value={filters.tag ?? ANY}
          onChange={(value) => set({ tag: value === ANY ? undefined : value })}
          testId="search-filter-tag"
        >
          <option value={ANY}>{t('search.filters.anyTag')}</option>
          {tags.map((entry) => (
            <option key={entry.tag} value={entry.tag}>
              #{entry.tag} ({entry.count})
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('search.filters.competence')}
          value={filters.competenceId ?? ANY}
          onChange={(value) =>
            set({ competenceId: value === ANY ? undefined : (value as CompetenceId) })
          }
          testId="search-filter-competence"
        >
          <option value={ANY}>{t('search.filters.anyCompetence')}</option>
          {competences.map((competence) => (
            <option key={competence.id} value={competence.id}>
              {competence.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('search.filters.author')}
          value={filters.author ?? ANY}
          onChange={(value) => set({ author: value === ANY ? undefined : value })}
          testId="search-filter-author"
        >
          <option value={ANY}>{t('search.filters.anyAuthor')}</option>
          {authors.map((author) => (
            <option key={author} value={author}>
              {author}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('search.filters.type')}
          value={filters.type ?? ANY}
          onChange={(value) => set({ type: isNoteType(value) ? value : undefined })}
          testId="search-filter-type"
        >
          <option value={ANY}>{t('search.filters.anyType')}</option>
          {NOTE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`noteProps.types.${type}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('search.filters.date')}
          value={filters.date}
          onChange={(value) => {
            const range = SEARCH_DATE_RANGES.find((candidate) => candidate === value)
            if (range !== undefined) onChange(withDateRange(filters, range, Date.now()))
          }}
          testId="search-filter-date"
        >
          {SEARCH_DATE_RANGES.map((range) => (
            <option key={range} value={range}>
              {t(`search.filters.ranges.${range}`)}
            </option>
          ))}
        </FilterSelect>
        {activeFilterCount(filters) > 0 && (
          <Button
            size="sm"
            variant="ghost"
            className="search-filters-clear"
            onClick={() => onChange(NO_FILTERS)}
            data-testid="search-filters-clear"
          >
            {t('search.filters.clear')}
          </Button>
        )}
      </div>
    </div>
  )
}

/** One filter of the row; set ones stand out. */
function FilterSelect(props: Omit<ComponentProps<typeof SelectField>, 'className'>) {
  const set = props.value !== ANY && props.value !== 'any'
  return (
    <SelectField
      {...props}
      className="search-filter"
      labelClassName="visually-hidden"
      selectClassName={set ? 'select search-select is-set' : 'select search-select'}
    />
  )
}
