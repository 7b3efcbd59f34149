import type { Range } from './foldOffsets'

/**
 * The palette's answer when every query word is typed whole: names holding every word as it
 * was typed (folded), best first — by where the words stand (the name's start, a word's start,
 * inside a word), then by list order (the most recent first). A name that is exactly the query
 * comes before all others. No allocation per name: only the winners get their ranges.
 *
 * These hits also come first when a query allows typos (fuzzyIndex.ts): a name holding every
 * word exactly beats any with an error.
 */
export type SubstringHit = { at: number; nameIndex: number; score: number; ranges: Range[] }

const WORD_CHAR = /[\p{L}\p{N}]/u

/** 0 at the name's start, 0.1 at a word's start, 0.2 inside a word. */
function placeScore(name: string, at: number): number {
  if (at === 0) return 0
  return WORD_CHAR.test(name.charAt(at - 1)) ? 0.2 : 0.1
}

/** Where `word` stands best in `name` (a word's start before inside a word), or -1. */
function findWord(name: string, word: string): number {
  let best = -1
  let bestScore = Infinity
  for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) {
    const score = placeScore(name, at)
    if (score < bestScore) {
      best = at
      bestScore = score
      if (score < 0.2) break
    }
  }
  return best
}

/** The score of a name holding every word, or -1 when one is missing. */
function nameScore(name: string, words: readonly string[], whole: string): number {
  if (name === whole) return 0
  let total = 0
  for (const word of words) {
    const at = findWord(name, word)
    if (at < 0) return -1
    total += placeScore(name, at)
  }
  return total / words.length + 0.001
}

/** The least a name that is not exactly the query can score (every word at its start). */
const BEST_INEXACT = 0.001

/**
 * The best `limit` of `pool` (entry positions, ascending) whose folded names hold every word.
 * `namesOf(at)` gives an entry's folded names; `exactly(whole)` the positions (ascending) of
 * entries with a name that is exactly `whole`, which lets the scan stop early: once `limit`
 * names start with the query, only such an entry further down could still rank higher.
 */
export function substringHits(
  pool: ArrayLike<number>,
  namesOf: (at: number) => readonly string[],
  words: readonly string[],
  limit: number,
  exactly?: (whole: string) => readonly number[],
): SubstringHit[] {
  if (limit <= 0) return []
  const whole = words.join(' ')
  // The best so far, sorted by score then position; pool order is position order.
  const best: { at: number; nameIndex: number; score: number }[] = []
  const consider = (at: number): void => {
    const names = namesOf(at)
    let score = -1
    let nameIndex = 0
    for (let n = 0; n < names.length; n++) {
      const candidate = nameScore(names[n] as string, words, whole)
      if (candidate >= 0 && (score < 0 || candidate < score)) {
        score = candidate
        nameIndex = n
      }
    }
    if (score < 0) return
    if (best.length === limit && score >= (best[limit - 1] as { score: number }).score) return
    let i = best.length
    while (i > 0 && (best[i - 1] as { score: number }).score > score) i--
    best.splice(i, 0, { at, nameIndex, score })
    if (best.length > limit) best.pop()
  }
  let scanned = -1
  for (let p = 0; p < pool.length; p++) {
    scanned = pool[p] as number
    consider(scanned)
    if (
      exactly !== undefined &&
      best.length === limit &&
      (best[limit - 1] as { score: number }).score <= BEST_INEXACT
    ) {
      const inPool = new Set(Array.from(pool))
      for (const at of exactly(whole)) if (at > scanned && inPool.has(at)) consider(at)
      break
    }
  }
  return best.map(({ at, nameIndex, score }) => {
    const name = namesOf(at)[nameIndex] as string
    const ranges = words.map((word): Range => {
      const start = findWord(name, word)
      return [start, start + word.length]
    })
    return { at, nameIndex, score, ranges }
  })
}
