/**
 * The cheap steps in front of fuse.js in the palette (see fuzzyIndex.ts): which names hold a
 * query word with at most k edits (Levenshtein: a letter changed, added or left out).
 *
 * 1. An inverted index of letters and letter pairs narrows the names at once, by a necessary
 *    condition: a stretch of a name within k edits of a word of m letters holds at least
 *    d − 2k of the word's d distinct letter pairs (each edit spoils at most two pairs: the
 *    q-gram lemma). It never drops a match; with short words it lets many names through.
 * 2. Each of those is then checked exactly (`mayMatch`, Myers' bit-parallel edit distance:
 *    one pass, a few integer operations per letter, nothing allocated), so only names that
 *    do match reach Fuse, which is far slower per name.
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
  /** For each letter, where it stands in the word (bit i: letter i), for `mayMatch`. */
  positions: Int32Array
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
  const positions = new Int32Array(256)
  for (let i = 0; i < Math.min(word.length, 32); i++) {
    const id = letter(word.charCodeAt(i))
    positions[id] = (positions[id] as number) | (1 << i)
  }
  return { word, errors, grams: [...grams], required, positions }
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

/**
 * Whether some stretch of `name` is within `word.errors` edits of the word — exactly, by Myers'
 * bit-parallel edit distance (one pass, a few integer operations per letter, nothing
 * allocated): the same question Fuse's Bitap answers, without its cost per name. Words are at
 * most 32 letters (one 32-bit word of state).
 */
export function mayMatch(name: string, word: FilterWord): boolean {
  const text = word.word
  const m = text.length
  const k = word.errors
  if (k === 0) return name.includes(text)
  // Every letter may be an edit (never so under the palette's threshold), or Bitap's limit.
  if (m <= k || m > 32) return true
  const positions = word.positions
  const high = 1 << (m - 1)
  let pv = -1
  let mv = 0
  let score = m
  for (let j = 0; j < name.length; j++) {
    const eq = positions[alphabet[name.charCodeAt(j)] as number] as number
    const xv = eq | mv
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq
    let ph = mv | ~(xh | pv)
    let mh = pv & xh
    if (ph & high) score++
    else if (mh & high) score--
    // A match may start anywhere in the name: the top row stays 0 (no carry in).
    ph <<= 1
    mh <<= 1
    pv = mh | ~(xv | ph)
    mv = ph & xv
    if (score <= k) return true
  }
  return false
}
