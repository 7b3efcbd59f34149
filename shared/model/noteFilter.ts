import type { CompanyId, CompetenceId } from '../ids'
import type { NoteSummary } from './notes'
import type { NoteType } from './noteTypes'

/**
 * Browsing the note list: which notes to show and in what order. Pure functions over
 * summaries, so the list, the benchmark and the tests share them. Empty fields match all.
 */
export type NoteFilter = {
  /** Words that must all appear in the title (case- and accent-insensitive). */
  text?: string
  companyId?: CompanyId
  tag?: string
  competenceId?: CompetenceId
  type?: NoteType
  /** Created or last edited by this person. */
  author?: string
  /** Edited at or after this time (ms). */
  updatedSince?: number
}

export const NOTE_SORTS = ['updated', 'created', 'title'] as const
export type NoteSort = (typeof NOTE_SORTS)[number]

/** Lower case without diacritics, so "Varme" finds "varmé"; æ, ø and å stay letters of their own. */
export function foldText(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .normalize('NFD')
    .replace(/a\u030a/g, 'å') // å is a letter of its own; æ and ø do not decompose
    .replace(/[\u0300-\u036f]/g, '')
}

export function isEmptyFilter(filter: NoteFilter): boolean {
  return (
    (filter.text ?? '').trim() === '' &&
    filter.companyId === undefined &&
    filter.tag === undefined &&
    filter.competenceId === undefined &&
    filter.type === undefined &&
    filter.author === undefined &&
    filter.updatedSince === undefined
  )
}

/**
 * Folded titles by summary. Summaries are immutable and the list store keeps the same object
 * while a note is unchanged, so each title is folded once, not once per keystroke.
 */
const foldedTitles = new WeakMap<NoteSummary, string>()

function foldedTitle(note: NoteSummary): string {
  let title = foldedTitles.get(note)
  if (title === undefined) foldedTitles.set(note, (title = foldText(note.title)))
  return title
}

/**
 * A predicate for one filter; build it once per filter change, run it per note with the note's
 * folded title (see foldText).
 */
function noteMatcher(filter: NoteFilter): (note: NoteSummary, foldedTitle: string) => boolean {
  const words = foldText(filter.text ?? '')
    .split(/\s+/)
    .filter((word) => word !== '')
  const tag = filter.tag === undefined ? undefined : foldText(filter.tag)
  return (note, title) => {
    if (filter.companyId !== undefined && note.companyId !== filter.companyId) return false
    if (filter.type !== undefined && note.type !== filter.type) return false
    if (filter.updatedSince !== undefined && note.updatedAt < filter.updatedSince) return false
    if (
      filter.author !== undefined &&
      note.createdBy !== filter.author &&
      note.updatedBy !== filter.author
    ) {
      return false
    }
    if (filter.competenceId !== undefined && !note.competenceIds.includes(filter.competenceId)) {
      return false
    }
    if (tag !== undefined && !note.tags.some((label) => foldText(label) === tag)) return false
    for (const word of words) if (!title.includes(word)) return false
    return true
  }
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true })

export function compareNotes(sort: NoteSort): (a: NoteSummary, b: NoteSummary) => number {
  const tieBreak = (a: NoteSummary, b: NoteSummary): number =>
    collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  switch (sort) {
    case 'updated':
      return (a, b) => b.updatedAt - a.updatedAt || tieBreak(a, b)
    case 'created':
      return (a, b) => b.createdAt - a.createdAt || tieBreak(a, b)
    case 'title':
      // Untitled notes last: an empty title says nothing to sort by.
      return (a, b) =>
        Number(a.title === '') - Number(b.title === '') ||
        tieBreak(a, b) ||
        b.updatedAt - a.updatedAt
  }
}

/** A list in one sort order, with each title folded once (see foldText) for filtering. */
export type SortedNotes = {
  readonly notes: readonly NoteSummary[]
  /** `foldedTitles[i]` is `notes[i]`'s title, folded. */
  readonly foldedTitles: readonly string[]
}

/** `notes` in `sort` order (a new array), ready to be filtered keystroke after keystroke. */
export function sortNotes(notes: readonly NoteSummary[], sort: NoteSort): SortedNotes {
  const sorted = [...notes].sort(compareNotes(sort))
  return { notes: sorted, foldedTitles: sorted.map(foldedTitle) }
}

/**
 * The notes of a sorted list that match `filter`, in the same order. A list sorts once per
 * change of its notes or sort; a filter keystroke only runs this: one pass, no sort, no
 * folding.
 */
export function filterNotes(sorted: SortedNotes, filter: NoteFilter): readonly NoteSummary[] {
  if (isEmptyFilter(filter)) return sorted.notes
  const matches = noteMatcher(filter)
  const { notes, foldedTitles } = sorted
  const shown: NoteSummary[] = []
  for (let i = 0; i < notes.length; i++) {
    const note = notes[i] as NoteSummary
    if (matches(note, foldedTitles[i] as string)) shown.push(note)
  }
  return shown
}

/** The notes to show: those matching `filter`, in `sort` order. Never changes `notes`. */
export function filterAndSortNotes(
  notes: readonly NoteSummary[],
  filter: NoteFilter,
  sort: NoteSort,
): NoteSummary[] {
  const shown = filterNotes(sortNotes(notes, sort), filter)
  return [...shown]
}

/** The distinct authors of a list of notes (creators and last editors), sorted, for the filter menu. */
export function noteAuthors(notes: readonly NoteSummary[]): string[] {
  const names = new Set<string>()
  for (const note of notes) {
    if (note.createdBy !== '') names.add(note.createdBy)
    if (note.updatedBy !== '') names.add(note.updatedBy)
  }
  return [...names].sort((a, b) => collator.compare(a, b))
}

/** Every tag used in a list of notes with how many notes carry it, most used first. */
export function noteTagCounts(notes: readonly NoteSummary[]): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>()
  for (const note of notes) {
    for (const label of note.tags) {
      const key = foldText(label)
      const entry = counts.get(key)
      if (entry === undefined) counts.set(key, { tag: label, count: 1 })
      else entry.count++
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag))
}
