import type { CompanyId, CompetenceId } from '../../../shared/ids'
import type { NoteType } from '../../../shared/model/noteTypes'
import { SEARCH_KINDS, type SearchKind } from '../../../shared/search/fullText'
import type { SearchHit, SearchQuery } from '../../../shared/search/protocol'

/**
 * The search page's filters and how its results are laid out — pure, so the page stays a view
 * and the rules are tested here. Filters use the note list's field names
 * (shared/model/noteFilter.ts); a filter a kind cannot satisfy leaves that kind out (the host
 * decides that, see shared/search/protocol.ts).
 */
export const SEARCH_DATE_RANGES = ['any', 'week', 'month', 'year'] as const
export type SearchDateRange = (typeof SEARCH_DATE_RANGES)[number]

export type SearchPageFilters = {
  /** One kind only; `undefined`: all kinds. */
  kind: SearchKind | undefined
  companyId: CompanyId | undefined
  tag: string | undefined
  competenceId: CompetenceId | undefined
  author: string | undefined
  type: NoteType | undefined
  date: SearchDateRange
  /**
   * The earliest change `date` keeps, fixed when the range was chosen: a query that moved
   * with the clock would be a new query on every render.
   */
  since: number | undefined
}

export const NO_FILTERS: SearchPageFilters = {
  kind: undefined,
  companyId: undefined,
  tag: undefined,
  competenceId: undefined,
  author: undefined,
  type: undefined,
  date: 'any',
  since: undefined,
}

const DAY_MS = 24 * 60 * 60 * 1000
const RANGE_DAYS: Record<Exclude<SearchDateRange, 'any'>, number> = {
  week: 7,
  month: 30,
  year: 365,
}

/** The filters with `date` set to `range`, counted back from `now`. */
export function withDateRange(
  filters: SearchPageFilters,
  range: SearchDateRange,
  now: number,
): SearchPageFilters {
  return {
    ...filters,
    date: range,
    since: range === 'any' ? undefined : now - RANGE_DAYS[range] * DAY_MS,
  }
}

/** How many filters are set (the kind counts: it narrows too). */
export function activeFilterCount(filters: SearchPageFilters): number {
  return [
    filters.kind,
    filters.companyId,
    filters.tag,
    filters.competenceId,
    filters.author,
    filters.type,
    filters.since,
  ].filter((value) => value !== undefined).length
}

/** The parts of a {@link SearchQuery} the filters make (the text is the hook's). */
export function queryFilters(filters: SearchPageFilters): Pick<SearchQuery, 'kinds' | 'filters'> {
  const narrowing: NonNullable<SearchQuery['filters']> = {}
  if (filters.companyId !== undefined) narrowing.companyId = filters.companyId
  if (filters.competenceId !== undefined) narrowing.competenceId = filters.competenceId
  if (filters.tag !== undefined) narrowing.tag = filters.tag
  if (filters.type !== undefined) narrowing.type = filters.type
  if (filters.author !== undefined) narrowing.author = filters.author
  if (filters.since !== undefined) narrowing.updatedSince = filters.since
  return {
    ...(filters.kind === undefined ? {} : { kinds: [filters.kind] }),
    ...(Object.keys(narrowing).length === 0 ? {} : { filters: narrowing }),
  }
}

export type HitGroup = { kind: SearchKind; hits: readonly SearchHit[] }

/**
 * Hits in groups by kind — notes, on boards, companies, competences — each in the host's rank
 * order. Empty groups are left out.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  return SEARCH_KINDS.map((kind) => ({
    kind,
    hits: hits.filter((hit) => hit.kind === kind),
  })).filter((group) => group.hits.length > 0)
}

/** The hits in the order they are shown (group after group), for ↑/↓. */
export function shownOrder(groups: readonly HitGroup[]): SearchHit[] {
  return groups.flatMap((group) => group.hits)
}

/**
 * The hit to mark after a keystroke: ↑/↓ move one step (stopping at the ends), Home/End jump.
 * `current` is a hit id, or `undefined` (nothing marked yet: ↓ marks the first).
 */
export function moveActive(
  order: readonly SearchHit[],
  current: string | undefined,
  key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End',
): string | undefined {
  if (order.length === 0) return undefined
  const index = current === undefined ? -1 : order.findIndex((hit) => hit.id === current)
  const last = order.length - 1
  const next =
    key === 'Home'
      ? 0
      : key === 'End'
        ? last
        : key === 'ArrowDown'
          ? Math.min(last, index + 1)
          : index <= 0
            ? 0
            : index - 1
  return order[next]?.id
}
