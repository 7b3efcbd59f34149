import { foldTerm, looseTerm } from './terms'

/**
 * The full-text index (issue 7): an inverted index over everything the cluster wrote — notes,
 * board stickies and frames, companies, competences — with Kryss's own words (terms.ts: æøå
 * folded, accents dropped). fuse.js scans linearly, ~1.2 s per query over 10k notes of 2 KB;
 * an inverted index answers in milliseconds, so full text goes here and fuse.js keeps the
 * short fields (the command palette).
 *
 * Ranking (BM25+, per field): a hit in the title counts three times one in the body; a whole
 * word above a prefix of one ("varme" finds "varmegjenvinning" too, below "varme" itself); a
 * typo-tolerant match (words of five letters or more, one edit in five, same first letter)
 * well below both; recent edits break ties. Every word of the query must match.
 *
 * Loose forms (terms.ts `looseTerm`: "mobel" for "møbel") are terms of their own, kept apart
 * from the folded ones by a leading U+0001 (so prefixes stay in one range of the sorted
 * terms). A query word looks in both; a loose term counts {@link LOOSE_WEIGHT} of the folded
 * one, and a document gets the better of what the word scored through folded terms and
 * through loose ones, never both — so a word with æøå is not counted twice, and an exact
 * spelling ranks above the same word found loosely. Loose forms do not count in a field's
 * length (BM25), which stays the number of words.
 *
 * Why not MiniSearch (the first version): its index is maps of maps, and rebuilding them from
 * JSON took ~0.9 s per 10k notes — the host would start with search missing for seconds. Here
 * postings are flat `Uint32Array`s: saved as bytes, loaded as views of those bytes (≈ 50 ms
 * for 10k notes). Edits append postings and leave the old ones dead until the next `compact`
 * (done before every save).
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

export type SearchOptions = {
  limit?: number
  kinds?: readonly SearchKind[]
  /** Keeps only the documents it returns true for (the host's filters). */
  filter?: (id: string, kind: SearchKind) => boolean
}

export type FullTextIndex = {
  /** Adds the document, or replaces the one with its id. */
  upsert(doc: SearchDoc): void
  remove(id: string): void
  has(id: string): boolean
  /** Every hit, best first (`limit` cuts them). */
  search(query: string, options?: SearchOptions): SearchHit[]
  /** The first `limit` hits (their `terms` filled) and how many there were in all. */
  query(query: string, options?: SearchOptions): { hits: SearchHit[]; total: number }
  readonly size: number
  /** Drops dead postings left by edits and removals (before saving). */
  compact(): void
  /** The index as bytes, to keep on disk and load with {@link loadFullTextIndex}. */
  toBytes(): Uint8Array
}

const TITLE_BOOST = 3
const PREFIX_WEIGHT = 0.5
const FUZZY_WEIGHT = 0.2
/** What a match through a loose form (æøå typed as a/o) counts, against a folded one. */
const LOOSE_WEIGHT = 0.7
/** Marks a loose form among the terms (sorts before every letter and digit). */
const LOOSE = '\u0001'
/** The saved bytes' version (`toBytes`): 2 has loose forms; a 1 is refused (rebuilt). */
const BYTES_VERSION = 2
/** Typos are looked for in words of this many letters or more, one edit per five letters. */
const FUZZY_MIN_LENGTH = 5
const FUZZY_RATIO = 0.2
// BM25+ constants (the usual ones).
const K1 = 1.2
const B = 0.7
const DELTA = 0.5
const KINDS: readonly SearchKind[] = SEARCH_KINDS
/** At most this many terms stand for a prefix of three letters or more (fewer for shorter). */
const MAX_PREFIX_TERMS = 64
const FREQ_MAX = 0xffff

/** A term's postings: pairs (slot, titleFreq << 16 | bodyFreq), slots increasing. */
type Postings = { base: Uint32Array; extra: number[] }

