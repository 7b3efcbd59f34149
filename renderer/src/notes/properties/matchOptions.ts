import { foldText } from '../../../../shared/model/noteFilter'

/**
 * Picking from a vocabulary by typing a few letters: case- and accent-insensitive (foldText),
 * every typed word must match, and the closer the match the higher it ranks — the whole name,
 * then a name that starts with the query, then a word that does, then the letters anywhere in
 * order ("robcel" finds "Robotcelle"). Ties keep the input order (the callers' lists are
 * already alphabetical).
 */
export type Option = { key: string; label: string }

/** 0 is best; undefined means no match. */
export function matchScore(query: string, label: string): number | undefined {
  const folded = foldText(label)
  const words = foldText(query)
    .split(/\s+/)
    .filter((word) => word !== '')
  if (words.length === 0) return 3
  const whole = words.join(' ')
  if (folded === whole) return 0
  if (folded.startsWith(whole)) return 1
  const labelWords = folded.split(/[\s\-/(),.]+/)
  if (words.every((word) => labelWords.some((labelWord) => labelWord.startsWith(word)))) return 2
  if (words.every((word) => folded.includes(word))) return 3
  if (isSubsequence(whole.replace(/\s+/g, ''), folded)) return 4
  return undefined
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0
  for (const char of haystack) {
    if (char === needle[at]) at++
    if (at === needle.length) return true
  }
  return needle.length === 0
}

/** The options matching `query`, best first, at most `limit`. */
export function matchOptions<T extends Option>(
  query: string,
  options: readonly T[],
  limit = 50,
): T[] {
  const scored: { option: T; score: number; index: number }[] = []
  options.forEach((option, index) => {
    const score = matchScore(query, option.label)
    if (score !== undefined) scored.push({ option, score, index })
  })
  return scored
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.option)
}

/** Whether `query` names one of the options exactly (ignoring case and accents). */
export function hasExactOption(query: string, options: readonly Option[]): boolean {
  const folded = foldText(query.trim())
  return folded !== '' && options.some((option) => foldText(option.label) === folded)
}
