import type { NoteId } from '../../../../shared/ids'
import { foldText } from '../../../../shared/model/noteFilter'

/**
 * Pure matching for the editor's two pop-up menus: the `[[` note-link autocomplete and the
 * slash menu's block list. Case- and accent-insensitive (`foldText`), best matches first.
 */

/** How well `query` matches `text`: lower is better, undefined is no match. */
export function matchRank(text: string, query: string): number | undefined {
  const folded = foldText(text).trim()
  const words = foldText(query).trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return 4
  const phrase = words.join(' ')
  if (folded === phrase) return 0
  if (folded.startsWith(phrase)) return 1
  const wordStarts = (word: string): boolean =>
    folded.startsWith(word) || folded.includes(` ${word}`) || folded.includes(`-${word}`)
  if (words.every(wordStarts)) return 2
  if (folded.includes(phrase)) return 3
  if (words.every((word) => folded.includes(word))) return 4
  return undefined
}

export type LinkCandidate = { id: NoteId; title: string; updatedAt: number }

export const MAX_LINK_SUGGESTIONS = 8

/**
 * The notes to offer for `[[query`: the best matches by title (exact, then prefix, then
 * word starts, then anywhere), recently edited first among equals; at most `limit`. An empty
 * query offers the most recently edited notes. `exclude` (the note being edited) is left out.
 */
export function rankNoteLinks<T extends LinkCandidate>(
  notes: readonly T[],
  query: string,
  options: { exclude?: NoteId; limit?: number } = {},
): T[] {
  const limit = options.limit ?? MAX_LINK_SUGGESTIONS
  const ranked: { note: T; rank: number }[] = []
  for (const note of notes) {
    if (note.id === options.exclude) continue
    const rank = matchRank(note.title, query)
    if (rank !== undefined) ranked.push({ note, rank })
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.note.updatedAt - a.note.updatedAt ||
      a.note.title.localeCompare(b.note.title, 'nb') ||
      (a.note.id < b.note.id ? -1 : 1),
  )
  return ranked.slice(0, limit).map((entry) => entry.note)
}

/** Whether to offer "Create note «query»": something typed, and no note has exactly that title. */
export function offerCreate(notes: readonly LinkCandidate[], query: string): boolean {
  const wanted = foldText(query).replace(/\s+/g, ' ').trim()
  if (wanted === '') return false
  return !notes.some((note) => foldText(note.title).replace(/\s+/g, ' ').trim() === wanted)
}

/** Filters menu entries by their labels and keywords, keeping their order among equals. */
export function filterByQuery<T>(
  items: readonly T[],
  query: string,
  terms: (item: T) => string[],
): T[] {
  if (query.trim() === '') return [...items]
  const ranked: { item: T; rank: number; index: number }[] = []
  items.forEach((item, index) => {
    let best: number | undefined
    for (const term of terms(item)) {
      const rank = matchRank(term, query)
      if (rank !== undefined && (best === undefined || rank < best)) best = rank
    }
    if (best !== undefined) ranked.push({ item, rank: best, index })
  })
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index)
  return ranked.map((entry) => entry.item)
}