type Slots = {
  ids: string[]
  kinds: Uint8Array
  titles: string[]
  updatedAt: Float64Array
  titleLength: Uint32Array
  bodyLength: Uint32Array
  alive: Uint8Array
  count: number
}

function grow<T extends Uint8Array | Uint32Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2))
  next.set(array)
  return next
}

const WORD = /[\p{L}\p{N}]+/gu
const PLAIN = /^[A-Za-z0-9]+$/

/**
 * terms.ts's `tokenize`, word for word the same, with a shortcut for plain ASCII words (most
 * words of most texts), which fold to their lower case: indexing 10k notes spent most of its
 * time normalising words that had nothing to normalise.
 */
function tokenize(text: string): string[] {
  const out: string[] = []
  for (const match of text.matchAll(WORD)) {
    const word = match[0]
    const term = PLAIN.test(word) ? word.toLowerCase() : foldTerm(word)
    if (term !== '') out.push(term)
  }
  return out
}

/**
 * A field's terms with their counts — folded forms, and loose ones marked with {@link LOOSE}
 * for words with æøå — and its length in words (folded forms only).
 */
function termCounts(text: string): { counts: Map<string, number>; length: number } {
  const counts = new Map<string, number>()
  let length = 0
  for (const match of text.matchAll(WORD)) {
    const word = match[0]
    if (PLAIN.test(word)) {
      const term = word.toLowerCase()
      counts.set(term, (counts.get(term) ?? 0) + 1)
      length++
      continue
    }
    const term = foldTerm(word)
    if (term === '') continue
    counts.set(term, (counts.get(term) ?? 0) + 1)
    length++
    const loose = looseTerm(word)
    if (loose !== undefined) counts.set(LOOSE + loose, (counts.get(LOOSE + loose) ?? 0) + 1)
  }
  return { counts, length }
}

let rowA = new Uint16Array(64)
let rowB = new Uint16Array(64)

/** Levenshtein distance of `a` and `b` if at most `max`, else `max + 1` (no allocation). */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (b.length + 1 > rowA.length) {
    rowA = new Uint16Array(b.length + 1)
    rowB = new Uint16Array(b.length + 1)
  }
  let previous = rowA
  let current = rowB
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let best = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
      current[j] = value
      if (value < best) best = value
    }
    if (best > max) return max + 1
    const swap = previous
    previous = current
    current = swap
  }
  return previous[b.length] as number
}

/** The `k` first of `items` in `compare` order (a full sort only when most are wanted). */
function topK(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  if (k * 4 >= items.length) return items.sort(compare).slice(0, k)
  const top: number[] = []
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1] as number) >= 0) continue
    let at = top.length
    while (at > 0 && compare(item, top[at - 1] as number) < 0) at--
    top.splice(at, 0, item)
    if (top.length > k) top.pop()
  }
  return top
}

