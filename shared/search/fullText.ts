import MiniSearch, { type SearchResult } from 'minisearch'
import { tokenize } from './terms'

/**
 * The full-text index (issue 7): an inverted index (MiniSearch) over everything the cluster
 * wrote — notes, board stickies and frames, companies, competences — with Kryss's own words
 * (terms.ts: æøå folded, accents dropped). fuse.js scans linearly, ~1.2 s per query over 10k
 * notes of 2 KB; an inverted index answers in milliseconds, so full text goes here and fuse.js
 * keeps the short fields (the command palette).
 *
 * Ranking: a hit in the title counts three times one in the body; a whole word above a prefix
 * of one ("varme" finds "varmegjenvinning" too, below "varme" itself); a typo-tolerant match
 * (words of five letters or more, one edit in five) well below both; recent edits break ties.
 * Every word of the query must match.
 */
export const SEARCH_KINDS = ['note', 'sticky', 'company', 'competence'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/** What is indexed of one thing: ids are unique across kinds (`note:…`, `sticky:…`). */
export type SearchDoc = {
  id: string
  kind: SearchKind
  title: string
  body: string
  /** ms since the epoch; the tie-breaker. */
  updatedAt: number
}

export type SearchHit = {
  id: string
  kind: SearchKind
  title: string
  updatedAt: number
  score: number
  /** The folded index terms that matched (to highlight with terms.ts). */
  terms: string[]
}

export type FullTextIndex = {
  /** Adds the document, or replaces the one with its id. */
  upsert(doc: SearchDoc): void
  remove(id: string): void
  has(id: string): boolean
  search(
    query: string,
    options?: {
      limit?: number
      kinds?: readonly SearchKind[]
      /** Keeps only the documents it returns true for (the host's filters). */
      filter?: (id: string, kind: SearchKind) => boolean
    },
  ): SearchHit[]
  readonly size: number
  /** The index as JSON, to keep on disk and load with {@link loadFullTextIndex}. */
  toJSON(): string
}

const OPTIONS = {
  fields: ['title', 'body'],
  storeFields: ['kind', 'title', 'updatedAt'],
  // Words are folded once, by Kryss's tokenizer; MiniSearch keeps them as they come.
  tokenize: (text: string) => tokenize(text),
  processTerm: (term: string) => term,
  searchOptions: {
    boost: { title: 3 },
    prefix: true,
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
    weights: { prefix: 0.5, fuzzy: 0.2 },
    combineWith: 'AND' as const,
  },
}

function wrap(index: MiniSearch<SearchDoc>): FullTextIndex {
  return {
    upsert(doc) {
      if (index.has(doc.id)) index.replace(doc)
      else index.add(doc)
    },
    remove(id) {
      if (index.has(id)) index.discard(id)
    },
    has: (id) => index.has(id),
    search(query, options = {}) {
      const kinds = options.kinds === undefined ? undefined : new Set(options.kinds)
      const keep = options.filter
      const results = index.search(query, {
        filter:
          kinds === undefined && keep === undefined
            ? undefined
            : (result) =>
                (kinds === undefined || kinds.has(result.kind as SearchKind)) &&
                (keep === undefined || keep(String(result.id), result.kind as SearchKind)),
      })
      const hits = results.map((result: SearchResult): SearchHit => ({
        id: String(result.id),
        kind: result.kind as SearchKind,
        title: result.title as string,
        updatedAt: result.updatedAt as number,
        score: result.score,
        terms: result.terms,
      }))
      hits.sort((a, b) => b.score - a.score || b.updatedAt - a.updatedAt)
      return options.limit === undefined ? hits : hits.slice(0, options.limit)
    },
    get size() {
      return index.documentCount
    },
    toJSON: () => JSON.stringify(index),
  }
}

export function createFullTextIndex(): FullTextIndex {
  return wrap(new MiniSearch<SearchDoc>(OPTIONS))
}

/** An index saved with `toJSON`; throws on anything else (the caller rebuilds then). */
export function loadFullTextIndex(json: string): FullTextIndex {
  return wrap(MiniSearch.loadJSON<SearchDoc>(json, OPTIONS))
}
