import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js'
import { foldTerm, tokenize } from '../../../../shared/search/terms'
import { foldWithOffsets, originalRanges, type Range } from './foldOffsets'
import {
  buildPostings,
  candidates,
  filterWord,
  gramsOf,
  mayMatch,
  type FilterWord,
} from './nameFilter'
import { substringHits } from './substringRank'

/**
 * The palette's jump-to matching (issue 7): fuse.js over the short names of everything in a
 * workspace — note titles, board names, companies, competences (both labels and synonyms) and
 * tags — folded like the rest of search (æ/ø/å ≈ ae/oe/aa, no case, no accents). Every query
 * word must match within one name (Fuse's extended search ANDs the words); a word of m letters
 * may have ⌊0.3·m⌋ typos, anywhere in the name.
 *
 * Plain Fuse runs Bitap over every name for every query: 25–35 ms per keystroke over 10k note
 * titles here, two frames. So a query goes through three steps, each sparing the next:
 *
 * 1. an inverted index of the names' letters and letter pairs keeps only the names that can
 *    hold the words (nameFilter.ts);
 * 2. names holding every word exactly are ranked without Fuse (substringRank.ts) — they beat
 *    any name with a typo, so when a kind has enough of them, Fuse has nothing to add;
 * 3. only otherwise does Fuse score the names that do match with typos — found by an exact,
 *    allocation-free edit-distance check (nameFilter.ts `mayMatch`) — in list order, a chunk
 *    at a time, stopping once no later name can rank higher (field-length norm off: among
 *    equal scores, the more recent wins). Fuse ranks and marks the letters; it no longer
 *    searches.
 *
 * Fuse's records are made when the data changes (and kept per name from one build to the next)
 * and handed to it per query with `setCollection`: no index is built per keystroke. None of the
 * steps drops a name plain Fuse would find (fuzzyIndex.test.ts compares them).
 */
export const PALETTE_KINDS = ['note', 'board', 'company', 'competence', 'tag'] as const
export type PaletteKind = (typeof PALETTE_KINDS)[number]

export type FuzzyEntry = {
  kind: PaletteKind
  id: string
  /** What it is called: its label first, then other names (English label, synonyms). */
  names: readonly string[]
}

export type FuzzyHit = {
  entry: FuzzyEntry
  /** 0 is a perfect match, 1 none. */
  score: number
  /** Which of `entry.names` matched. */
  nameIndex: number
  /** The matched characters in that name (UTF-16 offsets of the original). */
  ranges: Range[]
  /** Found with a typo (not every word as typed). */
  typo: boolean
}

export type FuzzySearchOptions = {
  /** At most this many hits of each kind (default 5). */
  perKind?: number
}

export type FuzzyIndex = {
  readonly size: number
  /** Hits grouped by kind (in `PALETTE_KINDS` order), best first within a kind. */
  search(query: string, options?: FuzzySearchOptions): FuzzyHit[]
}

/** Fuse's threshold: a word of m letters may have ⌊0.3·m⌋ errors (3 letters: none, 4–6: one). */
export const FUZZY_THRESHOLD = 0.3
/** Bitap's limit; longer words are cut (they still match on their first 32 letters). */
const MAX_WORD = 32
const MAX_WORDS = 8
/** Folded names are cut here: titles are short; a 10 kB pasted "title" is not searched whole. */
const MAX_NAME = 200
const CHUNK = 64

type FoldedDoc = { names: string[] }
/** One name set as Fuse indexes it (fuse.js does not export the type by name). */
type IndexRecord = ReturnType<FuseIndex<FoldedDoc>['toJSON']>['records'][number]

/** Shared with the tests, which compare against plain Fuse with the same options. */
export const FUSE_OPTIONS: IFuseOptions<FoldedDoc> = {
  keys: ['names'],
  threshold: FUZZY_THRESHOLD,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  useExtendedSearch: true,
  includeScore: true,
  includeMatches: true,
  // The names are folded already.
  isCaseSensitive: true,
}
const KEYS = ['names']

/** The most errors a word of `length` letters may have under the threshold. */
export function allowedErrors(length: number): number {
  let k = Math.floor(FUZZY_THRESHOLD * length)
  while ((k + 1) / length <= FUZZY_THRESHOLD) k++
  while (k > 0 && k / length > FUZZY_THRESHOLD) k--
  return k
}