/** First index in the sorted `terms` whose term is ≥ `value`. */
function lowerBound(terms: readonly string[], value: string): number {
  let lo = 0
  let hi = terms.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((terms[mid] as string) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Whether postings hold `slot` (binary search; slots increase). */
function holds(postings: Postings, slot: number): boolean {
  const search = (array: ArrayLike<number>): boolean => {
    let lo = 0
    let hi = array.length / 2
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const value = array[mid * 2] as number
      if (value === slot) return true
      if (value < slot) lo = mid + 1
      else hi = mid
    }
    return false
  }
  return search(postings.base) || search(postings.extra)
}

class Index implements FullTextIndex {
  private readonly byId = new Map<string, number>()
  /** Terms in sorted order, for prefixes and typos. */
  private sorted: string[]
  private sortedDirty = false
  private totalTitle = 0
  private totalBody = 0
  private live = 0

  constructor(
    private slots: Slots,
    private terms: Map<string, Postings>,
    /** The terms in sorted order when the caller has them (a loaded index does). */
    sorted?: string[],
  ) {
    for (let slot = 0; slot < slots.count; slot++) {
      if (slots.alive[slot] !== 1) continue
      this.byId.set(slots.ids[slot] as string, slot)
      this.totalTitle += slots.titleLength[slot] as number
      this.totalBody += slots.bodyLength[slot] as number
      this.live++
    }
    this.sorted = sorted ?? [...terms.keys()].sort()
  }

  get size(): number {
    return this.live
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  upsert(doc: SearchDoc): void {
    this.remove(doc.id)
    const s = this.slots
    const slot = s.count++
    s.kinds = grow(s.kinds, s.count)
    s.updatedAt = grow(s.updatedAt, s.count)
    s.titleLength = grow(s.titleLength, s.count)
    s.bodyLength = grow(s.bodyLength, s.count)
    s.alive = grow(s.alive, s.count)
    const { counts: title, length: titleLength } = termCounts(doc.title)
    const { counts: body, length: bodyLength } = termCounts(doc.body)
    s.ids[slot] = doc.id
    s.titles[slot] = doc.title
    s.kinds[slot] = Math.max(0, KINDS.indexOf(doc.kind))
    s.updatedAt[slot] = doc.updatedAt
    s.titleLength[slot] = titleLength
    s.bodyLength[slot] = bodyLength
    s.alive[slot] = 1
    for (const term of new Set([...title.keys(), ...body.keys()])) {
      let postings = this.terms.get(term)
      if (postings === undefined) {
        postings = { base: new Uint32Array(0), extra: [] }
        this.terms.set(term, postings)
        this.sortedDirty = true
      }
      const t = Math.min(FREQ_MAX, title.get(term) ?? 0)
      const b = Math.min(FREQ_MAX, body.get(term) ?? 0)
      postings.extra.push(slot, ((t << 16) | b) >>> 0)
    }
    this.byId.set(doc.id, slot)
    this.totalTitle += titleLength
    this.totalBody += bodyLength
    this.live++
  }

  remove(id: string): void {
    const slot = this.byId.get(id)
    if (slot === undefined) return
    this.byId.delete(id)
    this.slots.alive[slot] = 0
    this.totalTitle -= this.slots.titleLength[slot] as number
    this.totalBody -= this.slots.bodyLength[slot] as number
    this.live--
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.query(query, options).hits
  }

  query(query: string, options: SearchOptions = {}): { hits: SearchHit[]; total: number } {
    const words = [...new Set(tokenize(query))]
    if (words.length === 0 || this.live === 0) return { hits: [], total: 0 }
    if (this.sortedDirty) {
      this.sorted = [...this.terms.keys()].sort()
      this.sortedDirty = false
    }
    const s = this.slots
    const n = s.count
    const kinds =
      options.kinds === undefined ? undefined : new Set(options.kinds.map((k) => KINDS.indexOf(k)))
    // 0 unknown, 1 passes, 2 filtered out: each slot asks the filter once.
    const verdict = new Uint8Array(n)
    const passes = (slot: number): boolean => {
      const known = verdict[slot] as number
      if (known !== 0) return known === 1
      const ok =
        s.alive[slot] === 1 &&
        (kinds === undefined || kinds.has(s.kinds[slot] as number)) &&
        (options.filter === undefined ||
          options.filter(s.ids[slot] as string, KINDS[s.kinds[slot] as number] as SearchKind))
      verdict[slot] = ok ? 1 : 2
      return ok
    }
    const avgTitle = this.totalTitle / this.live || 1
    const avgBody = this.totalBody / this.live || 1
    const scores = new Float64Array(n)
    const matched = new Uint8Array(n)
    const lastWord = new Uint16Array(n)
    // One word's score per slot through folded terms and through loose ones: the better of the
    // two counts, so a word is never counted twice for one document.
    const foldedPart = new Float64Array(n)
    const loosePart = new Float64Array(n)
    const touched: number[] = []
    const candidates: string[] = []

    const idfOf = (postings: Postings): number => {
      const df = (postings.base.length + postings.extra.length) / 2
      return Math.log(1 + (this.live - df + 0.5) / (df + 0.5))
    }
    for (const [w, word] of words.entries()) {
      const expansions = [...this.expand(word, ''), ...this.expand(word, LOOSE)]
      const wordSlots: number[] = []
      for (const [term, weight] of expansions) {
        candidates.push(term)
        const loose = term.startsWith(LOOSE)
        // A prefix or a typo is never rarer (so worth more) than the word itself.
        const exact = this.terms.get(loose ? LOOSE + word : word)
        const cap = exact === undefined ? Infinity : idfOf(exact)
        const postings = this.terms.get(term) as Postings
        const idf = Math.min(cap, idfOf(postings))
        const visit = (array: ArrayLike<number>): void => {
          for (let i = 0; i < array.length; i += 2) {
            const slot = array[i] as number
            if (!passes(slot)) continue
            // Every word but the first must hit a document the earlier ones hit.
            if (w > 0 && matched[slot] !== w && lastWord[slot] !== w + 1) continue
            const packed = array[i + 1] as number
            const tf = packed >>> 16
            const bf = packed & FREQ_MAX
            let score = 0
            if (tf > 0) {
              const norm = 1 - B + (B * (s.titleLength[slot] as number)) / avgTitle
              score += TITLE_BOOST * (DELTA + (tf * (K1 + 1)) / (tf + K1 * norm))
            }
            if (bf > 0) {
              const norm = 1 - B + (B * (s.bodyLength[slot] as number)) / avgBody
              score += DELTA + (bf * (K1 + 1)) / (bf + K1 * norm)
            }
            const part = loose ? loosePart : foldedPart
            part[slot] = (part[slot] as number) + weight * idf * score
            if (lastWord[slot] !== w + 1) {
              lastWord[slot] = w + 1
              matched[slot] = w + 1
              wordSlots.push(slot)
              if (w === 0) touched.push(slot)
            }
          }
        }
        visit(postings.base)
        visit(postings.extra)
      }
      for (const slot of wordSlots) {
        scores[slot] =
          (scores[slot] as number) + Math.max(foldedPart[slot] as number, loosePart[slot] as number)
        foldedPart[slot] = 0
        loosePart[slot] = 0
      }
    }
    const all = words.length
    const found = touched.filter((slot) => matched[slot] === all)
    const better = (a: number, b: number): number =>
      (scores[b] as number) - (scores[a] as number) ||
      (s.updatedAt[b] as number) - (s.updatedAt[a] as number)
    const limit = options.limit ?? found.length
    const unique = [...new Set(candidates)]
    const hits = topK(found, limit, better).map((slot): SearchHit => {
      // Loose forms as themselves (terms.ts marks a word by its folded or its loose form).
      const terms = [
        ...new Set(
          unique
            .filter((term) => holds(this.terms.get(term) as Postings, slot))
            .map((term) => (term.startsWith(LOOSE) ? term.slice(LOOSE.length) : term)),
        ),
      ]
      return {
        id: s.ids[slot] as string,
        kind: KINDS[s.kinds[slot] as number] as SearchKind,
        title: s.titles[slot] as string,
        updatedAt: s.updatedAt[slot] as number,
        score: scores[slot] as number,
        terms,
      }
    })
    return { hits, total: found.length }
  }

  /**
   * The index terms a query word stands for, with their weights: folded terms (`mark` ''),
   * or loose ones (`mark` {@link LOOSE}, weighed by {@link LOOSE_WEIGHT}).
   */
  private expand(bare: string, mark: string): Map<string, number> {
    const out = new Map<string, number>()
    const scale = mark === '' ? 1 : LOOSE_WEIGHT
    const word = mark + bare
    if (this.terms.has(word)) out.set(word, scale)
    // Prefixes: the longer terms that start with the word — the most used ones when there are
    // many (a word's first letter or two would otherwise stand for thousands of terms).
    const start = lowerBound(this.sorted, word)
    let end = start
    while (end < this.sorted.length && (this.sorted[end] as string).startsWith(word)) end++
    let prefixed = this.sorted.slice(start, end).filter((term) => term !== word)
    const cap = bare.length === 1 ? 8 : bare.length === 2 ? 24 : MAX_PREFIX_TERMS
    if (prefixed.length > cap) {
      const size = (term: string): number => {
        const postings = this.terms.get(term) as Postings
        return postings.base.length + postings.extra.length
      }
      prefixed = prefixed
        .map((term) => ({ term, size: size(term) }))
        .sort((a, b) => b.size - a.size)
        .slice(0, cap)
        .map((entry) => entry.term)
    }
    for (const term of prefixed) {
      out.set(
        term,
        (scale * PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (term.length - word.length)),
      )
    }
    // Typos: terms with the same first letter within the allowed edits.
    if (bare.length >= FUZZY_MIN_LENGTH) {
      const max = Math.max(1, Math.round(bare.length * FUZZY_RATIO))
      const first = mark + bare.charAt(0)
      for (let i = lowerBound(this.sorted, first); i < this.sorted.length; i++) {
        const term = this.sorted[i] as string
        if (!term.startsWith(first)) break
        if (out.has(term)) continue
        const distance = boundedDistance(bare, term.slice(mark.length), max)
        if (distance <= max)
          out.set(term, (scale * FUZZY_WEIGHT * bare.length) / (bare.length + distance))
      }
    }
    return out
  }

  compact(): void {
    const s = this.slots
    const remap = new Int32Array(s.count).fill(-1)
    let next = 0
    for (let slot = 0; slot < s.count; slot++) if (s.alive[slot] === 1) remap[slot] = next++
    if (next === s.count && [...this.terms.values()].every((p) => p.extra.length === 0)) return
    const slots = emptySlots(next)
    for (let slot = 0; slot < s.count; slot++) {
      const to = remap[slot] as number
      if (to < 0) continue
      slots.ids[to] = s.ids[slot] as string
      slots.titles[to] = s.titles[slot] as string
      slots.kinds[to] = s.kinds[slot] as number
      slots.updatedAt[to] = s.updatedAt[slot] as number
      slots.titleLength[to] = s.titleLength[slot] as number
      slots.bodyLength[to] = s.bodyLength[slot] as number
      slots.alive[to] = 1
    }
    slots.count = next
    const terms = new Map<string, Postings>()
    for (const [term, postings] of this.terms) {
      const kept: number[] = []
      for (const array of [postings.base, postings.extra]) {
        for (let i = 0; i < array.length; i += 2) {
          const to = remap[array[i] as number] as number
          if (to >= 0) kept.push(to, array[i + 1] as number)
        }
      }
      if (kept.length > 0) terms.set(term, { base: Uint32Array.from(kept), extra: [] })
    }
    this.slots = slots
    this.terms = terms
    this.byId.clear()
    for (let slot = 0; slot < next; slot++) this.byId.set(slots.ids[slot] as string, slot)
    this.sorted = [...terms.keys()].sort()
    this.sortedDirty = false
  }

  toBytes(): Uint8Array {
    this.compact()
    if (this.sortedDirty) {
      this.sorted = [...this.terms.keys()].sort()
      this.sortedDirty = false
    }
    const s = this.slots
    const terms = this.sorted
    const counts = terms.map((term) => (this.terms.get(term) as Postings).base.length)
    const head = new TextEncoder().encode(
      JSON.stringify({
        v: BYTES_VERSION,
        count: s.count,
        ids: s.ids.slice(0, s.count),
        titles: s.titles.slice(0, s.count),
        terms,
        counts,
      }),
    )
    const numbers = 3 * s.count + counts.reduce((sum, c) => sum + c, 0)
    // head length (4) + head + padding to 8 + kinds (count, padded to 8) + f64 updatedAt + u32s
    const headEnd = 4 + head.length
    const kindsAt = Math.ceil(headEnd / 8) * 8
    const datesAt = kindsAt + Math.ceil(s.count / 8) * 8
    const u32At = datesAt + 8 * s.count
    const bytes = new Uint8Array(u32At + 4 * numbers)
    new DataView(bytes.buffer).setUint32(0, head.length, true)
    bytes.set(head, 4)
    bytes.set(s.kinds.subarray(0, s.count), kindsAt)
    new Float64Array(bytes.buffer, datesAt, s.count).set(s.updatedAt.subarray(0, s.count))
    const u32 = new Uint32Array(bytes.buffer, u32At, numbers)
    u32.set(s.titleLength.subarray(0, s.count), 0)
    u32.set(s.bodyLength.subarray(0, s.count), s.count)
    let at = 2 * s.count
    for (const term of terms) {
      const base = (this.terms.get(term) as Postings).base
      u32.set(base, at)
      at += base.length
    }
    return bytes
  }
}

function emptySlots(size: number): Slots {
  return {
    ids: [],
    kinds: new Uint8Array(Math.max(16, size)),
    titles: [],
    updatedAt: new Float64Array(Math.max(16, size)),
    titleLength: new Uint32Array(Math.max(16, size)),
    bodyLength: new Uint32Array(Math.max(16, size)),
    alive: new Uint8Array(Math.max(16, size)),
    count: 0,
  }
}

export function createFullTextIndex(): FullTextIndex {
  return new Index(emptySlots(0), new Map())
}

/**
 * An index saved with `toBytes`; throws on anything else (the caller rebuilds then). The
 * postings stay views of `bytes` (copied once into aligned memory if they are not aligned).
 */
export function loadFullTextIndex(input: Uint8Array): FullTextIndex {
  // A copy into fresh (aligned) memory when needed; `new Uint8Array(view)` copies, where a
  // Node Buffer's `slice` would not.
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input)
  if (bytes.length < 4) throw new Error('not a search index')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headLength = view.getUint32(0, true)
  if (4 + headLength > bytes.length) throw new Error('not a search index')
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headLength))) as {
    v?: unknown
    count?: unknown
    ids?: unknown
    titles?: unknown
    terms?: unknown
    counts?: unknown
  }
  const count = head.count
  if (
    head.v !== BYTES_VERSION ||
    typeof count !== 'number' ||
    !Array.isArray(head.ids) ||
    !Array.isArray(head.titles) ||
    !Array.isArray(head.terms) ||
    !Array.isArray(head.counts) ||
    head.ids.length !== count ||
    head.titles.length !== count ||
    head.terms.length !== head.counts.length
  ) {
    throw new Error('not a search index')
  }
  const counts = head.counts as number[]
  const numbers = 3 * count + counts.reduce((sum, c) => sum + c, 0)
  const kindsAt = Math.ceil((4 + headLength) / 8) * 8
  const datesAt = kindsAt + Math.ceil(count / 8) * 8
  const u32At = datesAt + 8 * count
  if (u32At + 4 * numbers !== bytes.length) throw new Error('search index of the wrong size')
  const base = bytes.byteOffset
  const u32 = new Uint32Array(bytes.buffer, base + u32At, numbers)
  const slots: Slots = {
    ids: head.ids as string[],
    titles: head.titles as string[],
    kinds: new Uint8Array(bytes.subarray(kindsAt, kindsAt + count)),
    updatedAt: new Float64Array(bytes.buffer.slice(base + datesAt, base + datesAt + 8 * count)),
    titleLength: u32.slice(0, count),
    bodyLength: u32.slice(count, 2 * count),
    alive: new Uint8Array(count).fill(1),
    count,
  }
  const terms = new Map<string, Postings>()
  const sorted = head.terms as string[]
  let at = 2 * count
  for (let i = 0; i < sorted.length; i++) {
    const term = sorted[i] as string
    // Saved in order; a file that is not would break prefix search, so it is refused.
    if (i > 0 && !((sorted[i - 1] as string) < term)) throw new Error('search index out of order')
    const length = counts[i] as number
    terms.set(term, { base: u32.subarray(at, at + length), extra: [] })
    at += length
  }
  return new Index(slots, terms, sorted)
}
