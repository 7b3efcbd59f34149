import { foldTerm } from '../../../../shared/search/terms'

/** A half-open range of UTF-16 offsets, `[start, end)`. */
export type Range = readonly [start: number, end: number]

/**
 * A text folded the way search folds it (shared/search/terms.ts: lower case, æ/ø/å → ae/oe/aa,
 * no accents), with where each folded character came from, so ranges found in the folded text
 * (what the palette matches against) can be shown on the original (what the user wrote).
 *
 * Folding goes by base character with its combining marks, so a decomposed "å" (a + ring)
 * folds to "aa" like the composed one.
 */
export type FoldedText = {
  folded: string
  /** For each folded character: the original offset where its source starts and ends. */
  starts: readonly number[]
  ends: readonly number[]
}

const UNIT = /\P{M}\p{M}*|\p{M}+/gu
const unitCache = new Map<string, string>()

function foldUnit(unit: string): string {
  let folded = unitCache.get(unit)
  if (folded === undefined) {
    folded = foldTerm(unit)
    // Letters repeat: the cache stays small (one entry per distinct character seen).
    if (unitCache.size < 4096) unitCache.set(unit, folded)
  }
  return folded
}

export function foldWithOffsets(text: string): FoldedText {
  let folded = ''
  const starts: number[] = []
  const ends: number[] = []
  for (const match of text.matchAll(UNIT)) {
    const piece = foldUnit(match[0])
    const start = match.index
    const end = start + match[0].length
    for (let i = 0; i < piece.length; i++) {
      starts.push(start)
      ends.push(end)
    }
    folded += piece
  }
  return { folded, starts, ends }
}

/**
 * Ranges on the folded text mapped onto the original, merged where they touch. Empty when the
 * offsets do not describe `folded` (a text whose folding depends on its context, which the
 * per-character folding cannot follow): no highlight is better than a wrong one.
 */
export function originalRanges(
  text: FoldedText,
  folded: string,
  ranges: readonly Range[],
): Range[] {
  if (text.folded !== folded) return []
  const out: [number, number][] = []
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  for (const [start, end] of sorted) {
    if (start >= end || end > text.starts.length) continue
    const from = text.starts[start] as number
    const to = text.ends[end - 1] as number
    const last = out[out.length - 1]
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to)
    else out.push([from, to])
  }
  return out
}
