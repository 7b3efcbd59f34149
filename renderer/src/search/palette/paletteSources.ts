import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { Company } from '../../../../shared/model/companies'
import type { BoardSummary } from '../../../../shared/model/boards'
import {
  observeVocabulary,
  readVocabulary,
  type VocabularyEntry,
} from '../../../../shared/model/competence/vocabulary'
import { noteTagCounts } from '../../../../shared/model/noteFilter'
import type { NoteSummary } from '../../../../shared/model/notes'
import { boardListStore } from '../../boards/useBoards'
import { afterNextPaint } from '../../lib/afterNextPaint'
import { arraysEqual, createObservedStore, type ExternalStore } from '../../lib/externalStore'
import { companyListStore, noteListStore } from '../../notes/noteStores'
import { createFuzzyIndex, type FuzzyEntry, type FuzzyIndex } from './fuzzyIndex'

/**
 * What the palette jumps to, read from the workspace's root document through the stores the
 * lists already use (notes newest edit first, boards most recently changed first — so ties in
 * the palette go to what moved last), and the fuzzy index over it.
 */
export type PaletteData = {
  notes: readonly NoteSummary[]
  boards: readonly BoardSummary[]
  companies: readonly Company[]
  competences: readonly VocabularyEntry[]
}

const vocabularyStores = new WeakMap<Y.Doc, ExternalStore<readonly VocabularyEntry[]>>()

const sameEntry = (a: VocabularyEntry, b: VocabularyEntry): boolean =>
  a.id === b.id &&
  a.labels.nb === b.labels.nb &&
  a.labels.en === b.labels.en &&
  a.category === b.category &&
  arraysEqual(a.synonyms, b.synonyms, (x, y) => x === y)

/** The live competences with both labels and synonyms (the note stores carry names only). */
export function vocabularyStore(doc: Y.Doc): ExternalStore<readonly VocabularyEntry[]> {
  let store = vocabularyStores.get(doc)
  if (store === undefined) {
    store = createObservedStore<readonly VocabularyEntry[]>(
      (onChange) => observeVocabulary(doc, onChange),
      () => readVocabulary(doc).live,
      (a, b) => arraysEqual(a, b, sameEntry),
    )
    vocabularyStores.set(doc, store)
  }
  return store
}

const none = { subscribe: () => () => {}, getSnapshot: () => [] as const }

function useStoreWhile<T>(store: ExternalStore<readonly T[]>, active: boolean): readonly T[] {
  const used = active ? store : (none as ExternalStore<readonly T[]>)
  return useSyncExternalStore(used.subscribe, used.getSnapshot)
}

/** The workspace's notes, boards, companies and competences while `active`; else empty lists. */
export function usePaletteData(doc: Y.Doc, active: boolean): PaletteData {
  const notes = useStoreWhile(noteListStore(doc), active)
  const boards = useStoreWhile(boardListStore(doc), active)
  const companies = useStoreWhile(companyListStore(doc), active)
  const competences = useStoreWhile(vocabularyStore(doc), active)
  return useMemo(
    () => ({ notes, boards, companies, competences }),
    [notes, boards, companies, competences],
  )
}

/** Everything the palette can jump to, as named entries (untitled notes and boards left out). */
export function paletteEntries(data: PaletteData): FuzzyEntry[] {
  const entries: FuzzyEntry[] = []
  for (const note of data.notes) {
    if (note.title.trim() !== '') entries.push({ kind: 'note', id: note.id, names: [note.title] })
  }
  for (const board of data.boards) {
    if (board.title.trim() !== '')
      entries.push({ kind: 'board', id: board.id, names: [board.title] })
  }
  for (const company of data.companies) {
    entries.push({ kind: 'company', id: company.id, names: [company.name] })
  }
  for (const competence of data.competences) {
    const names = [competence.labels.nb]
    if (competence.labels.en !== competence.labels.nb) names.push(competence.labels.en)
    entries.push({
      kind: 'competence',
      id: competence.id,
      names: [...names, ...competence.synonyms],
    })
  }
  for (const { tag } of noteTagCounts(data.notes)) {
    entries.push({ kind: 'tag', id: tag, names: [tag] })
  }
  return entries
}

/** The same lists (the stores keep a list's reference while it does not change). */
function sameData(a: PaletteData, b: PaletteData): boolean {
  return (
    a.notes === b.notes &&
    a.boards === b.boards &&
    a.companies === b.companies &&
    a.competences === b.competences
  )
}

type Built = { data: PaletteData; index: FuzzyIndex }

/** The last index built per document: reopening the palette with nothing changed builds nothing. */
const lastIndexes = new WeakMap<Y.Doc, Built>()

/**
 * The fuzzy index over `data`, built after the palette has been painted (at 10k notes a first
 * build takes ~50–100 ms: the palette opens at once and answers when it is ready), and again —
 * reusing every unchanged name — when the data changes. `undefined` until the first build;
 * while a newer build is on its way, the previous index answers.
 */
export function usePaletteIndex(
  doc: Y.Doc,
  data: PaletteData,
  active: boolean,
): FuzzyIndex | undefined {
  const [built, setBuilt] = useState<Built | undefined>(() => lastIndexes.get(doc))
  const upToDate = built !== undefined && sameData(built.data, data)

  useEffect(() => {
    if (!active || upToDate) return
    return afterNextPaint(() => {
      const previous = lastIndexes.get(doc)
      const next =
        previous !== undefined && sameData(previous.data, data)
          ? previous
          : { data, index: createFuzzyIndex(paletteEntries(data), previous?.index) }
      lastIndexes.set(doc, next)
      setBuilt(next)
    })
  }, [doc, data, active, upToDate])

  return built?.index
}
