/**
 * The words of a text as search sees them (issue 7): case- and accent-insensitive, and
 * Norwegian-aware — æ, ø and å are folded to ae, oe and aa, so a word typed without them
 * ("varmegjenvinning paa Loeten") finds the one written with them, and the other way round.
 * Swedish and German ä and ö fold the same way (æ ≈ ä, ø ≈ ö); other accents are dropped.
 *
 * A word with those letters has a loose form too (`looseTerm`): æ, ø, å, ä, ö as the letter an
 * English keyboard leaves — a, o, a, a, o — as in "Tromso", "Barum", "Alesund": "mobel" finds
 * "Møbelverk", "lopende" finds "løpende". The index keeps both forms of such words (the loose
 * one ranked a little below: fullText.ts), so all three spellings find it.
 *
 * Folding happens per word, on words found in the original text, so every term keeps the
 * place it came from: highlights and snippets are cut from the original, æøå intact.
 */

/**
 * A word of a text: its folded form, its loose form when that differs (æøå in it), and where
 * it stands in the original (UTF-16 offsets).
 */
export type Term = { term: string; loose?: string; start: number; end: number }

const LETTERS: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  ä: 'ae',
  ö: 'oe',
  œ: 'oe',
  ß: 'ss',
}

/** The loose letters: what an English keyboard writes for them. */
const LOOSE_LETTERS: Readonly<Record<string, string>> = {
  ...LETTERS,
  æ: 'a',
  ø: 'o',
  å: 'a',
  ä: 'a',
  ö: 'o',
}

const WORD = /[\p{L}\p{N}]+/gu
const MARKS = /\p{M}/gu
/** Letters whose loose fold differs from the strict one (after NFC and lower case). */
const LOOSE_SOURCE = /[æøåäö]/u

function fold(text: string, letters: Readonly<Record<string, string>>): string {
  let folded = ''
  for (const char of text.normalize('NFC').toLocaleLowerCase('nb')) folded += letters[char] ?? char
  return folded.normalize('NFD').replace(MARKS, '')
}

/** One word (or any text) folded: lower case, æøå as ae/oe/aa, no accents. */
export function foldTerm(text: string): string {
  return fold(text, LETTERS)
}

/**
 * A word's loose form — æ, ø, å, ä, ö as a, o, a, a, o ("møbel" → "mobel") — or undefined when
 * it has none of them (then it is its folded form).
 */
export function looseTerm(word: string): string | undefined {
  const lower = word.normalize('NFC').toLocaleLowerCase('nb')
  return LOOSE_SOURCE.test(lower) ? fold(lower, LOOSE_LETTERS) : undefined
}

/** The words of `text`, folded, in order, with their places in the original. */
export function termsOf(text: string): Term[] {
  const terms: Term[] = []
  for (const match of text.matchAll(WORD)) {
    const term = foldTerm(match[0])
    if (term === '') continue
    const loose = looseTerm(match[0])
    const end = match.index + match[0].length
    terms.push(
      loose === undefined
        ? { term, start: match.index, end }
        : { term, loose, start: match.index, end },
    )
  }
  return terms
}

/** The folded words of `text` alone (what an index stores and a query looks for). */
export function tokenize(text: string): string[] {
  return termsOf(text).map((term) => term.term)
}

/**
 * A query as terms. Every word matches the words it begins ("varmegjen" finds
 * "varmegjenvinning"); ranking puts whole-word hits first. `exact` asks for whole words only.
 */
export type QueryTerm = { term: string; prefix: boolean }

export function queryTerms(query: string, options: { exact?: boolean } = {}): QueryTerm[] {
  return tokenize(query).map((term) => ({ term, prefix: options.exact !== true }))
}

/** Whether a folded word answers a query term. */
export function matchesTerm(word: string, query: QueryTerm): boolean {
  return query.prefix ? word.startsWith(query.term) : word === query.term
}

/** Whether a word of a text answers a query term, in its folded or its loose form. */
export function wordMatches(word: Pick<Term, 'term' | 'loose'>, query: QueryTerm): boolean {
  return (
    matchesTerm(word.term, query) || (word.loose !== undefined && matchesTerm(word.loose, query))
  )
}

/** A piece of text, marked when it is a hit. */
export type Segment = { text: string; hit: boolean }

/**
 * `text` cut into pieces, the words that answer `query` marked (for <mark> in results).
 * Works on the original text, so what is shown is exactly what was written.
 */
export function highlight(text: string, query: readonly QueryTerm[]): Segment[] {
  const segments: Segment[] = []
  let at = 0
  for (const word of termsOf(text)) {
    if (!query.some((term) => wordMatches(word, term))) continue
    if (word.start > at) segments.push({ text: text.slice(at, word.start), hit: false })
    segments.push({ text: text.slice(word.start, word.end), hit: true })
    at = word.end
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false })
  return segments
}

/**
 * Lines (a note's blocks, a sticky's lines) run together for a passage: after a line that ends
 * a sentence a space, otherwise " · ", so a heading does not read as the start of the next
 * paragraph ("Hva vi prøvde · Vi henter varme…").
 */
export function oneLine(text: string): string {
  let flat = ''
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim()
    if (line === '') continue
    flat = flat === '' ? line : /[.!?:;…]$/.test(flat) ? `${flat} ${line}` : `${flat} · ${line}`
  }
  return flat
}

/**
 * A short passage of `text` around its first hit (about `length` characters, cut at word
 * boundaries, with "…" where it was cut), highlighted. Without a hit: the start of the text.
 */
export function snippet(
  text: string,
  query: readonly QueryTerm[],
  options: { length?: number } = {},
): Segment[] {
  const length = options.length ?? 160
  const flat = oneLine(text)
  if (flat.length <= length) return highlight(flat, query)
  const words = termsOf(flat)
  const first = words.find((word) => query.some((term) => wordMatches(word, term)))
  // The hit a little after the start of the passage, so some context comes before it.
  let start = first === undefined ? 0 : Math.max(0, first.start - Math.floor(length / 4))
  let end = Math.min(flat.length, start + length)
  if (end === flat.length) start = Math.max(0, end - length)
  // Whole words only.
  if (start > 0) {
    const space = flat.indexOf(' ', start)
    start = space < 0 || space >= (first?.start ?? end) ? start : space + 1
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end)
    end = space > start + length / 2 ? space : end
  }
  const segments = highlight(flat.slice(start, end), query)
  if (start > 0) segments.unshift({ text: '… ', hit: false })
  if (end < flat.length) segments.push({ text: ' …', hit: false })
  return segments
}
