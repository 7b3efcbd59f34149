import { performance } from 'node:perf_hooks'
import type { IndexedDoc } from '../../../shared/search/documents'
import type { FullTextIndex, SearchKind } from '../../../shared/search/fullText'
import {
  searchQuerySchema,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
  type SearchStatus,
} from '../../../shared/search/protocol'
import {
  foldTerm,
  highlight,
  looseTerm,
  queryTerms,
  snippet,
  termsOf,
  wordMatches,
  type QueryTerm,
  type Segment,
} from '../../../shared/search/terms'

/** Hits per answer when the query does not say. */
export const DEFAULT_LIMIT = 30

type Filters = NonNullable<SearchQuery['filters']>

/** Whether a document passes every filter; a filter its kind cannot have excludes it. */
export function passesFilters(doc: IndexedDoc, filters: Filters | undefined): boolean {
  if (filters === undefined) return true
  const f = doc.filters
  if (filters.companyId !== undefined && !(f.companyIds ?? []).includes(filters.companyId))
    return false
  if (filters.competenceId !== undefined && !(f.competenceIds ?? []).includes(filters.competenceId))
    return false
  if (filters.tag !== undefined) {
    const key = filters.tag
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^#+\s*/, '')
      .toLocaleLowerCase('nb')
    if (!(f.tags ?? []).includes(key)) return false
  }
  if (filters.type !== undefined && f.type !== filters.type) return false
  if (filters.author !== undefined) {
    const author = foldTerm(filters.author.trim())
    if (!(f.authors ?? []).some((name) => foldTerm(name) === author)) return false
  }
  if (filters.updatedSince !== undefined && doc.updatedAt < filters.updatedSince) return false
  if (filters.updatedBefore !== undefined && doc.updatedAt >= filters.updatedBefore) return false
  return true
}

const WORD = /[\p{L}\p{N}]+/gu
const PLAIN = /^[a-z0-9]+$/i
const PASSAGE = 160

/** A word folded as terms.ts does (with its loose form), quickly for plain ASCII words. */
function fold(word: string): { term: string; loose?: string } {
  if (PLAIN.test(word)) return { term: word.toLowerCase() }
  const loose = looseTerm(word)
  return loose === undefined ? { term: foldTerm(word) } : { term: foldTerm(word), loose }
}

/**
 * terms.ts's `snippet`, cut from a window around the first hit: folding every word of a 2 KB
 * body for 30 hits was most of a query's time.
 */
export function passage(text: string, terms: readonly QueryTerm[]): Segment[] {
  if (text.length <= 3 * PASSAGE || terms.length === 0) return snippet(text, terms)
  let first = -1
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0])
    if (terms.some((term) => wordMatches(word, term))) {
      first = match.index
      break
    }
  }
  if (first < 0) return []
  let start = Math.max(0, first - PASSAGE)
  let end = Math.min(text.length, first + 2 * PASSAGE)
  if (start > 0) start = Math.max(start, text.indexOf(' ', start) + 1)
  if (end < text.length) end = Math.max(first + 1, text.lastIndexOf(' ', end))
  const segments = snippet(text.slice(start, end), terms)
  if (start > 0 && segments[0]?.text !== '… ') segments.unshift({ text: '… ', hit: false })
  if (end < text.length && segments.at(-1)?.text !== ' …') segments.push({ text: ' …', hit: false })
  return segments
}

function toHit(doc: IndexedDoc, terms: readonly QueryTerm[]): SearchHit {
  let shown = passage(doc.body, terms)
  // Only a passage that shows a hit; a title-only match has none.
  if (!shown.some((segment) => segment.hit)) shown = []
  return {
    id: doc.id,
    kind: doc.kind,
    title: highlight(doc.title, terms),
    snippet: shown,
    ...(doc.context === undefined || doc.context === '' ? {} : { context: doc.context }),
    updatedAt: doc.updatedAt,
    target: doc.target,
  }
}

/** Whether any word of `text` answers one of `terms` (cheap check before cutting a snippet). */
export function mentions(text: string, terms: readonly QueryTerm[]): boolean {
  return termsOf(text).some((word) => terms.some((term) => wordMatches(word, term)))
}

/**
 * Answers one request (its JSON as received): parsed with the contract's schema — a bad one
 * gets `error` and no hits —, searched, filtered, cut to `limit`, every hit's title and
 * passage marked with the words that matched, typos included (the index's matched terms).
 */
export function answerQuery(
  json: string,
  index: FullTextIndex,
  docs: ReadonlyMap<string, IndexedDoc>,
  status: SearchStatus,
): SearchResponse {
  const started = performance.now()
  const took = () => Math.round((performance.now() - started) * 100) / 100
  let query: SearchQuery
  try {
    const parsed = searchQuerySchema.safeParse(JSON.parse(json))
    if (!parsed.success) {
      return {
        hits: [],
        total: 0,
        tookMs: took(),
        status,
        error: parsed.error.issues[0]?.message ?? 'bad query',
      }
    }
    query = parsed.data
  } catch {
    return { hits: [], total: 0, tookMs: took(), status, error: 'The query is not JSON.' }
  }
  const limit = query.limit ?? DEFAULT_LIMIT
  const kinds = query.kinds as readonly SearchKind[] | undefined
  const filters = query.filters
  const typed = queryTerms(query.text)
  if (typed.length === 0) {
    // No words: the most recent documents that pass the filters (a filter-only search).
    if (filters === undefined && kinds === undefined) {
      return { hits: [], total: 0, tookMs: took(), status }
    }
    const kindSet = kinds === undefined ? undefined : new Set(kinds)
    const matched = [...docs.values()].filter(
      (doc) => (kindSet === undefined || kindSet.has(doc.kind)) && passesFilters(doc, filters),
    )
    matched.sort((a, b) => b.updatedAt - a.updatedAt)
    return {
      hits: matched.slice(0, limit).map((doc) => toHit(doc, [])),
      total: matched.length,
      tookMs: took(),
      status,
    }
  }
  const found = index.query(query.text, {
    limit,
    ...(kinds === undefined ? {} : { kinds }),
    ...(filters === undefined
      ? {}
      : {
          filter: (id: string) => {
            const doc = docs.get(id)
            return doc !== undefined && passesFilters(doc, filters)
          },
        }),
  })
  const hits: SearchHit[] = []
  for (const hit of found.hits) {
    const doc = docs.get(hit.id)
    if (doc === undefined) continue
    // What the user typed (as prefixes) and the index's own matched words (typos too).
    const terms = [...typed, ...hit.terms.map((term) => ({ term, prefix: false }))]
    hits.push(toHit(doc, terms))
  }
  return { hits, total: found.total, tookMs: took(), status }
}
