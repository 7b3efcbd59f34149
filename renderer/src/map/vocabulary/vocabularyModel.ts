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
    const haystack = foldText([...entryNames(entry), entry.esco ?? ''].join('\n'))
    return words.every((word) => haystack.includes(word))
  })
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
