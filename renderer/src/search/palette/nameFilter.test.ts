import { describe, expect, it } from 'vitest'
import { buildPostings, candidates, filterWord, gramsOf, mayMatch } from './nameFilter'

/** The fewest edits turning `word` into some stretch of `text` (plain dynamic programming). */
function substringDistance(word: string, text: string): number {
  let previous = Array.from({ length: text.length + 1 }, () => 0)
  for (let i = 1; i <= word.length; i++) {
    const row = [i]
    for (let j = 1; j <= text.length; j++) {
      const cost = word[i - 1] === text[j - 1] ? 0 : 1
      row.push(
        Math.min(
          (previous[j - 1] as number) + cost,
          (previous[j] as number) + 1,
          (row[j - 1] as number) + 1,
        ),
      )
    }
    previous = row
  }
  return Math.min(...previous)
}

function seeded(seed: number): () => number {
  let state = seed
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
}

describe('the name filter', () => {
  it('answers exactly whether a stretch of a name is within k edits (against plain DP)', () => {
    const random = seeded(5)
    const letters = 'aeiorstnkl'
    const text = (length: number): string =>
      Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('')
    let within = 0
    for (let round = 0; round < 3000; round++) {
      const word = text(2 + Math.floor(random() * 10))
      const name = text(Math.floor(random() * 40))
      const errors = 1 + Math.floor(random() * 3)
      const expected = substringDistance(word, name) <= errors
      expect(mayMatch(name, filterWord(word, errors)), `${word} in ${name}, ${errors}`).toBe(
        expected,
      )
      if (expected) within++
    }
    // Both answers came up often.
    expect(within).toBeGreaterThan(300)
    expect(within).toBeLessThan(2700)
  })

  it('finds a word with a letter left out, added or changed, and not one with two', () => {
    const torke = filterWord('torke', 1)
    expect(mayMatch('om toerkeanlegg', torke)).toBe(true)
    expect(mayMatch('tarke', torke)).toBe(true)
    expect(mayMatch('trke', torke)).toBe(true)
    expect(mayMatch('tokre', torke)).toBe(false)
    expect(mayMatch('varme', torke)).toBe(false)
  })

  it('keeps, from the index, every entry holding enough of a word’s letter pairs', () => {
    const names = [['toerkeanlegg'], ['varme'], ['torv'], ['kanter']]
    const postings = buildPostings(names.map(gramsOf))
    // "torke": 4 pairs, one edit may spoil two, so two must be there — "torv" has "to" and
    // "or" (the exact check then says no: it is two edits away).
    const torke = filterWord('torke', 1)
    expect(Array.from(candidates(postings, names.length, [torke]) ?? [])).toEqual([0, 2])
    expect(mayMatch('torv', torke)).toBe(false)
    // Exact words need all their pairs; a one-letter word its letter.
    expect(Array.from(candidates(postings, names.length, [filterWord('an', 0)]) ?? [])).toEqual([
      0, 3,
    ])
    expect(Array.from(candidates(postings, names.length, [filterWord('v', 0)]) ?? [])).toEqual([
      1, 2,
    ])
    // A word too short to tell anything by pairs leaves everything in.
    expect(candidates(postings, names.length, [filterWord('ab', 1)])).toBeUndefined()
  })
})