const PLAIN = /^[\x20-\x7eæøåÆØÅ]*$/
const NORWEGIAN: Readonly<Record<string, string>> = { æ: 'ae', ø: 'oe', å: 'aa' }

/**
 * A name folded for matching, as shared/search/terms.ts `foldTerm` folds it. Most names are
 * plain ASCII and æøå, which fold without Unicode normalisation (the costly part at 10k).
 */
export function foldName(name: string): string {
  const folded = PLAIN.test(name)
    ? name.toLowerCase().replace(/[æøå]/g, (letter) => NORWEGIAN[letter] ?? letter)
    : foldTerm(name)
  return folded.slice(0, MAX_NAME)
}

/** The query's words, folded, at most 8 of at most 32 letters, repeats dropped. */
export function queryWords(query: string): string[] {
  return [...new Set(tokenize(query).map((word) => word.slice(0, MAX_WORD)))].slice(0, MAX_WORDS)
}

/** What an entry costs to prepare, kept from one build to the next while its names stay. */
type Prepared = {
  folded: string[]
  record: NonNullable<IndexRecord['$']>
  grams: Int32Array
}

type Internals = {
  prepared: ReadonlyMap<string, Prepared>
  folds: ReadonlyMap<string, string>
}
const internals = new WeakMap<FuzzyIndex, Internals>()

/**
 * Builds the index. With `previous` (the index this one replaces), names that did not change
 * are not folded or indexed again: a peer renaming one note re-prepares one note.
 */
