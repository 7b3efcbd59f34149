/**
 * The cheap filter in front of fuse.js in the palette (see fuzzyIndex.ts): which names *can*
 * hold a query word with at most k edits (Levenshtein: a letter changed, added or left out),
 * answered from an inverted index of letters and letter pairs, then checked name by name in
 * one pass without allocating. Both steps are necessary conditions only: they never drop a
 * name that matches, they only spare Fuse the names that cannot.
 *
 * Why they hold: if some stretch S of a name is within k edits of a word of m letters, then
 * |S| ≤ m + k; each edit spoils at most one of the word's letters and at most two of its m − 1
 * letter pairs; so S holds at least m − k of the word's letters and m − 1 − 2k of its pairs
 * (the q-gram lemma). Counting over the whole name (the index) is weaker than counting inside
 * a window of m + k letters (the check), and much cheaper, so the index goes first.
 *
 * Names are folded (fuzzyIndex.ts) before they get here.
 */

/**
 * Letters as small numbers (1–255; 255 is shared by every letter after the 254th seen), so a
 * letter is a number below 256 and a letter pair `256·a + b`: the index is two typed arrays.
 * Letters sharing 255 only let more names through, never fewer.
 */
const alphabet = new Uint8Array(0x10000)
let nextLetter = 1

function letter(code: number): number {
  let id = alphabet[code] as number
  if (id === 0) {
    id = nextLetter < 255 ? nextLetter++ : 255
    alphabet[code] = id
  }
  return id
}

const GRAMS = 0x10000
const seen = new Int32Array(GRAMS)
let stamp = 0

/** The distinct letters and letter pairs of a set of names (no pair across two names). */
export function gramsOf(names: readonly string[]): Int32Array {
  stamp++
  const grams: number[] = []
  for (const name of names) {
    let previous = 0
    for (let i = 0; i < name.length; i++) {
      const current = letter(name.charCodeAt(i))
      if (seen[current] !== stamp) {
        seen[current] = stamp
        grams.push(current)
      }
      if (previous !== 0) {
        const pair = previous * 256 + current
        if (seen[pair] !== stamp) {
          seen[pair] = stamp
          grams.push(pair)
        }
      }
      previous = current
    }
  }
  return Int32Array.from(grams)
}

/** Which entries hold each letter or pair: `items[offsets[g] … offsets[g + 1]]`, ascending. */
export type Postings = { readonly offsets: Int32Array; readonly items: Int32Array }

export function buildPostings(grams: readonly Int32Array[]): Postings {
  const offsets = new Int32Array(GRAMS + 1)
  for (const entry of grams) for (const gram of entry) offsets[gram + 1]!++
  for (let g = 0; g < GRAMS; g++) offsets[g + 1]! += offsets[g]!
  const items = new Int32Array(offsets[GRAMS]!)
  const fill = offsets.slice(0, GRAMS)
  grams.forEach((entry, at) => {
    for (const gram of entry) items[fill[gram]!++] = at
  })
  return { offsets, items }
}

/** A query word prepared for the filter. */
export type FilterWord = {
  word: string
  /** Edits allowed. */
  errors: number
  /** Distinct letter pairs (or the letter, for a one-letter word). */
  grams: readonly number[]
  /** How many of `grams` a name must hold somewhere (≤ 0: the index cannot tell). */
  required: number
}

export function filterWord(word: string, errors: number): FilterWord {
  const grams = new Set<number>()
  if (word.length === 1) grams.add(letter(word.charCodeAt(0)))
  for (let i = 0; i + 1 < word.length; i++) {
    grams.add(letter(word.charCodeAt(i)) * 256 + letter(word.charCodeAt(i + 1)))
  }
  // Distinct pairs: of the m − 1 pair positions at least m − 1 − 2k survive, and repeats
  // among them are at most (m − 1) − d, so at least d − 2k distinct pairs survive.
  const required = errors === 0 ? grams.size : grams.size - 2 * errors
  return { word, errors, grams: [...grams], required }
}

/**
 * Entries (positions, ascending) holding enough of every word's pairs somewhere in their
 * names; `undefined` when no word could narrow anything (every entry may match).
 */
export function candidates(
  postings: Postings,
  size: number,
  words: readonly FilterWord[],
): Int32Array | undefined {
  const { offsets, items } = postings
  let pool: Int32Array | undefined
  let inPool: Uint8Array | undefined
  for (const { grams, required } of words) {
    if (required <= 0) continue
    const counts = new Uint8Array(size)
    const passing: number[] = []
    for (const gram of grams) {
      for (let p = offsets[gram]!, end = offsets[gram + 1]!; p < end; p++) {
        const at = items[p]!
        if (inPool !== undefined && inPool[at] === 0) continue
        if (++counts[at]! === required) passing.push(at)
      }
    }
    pool = Int32Array.from(passing).sort()
    if (pool.length === 0) return pool
    inPool = new Uint8Array(size)
    for (const at of pool) inPool[at] = 1
  }
  return pool
}

const wordLetters = new Int32Array(256)
const wordPairs = new Int32Array(GRAMS)
let wordStamp = 0
const MAX_NAME = 256
const letterHits = new Uint8Array(MAX_NAME)
const pairHits = new Uint8Array(MAX_NAME)

/**
 * Whether some stretch of `name` of at most m + k letters holds m − k of the word's letters
 * and m − 1 − 2k of its pairs (positions counted). A name failing it cannot match the word
 * with k edits.
 */
export function mayMatch(name: string, word: FilterWord): boolean {
  const m = word.word.length
  const k = word.errors
  if (k === 0) return name.includes(word.word)
  wordStamp++
  for (let i = 0; i < m; i++) {
    const current = letter(word.word.charCodeAt(i))
    wordLetters[current] = wordStamp
    if (i > 0) wordPairs[letter(word.word.charCodeAt(i - 1)) * 256 + current] = wordStamp
  }
  const needLetters = m - k
  const needPairs = m - 1 - 2 * k
  const window = m + k
  const length = Math.min(name.length, MAX_NAME)
  let letters = 0
  let pairs = 0
  let previous = 0
  for (let i = 0; i < length; i++) {
    const current = alphabet[name.charCodeAt(i)] as number
    letterHits[i] = wordLetters[current] === wordStamp ? 1 : 0
    // The pair ending at i counts only when both its letters are inside the window.
    pairHits[i] = i > 0 && wordPairs[previous * 256 + current] === wordStamp ? 1 : 0
    previous = current
    letters += letterHits[i]!
    pairs += pairHits[i]!
    const start = i - window + 1
    if (start > 0) {
      letters -= letterHits[start - 1]!
      pairs -= pairHits[start]!
    }
    if (letters >= needLetters && pairs >= needPairs) return true
  }
  return false
}
