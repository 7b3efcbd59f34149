import type { CompetenceId, CompanyId } from '../../../../shared/ids'
import type { CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import {
  entryNames,
  type CompetenceCategory,
  type Resolver,
  type VocabularyEntry,
} from '../../../../shared/model/competence/vocabulary'
import { foldText } from '../../../../shared/model/noteFilter'

/**
 * What the vocabulary view shows, computed from the competence index without React: how much
 * each competence is used, the filter, the category groups, and what a merge would move.
 */

export type Usage = { offers: number; needs: number }

/** How many companies offer and need each live competence. */
export function competenceUsage(index: CompetenceIndex): ReadonlyMap<CompetenceId, Usage> {
  const usage = new Map<CompetenceId, Usage>()
  for (const [id, cells] of index.byCompetence) {
    let offers = 0
    let needs = 0
    for (const cell of cells) {
      if (cell.offer > 0) offers++
      if (cell.need > 0) needs++
    }
    usage.set(id, { offers, needs })
  }
  return usage
}

/**
 * The entries whose labels, synonyms or ESCO code contain every word of `text`, ignoring case
 * and accents ("lim bio" finds "Biobaserte bindemidler" by its synonym "biolim").
 */
export function filterVocabulary(
  entries: readonly VocabularyEntry[],
  text: string,
): readonly VocabularyEntry[] {
  const words = foldText(text).split(/\s+/).filter(Boolean)
  if (words.length === 0) return entries
  return entries.filter((entry) => {
    const haystack = searchText(entry)
    return words.every((word) => haystack.includes(word))
  })
}

/**
 * What the filter looks in, folded, once per entry: the index keeps its entries until the
 * vocabulary changes, so each keystroke over thousands of them does not fold them all again.
 */
const searchTexts = new WeakMap<VocabularyEntry, string>()

function searchText(entry: VocabularyEntry): string {
  let text = searchTexts.get(entry)
  if (text === undefined) {
    text = foldText([...entryNames(entry), entry.esco ?? ''].join('\n'))
    searchTexts.set(entry, text)
  }
  return text
}

export type CategoryGroup = { category: CompetenceCategory; entries: VocabularyEntry[] }

/** Consecutive entries of one category as a group (the index lists them by category). */
export function groupByCategory(entries: readonly VocabularyEntry[]): CategoryGroup[] {
  const groups: CategoryGroup[] = []
  for (const entry of entries) {
    const last = groups[groups.length - 1]
    if (last !== undefined && last.category === entry.category) last.entries.push(entry)
    else groups.push({ category: entry.category, entries: [entry] })
  }
  return groups
}

export type MergeImpact = {
  offers: number
  needs: number
  notes: number
  marks: number
  /** The removed one's labels and synonyms, which become synonyms of the kept one. */
  names: string[]
}

/**
 * What `mergeCompetences` moves from `removeId` to the kept competence: its offers and needs,
 * the notes tagged with it, its match marks, and its names.
 */
export function mergeImpact(input: {
  index: CompetenceIndex
  notes: readonly { competenceIds: readonly CompetenceId[] }[]
  marks: readonly { competenceId: CompetenceId; needCompanyId: CompanyId }[]
  removeId: CompetenceId
}): MergeImpact {
  const { index, removeId } = input
  const resolve: Resolver = index.resolve
  const entry = index.competenceById.get(removeId)
  const usage = competenceUsage(index).get(removeId) ?? { offers: 0, needs: 0 }
  return {
    ...usage,
    notes: input.notes.filter((note) => note.competenceIds.some((id) => resolve(id) === removeId))
      .length,
    marks: input.marks.filter((mark) => resolve(mark.competenceId) === removeId).length,
    names: entry === undefined ? [] : entryNames(entry),
  }
}

/** One line of the (virtualised) vocabulary table: a category's header or a competence. */
export type VocabularyItem =
  | { kind: 'group'; key: string; category: CompetenceCategory; count: number }
  | { kind: 'row'; key: string; entry: VocabularyEntry }

export type VocabularyLines = {
  items: VocabularyItem[]
  /** The index of each group's header, in order. */
  headers: number[]
  /** Where each competence is, by id. */
  indexOf: ReadonlyMap<CompetenceId, number>
}

/** The groups as the table's lines: each group's header, then its competences. */
export function vocabularyLines(groups: readonly CategoryGroup[]): VocabularyLines {
  const items: VocabularyItem[] = []
  const headers: number[] = []
  const indexOf = new Map<CompetenceId, number>()
  for (const group of groups) {
    headers.push(items.length)
    items.push({
      kind: 'group',
      key: `group:${group.category}`,
      category: group.category,
      count: group.entries.length,
    })
    for (const entry of group.entries) {
      indexOf.set(entry.id, items.length)
      items.push({ kind: 'row', key: entry.id, entry })
    }
  }
  return { items, headers, indexOf }
}

/** The header of the group line `index` belongs to (undefined before the first header). */
export function headerOf(headers: readonly number[], index: number): number | undefined {
  let low = 0
  let high = headers.length - 1
  let found: number | undefined
  while (low <= high) {
    const middle = (low + high) >> 1
    const header = headers[middle] as number
    if (header <= index) {
      found = header
      low = middle + 1
    } else high = middle - 1
  }
  return found
}