export function createFuzzyIndex(
  entries: readonly FuzzyEntry[],
  previous?: FuzzyIndex,
): FuzzyIndex {
  const before = previous === undefined ? undefined : internals.get(previous)
  const folds = new Map<string, string>()
  const fold = (name: string): string => {
    const folded = folds.get(name) ?? before?.folds.get(name) ?? foldName(name)
    folds.set(name, folded)
    return folded
  }

  const prepared = new Map<string, Prepared>()
  const perEntry = new Array<Prepared>(entries.length)
  const missing: { at: number; key: string; folded: string[] }[] = []
  entries.forEach((entry, at) => {
    const folded = entry.names.map(fold)
    const key = folded.join('\u0001')
    const known = prepared.get(key) ?? before?.prepared.get(key)
    if (known === undefined) {
      missing.push({ at, key, folded })
      return
    }
    prepared.set(key, known)
    perEntry[at] = known
  })
  if (missing.length > 0) {
    const created = Fuse.createIndex<FoldedDoc>(
      KEYS,
      missing.map(({ folded }) => ({ names: folded })),
    )
    missing.forEach(({ at, key, folded }, i) => {
      const record = (created.records[i] as IndexRecord).$ ?? {}
      const entry = prepared.get(key) ?? { folded, record, grams: gramsOf(folded) }
      prepared.set(key, entry)
      perEntry[at] = entry
    })
  }

  const postings = buildPostings(perEntry.map((entry) => entry.grams))
  const docs: FoldedDoc[] = perEntry.map((entry) => ({ names: entry.folded }))
  const records: IndexRecord[] = perEntry.map((entry, i) => ({ i, $: entry.record }))
  const keys = Fuse.createIndex<FoldedDoc>(KEYS, []).toJSON().keys
  const recordsOf = (pool: readonly number[]) =>
    Fuse.parseIndex<FoldedDoc>({
      keys,
      records: pool.map((at) => records[at] as IndexRecord),
    })
  const fuse = new Fuse<FoldedDoc>(docs, FUSE_OPTIONS, recordsOf([]))
  const namesOf = (at: number): readonly string[] => (perEntry[at] as Prepared).folded
  const everyEntry = Int32Array.from(entries, (_, at) => at)
  // Entries by each folded name, for "a name that is exactly the query" (substringRank.ts).
  const byName = new Map<string, number[]>()
  perEntry.forEach((entry, at) => {
    for (const name of entry.folded) {
      const list = byName.get(name)
      if (list === undefined) byName.set(name, [at])
      else if (list[list.length - 1] !== at) list.push(at)
    }
  })
  const exactly = (whole: string): readonly number[] => byName.get(whole) ?? []

  /** Fuse over `pool` (ascending), best `limit`, stopping once no later entry can do better. */
  /**
   * Fuse over the entries of `pool` (ascending) that `accept`, best `limit`: taken a chunk at
   * a time, and only as far as needed — it stops once no later entry can rank higher.
   */
  const fuzzyHits = (
    pool: readonly number[],
    accept: (at: number) => boolean,
    words: readonly FilterWord[],
    limit: number,
  ) => {
    const query = words.map(({ word }) => word).join(' ')
    // The least a name without every word exactly can score: one word with one typo. An entry
    // matched under several of its names scores their product, so the bound holds for
    // entries with one name only.
    const floor =
      Math.min(...words.filter((w) => w.errors > 0).map((w) => 1 / w.word.length)) / words.length
    const best: { at: number; score: number; nameIndex: number; ranges: Range[] }[] = []
    let next = 0
    let singleNames = true
    while (next < pool.length) {
      const chunk: number[] = []
      for (; next < pool.length && chunk.length < CHUNK; next++) {
        const at = pool[next] as number
        if (!accept(at)) continue
        chunk.push(at)
        if ((entries[at] as FuzzyEntry).names.length > 1) singleNames = false
      }
      if (chunk.length === 0) break
      fuse.setCollection(docs, recordsOf(chunk))
      for (const result of fuse.search(query, { limit })) {
        const match = result.matches?.[0]
        best.push({
          at: result.refIndex,
          score: result.score ?? 1,
          nameIndex: match?.refIndex ?? 0,
          ranges: (match?.indices ?? []).map(([start, end]): Range => [start, end + 1]),
        })
      }
      best.sort((a, b) => a.score - b.score || a.at - b.at)
      best.length = Math.min(best.length, limit)
      const worst = best[limit - 1]
      if (singleNames && worst !== undefined && worst.score <= floor + 1e-12) {
        // A later entry with several names could still score lower: look at the rest for them.
        const later = pool.slice(next).filter((at) => (entries[at] as FuzzyEntry).names.length > 1)
        if (later.length === 0) break
        singleNames = false
      }
    }
    return best
  }

  const index: FuzzyIndex = {
    size: entries.length,
    search(query, options = {}) {
      const perKind = options.perKind ?? 5
      const words = queryWords(query).map((word) => filterWord(word, allowedErrors(word.length)))
      if (words.length === 0 || entries.length === 0) return []
      const pool = candidates(postings, entries.length, words) ?? everyEntry
      const byKind = new Map<PaletteKind, number[]>()
      for (const at of pool) {
        const kind = (entries[at] as FuzzyEntry).kind
        let list = byKind.get(kind)
        if (list === undefined) byKind.set(kind, (list = []))
        list.push(at)
      }
      const plain = words.map(({ word }) => word)
      const typos = words.some(({ errors }) => errors > 0)
      const hits: FuzzyHit[] = []
      const hit = (
        at: number,
        nameIndex: number,
        score: number,
        ranges: readonly Range[],
        typo: boolean,
      ) => {
        const entry = entries[at] as FuzzyEntry
        const name = entry.names[nameIndex] ?? ''
        const folded = namesOf(at)[nameIndex] ?? ''
        const shown = originalRanges(foldWithOffsets(name), folded, ranges)
        hits.push({ entry, score, nameIndex, ranges: shown, typo })
      }
      for (const kind of PALETTE_KINDS) {
        const ofKind = byKind.get(kind)
        if (ofKind === undefined) continue
        const exact = substringHits(ofKind, namesOf, plain, perKind, exactly)
        for (const found of exact) hit(found.at, found.nameIndex, found.score, found.ranges, false)
        if (!typos || exact.length >= perKind) continue
        const found = new Set(exact.map(({ at }) => at))
        const accept = (at: number): boolean =>
          !found.has(at) && namesOf(at).some((name) => words.every((w) => mayMatch(name, w)))
        for (const fuzzy of fuzzyHits(ofKind, accept, words, perKind - exact.length)) {
          hit(fuzzy.at, fuzzy.nameIndex, fuzzy.score, fuzzy.ranges, true)
        }
      }
      return hits
    },
  }
  internals.set(index, { prepared, folds })
  return index
}
