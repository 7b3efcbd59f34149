import * as Y from 'yjs'
import { z } from 'zod'
import type { CompetenceId } from '../../ids'
import { createCompetence } from '../companies'
import { foldText } from '../noteFilter'
import { COMMAND_ORIGIN, competencesMap, notesMap, readString, type YRecord } from '../schema'
import { isCellId, removeCompetenceCells } from './cells'
import { removeCompetenceMatches } from './matchStatus'

/**
 * The shared competence vocabulary. A competence is a Y.Map in the root's `competences` map:
 *
 *   { id, name, nameEn?, category, synonyms: Y.Map<folded → label>, esco?,
 *     mergedInto?, mergedAt?, mergedBy? }
 *
 * `name` is the Bokmål label and what readers that know nothing else show; `nameEn` the
 * English one (falls back to `name`). References everywhere are by id, so a rename is a
 * label change and breaks nothing. A competence merged into another keeps its record with
 * `mergedInto` (a tombstone): edits made concurrently on another replica that still name the
 * old id are redirected by readers through `resolve` (./merge.ts does the merge).
 */

export const COMPETENCE_CATEGORIES = [
  'materials',
  'processes',
  'automation',
  'energy',
  'circularity',
  'logistics',
  'design',
  'digital',
  'other',
] as const
export type CompetenceCategory = (typeof COMPETENCE_CATEGORIES)[number]

export function isCompetenceCategory(value: unknown): value is CompetenceCategory {
  return typeof value === 'string' && (COMPETENCE_CATEGORIES as readonly string[]).includes(value)
}

export type CompetenceLabels = { nb: string; en: string }
export type LabelLanguage = keyof CompetenceLabels

export type VocabularyEntry = {
  id: CompetenceId
  /** The Bokmål label (stored as `name`). */
  name: string
  /** `en` falls back to the Bokmål name when no English label is set. */
  labels: CompetenceLabels
  /** Whether `labels.en` is a label of its own rather than the fallback. */
  hasEnglishLabel: boolean
  category: CompetenceCategory
  /** Sorted by label. */
  synonyms: string[]
  esco: string | undefined
  /** Set on a tombstone: the competence this one was merged into (maybe itself merged). */
  mergedInto: CompetenceId | undefined
}

export const MAX_COMPETENCE_NAME_LENGTH = 120

/**
 * An ESCO reference, checked loosely: a concept URI
 * (`http://data.europa.eu/esco/skill/<uuid>`, also occupation, isco, …) or a code from
 * ESCO's skill hierarchy or ISCO (`S1.2.3`, `T2`, `2144`, `2144.1`). '' means none.
 */
export const escoSchema = z
  .string()
  .trim()
  .pipe(
    z.union([
      z.literal(''),
      z
        .string()
        .regex(
          /^https?:\/\/data\.europa\.eu\/esco\/[a-z-]+\/[A-Za-z0-9._-]+$/,
          'not an ESCO URI or code',
        ),
      z.string().regex(/^[A-Z]?\d+(?:\.\d+)*$/, 'not an ESCO URI or code'),
    ]),
  )

export const competenceNameSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'a competence needs a name').max(MAX_COMPETENCE_NAME_LENGTH))

/** Synonyms are single-line labels; ';' separates them in CSV, so it becomes ','. */
export function cleanSynonym(synonym: string): string {
  return synonym.replace(/;/g, ',').replace(/\s+/g, ' ').trim().slice(0, MAX_COMPETENCE_NAME_LENGTH)
}

/** Synonyms are one set whatever their case and accents. */
export function synonymKey(synonym: string): string {
  return foldText(cleanSynonym(synonym))
}

function readEntry(id: string, record: YRecord): VocabularyEntry {
  const name = readString(record, 'name')
  const nameEn = readString(record, 'nameEn')
  const category = record.get('category')
  const esco = readString(record, 'esco')
  const mergedInto = record.get('mergedInto')
  const synonyms: string[] = []
  const set = record.get('synonyms')
  if (set instanceof Y.Map) {
    set.forEach((label) => {
      if (typeof label === 'string') synonyms.push(label)
    })
  }
  return {
    id: id as CompetenceId,
    name,
    labels: { nb: name, en: nameEn === '' ? name : nameEn },
    hasEnglishLabel: nameEn !== '',
    category: isCompetenceCategory(category) ? category : 'other',
    synonyms: synonyms.sort((a, b) => a.localeCompare(b, 'nb')),
    esco: esco === '' ? undefined : esco,
    mergedInto:
      typeof mergedInto === 'string' && mergedInto !== id
        ? (mergedInto as CompetenceId)
        : undefined,
  }
}

/** Resolves a competence id to the live competence it stands for now. */
export type Resolver = (id: CompetenceId) => CompetenceId | undefined

/**
 * Follows `mergedInto` from `id`. Returns the live competence at the end of the chain, or
 * undefined when the id (or where it leads) does not exist. Cycle-safe: two replicas that
 * merged A into B and B into A at the same time leave a cycle; every reader then takes the
 * cycle's smallest id as the live one, so all replicas agree.
 */
export function resolveIn(
  entries: ReadonlyMap<CompetenceId, VocabularyEntry>,
  id: CompetenceId,
): CompetenceId | undefined {
  const seen: CompetenceId[] = []
  let current: CompetenceId = id
  for (;;) {
    const entry = entries.get(current)
    if (entry === undefined) return undefined
    if (entry.mergedInto === undefined) return current
    const at = seen.indexOf(current)
    if (at >= 0) {
      return seen.slice(at).reduce((min, candidate) => (candidate < min ? candidate : min), current)
    }
    seen.push(current)
    current = entry.mergedInto
  }
}

export type Vocabulary = {
  /** Every record, tombstones included, by id. */
  entries: ReadonlyMap<CompetenceId, VocabularyEntry>
  /** Live competences, by category (in `COMPETENCE_CATEGORIES` order) then Bokmål label. */
  live: readonly VocabularyEntry[]
  resolve: Resolver
}

const categoryOrder = new Map(COMPETENCE_CATEGORIES.map((category, i) => [category, i]))

export function compareEntries(a: VocabularyEntry, b: VocabularyEntry): number {
  return (
    (categoryOrder.get(a.category) ?? 0) - (categoryOrder.get(b.category) ?? 0) ||
    a.name.localeCompare(b.name, 'nb') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** The vocabulary in one pass, with a memoised resolver. */
export function readVocabulary(doc: Y.Doc): Vocabulary {
  const entries = new Map<CompetenceId, VocabularyEntry>()
  competencesMap(doc).forEach((record, id) => {
    if (record instanceof Y.Map) entries.set(id as CompetenceId, readEntry(id, record))
  })
  const memo = new Map<CompetenceId, CompetenceId | undefined>()
  const resolve: Resolver = (id) => {
    if (memo.has(id)) return memo.get(id)
    const resolved = resolveIn(entries, id)
    memo.set(id, resolved)
    return resolved
  }
  // What merged-away competences were called (labels and synonyms) reads as synonyms of the
  // one they live on in, also before `settleMerges` has written them there.
  const inherited = new Map<CompetenceId, string[]>()
  for (const entry of entries.values()) {
    const live = resolve(entry.id)
    if (live === undefined || live === entry.id) continue
    let names = inherited.get(live)
    if (names === undefined) inherited.set(live, (names = []))
    names.push(...entryNames(entry))
  }
  const live = [...entries.values()]
    .filter((entry) => resolve(entry.id) === entry.id)
    .map((entry) => {
      // A cycle's survivor still carries `mergedInto`; readers see it as live.
      const extra = inherited.get(entry.id)
      return {
        ...entry,
        mergedInto: undefined,
        synonyms: extra === undefined ? entry.synonyms : withSynonyms(entry, extra),
      }
    })
  return { entries, live: live.sort(compareEntries), resolve }
}

/** A competence's own labels and synonyms: what it is known as. */
export function entryNames(entry: VocabularyEntry): string[] {
  return [entry.labels.nb, ...(entry.hasEnglishLabel ? [entry.labels.en] : []), ...entry.synonyms]
}

function withSynonyms(entry: VocabularyEntry, extra: readonly string[]): string[] {
  const own = new Set([entry.labels.nb, entry.labels.en].map(synonymKey))
  const byKey = new Map(entry.synonyms.map((synonym) => [synonymKey(synonym), synonym]))
  for (const synonym of extra) {
    const key = synonymKey(synonym)
    if (key !== '' && !own.has(key) && !byKey.has(key)) byKey.set(key, cleanSynonym(synonym))
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'nb'))
}

/** Where `id` leads now (see `resolveIn`). For many ids, use `readVocabulary(doc).resolve`. */
export function resolveCompetence(doc: Y.Doc, id: CompetenceId): CompetenceId | undefined {
  return readVocabulary(doc).resolve(id)
}

/** Ids resolved, unknown ones dropped, duplicates (two ids merged into one) removed. */
export function resolveCompetenceIds(
  resolve: Resolver,
  ids: readonly CompetenceId[],
): CompetenceId[] {
  const out = new Set<CompetenceId>()
  for (const id of ids) {
    const resolved = resolve(id)
    if (resolved !== undefined) out.add(resolved)
  }
  return [...out].sort()
}

/**
 * The live competence whose label (either language) or synonym equals `text`, ignoring case
 * and accents; undefined when none does.
 */
export function findCompetenceByLabel(
  live: readonly VocabularyEntry[],
  text: string,
): VocabularyEntry | undefined {
  const key = synonymKey(text)
  if (key === '') return undefined
  return (
    live.find((entry) => synonymKey(entry.labels.nb) === key) ??
    live.find((entry) => entry.hasEnglishLabel && synonymKey(entry.labels.en) === key) ??
    live.find((entry) => entry.synonyms.some((synonym) => synonymKey(synonym) === key))
  )
}

export type CompetenceInput = {
  name: string
  nameEn?: string
  category?: CompetenceCategory
  synonyms?: readonly string[]
  esco?: string
  id?: CompetenceId
}

/** Fields `updateCompetence` may change; each is written on its own (field-wise LWW). */
export type CompetencePatch = {
  name?: string
  /** '' removes the English label. */
  nameEn?: string
  category?: CompetenceCategory
  /** '' removes the code. */
  esco?: string
}

const patchSchema = z
  .object({
    name: competenceNameSchema,
    nameEn: z
      .string()
      .transform((value) => value.replace(/\s+/g, ' ').trim())
      .pipe(z.string().max(MAX_COMPETENCE_NAME_LENGTH)),
    category: z.enum(COMPETENCE_CATEGORIES),
    esco: escoSchema,
  })
  .partial()

/**
 * Adds a competence: labels, category, synonyms and ESCO code, validated (throws a ZodError
 * and writes nothing on a bad value). One transaction.
 */
export function addCompetence(doc: Y.Doc, input: CompetenceInput): CompetenceId {
  const clean = patchSchema.parse({
    name: input.name,
    nameEn: input.nameEn,
    category: input.category,
    esco: input.esco,
  })
  if (input.id !== undefined && !isCellId(input.id)) throw new Error(`Bad id ${input.id}`)
  let id = input.id as CompetenceId
  doc.transact(() => {
    id = createCompetence(doc, {
      name: clean.name ?? '',
      category: clean.category ?? 'other',
      ...(input.id === undefined ? {} : { id: input.id }),
    })
    const record = competencesMap(doc).get(id) as YRecord
    if (clean.nameEn !== undefined && clean.nameEn !== '') record.set('nameEn', clean.nameEn)
    if (clean.esco !== undefined && clean.esco !== '') record.set('esco', clean.esco)
    const synonyms = record.get('synonyms') as Y.Map<string>
    for (const synonym of input.synonyms ?? []) addSynonymTo(record, synonyms, synonym)
  }, COMMAND_ORIGIN)
  return id
}

function requireCompetence(doc: Y.Doc, id: CompetenceId): YRecord {
  const record = competencesMap(doc).get(id)
  if (!(record instanceof Y.Map)) throw new Error(`No competence ${id}`)
  return record
}

/**
 * Changes labels, category or ESCO code, each field on its own, so a rename and a category
 * change made at once both stay. Validated; throws and writes nothing on a bad value.
 */
export function updateCompetence(doc: Y.Doc, id: CompetenceId, patch: CompetencePatch): void {
  const clean = patchSchema.parse(patch)
  const record = requireCompetence(doc, id)
  doc.transact(() => {
    for (const [key, value] of Object.entries(clean)) {
      if (value === undefined) continue
      if (value === '' && key !== 'name') record.delete(key)
      else if (record.get(key) !== value) record.set(key, value)
    }
  }, COMMAND_ORIGIN)
}

/** Renames (the Bokmål label). References are by id, so nothing else changes. */
export function renameCompetence(doc: Y.Doc, id: CompetenceId, name: string): void {
  updateCompetence(doc, id, { name })
}

/**
 * The record's synonym set, created when missing (competences written before it existed).
 * Call inside a transaction. WARNING: as with notes' sets, two replicas creating it at once
 * keep one map, so the very first concurrent synonyms of an old record may lose one side.
 */
export function synonymSet(record: YRecord): Y.Map<string> {
  const existing = record.get('synonyms')
  if (existing instanceof Y.Map) return existing as Y.Map<string>
  const created = new Y.Map<string>()
  record.set('synonyms', created)
  return created
}

/** Adds unless empty or equal to one of the record's own labels. Returns whether it added. */
function addSynonymTo(record: YRecord, set: Y.Map<string>, synonym: string): boolean {
  const label = cleanSynonym(synonym)
  const key = synonymKey(label)
  if (key === '' || set.has(key)) return false
  const own = [readString(record, 'name'), readString(record, 'nameEn')].map(synonymKey)
  if (own.includes(key)) return false
  set.set(key, label)
  return true
}

export function addSynonym(doc: Y.Doc, id: CompetenceId, synonym: string): void {
  const record = requireCompetence(doc, id)
  doc.transact(() => {
    addSynonymTo(record, synonymSet(record), synonym)
  }, COMMAND_ORIGIN)
}

export function removeSynonym(doc: Y.Doc, id: CompetenceId, synonym: string): void {
  const record = requireCompetence(doc, id)
  const set = record.get('synonyms')
  if (!(set instanceof Y.Map) || !set.has(synonymKey(synonym))) return
  doc.transact(() => set.delete(synonymKey(synonym)), COMMAND_ORIGIN)
}

/** Adds synonyms to a record inside a running transaction (merge uses it). */
export function addSynonymsInTransaction(record: YRecord, synonyms: readonly string[]): void {
  const set = synonymSet(record)
  for (const synonym of synonyms) addSynonymTo(record, set, synonym)
}

/**
 * Deletes a competence outright: its record, its offers and needs, its match statuses and
 * the notes' references to it (tombstones that pointed to it then resolve to nothing). For
 * "these two are the same", use `mergeCompetences` instead, which keeps everything.
 */
export function deleteCompetence(doc: Y.Doc, id: CompetenceId): void {
  doc.transact(() => {
    competencesMap(doc).delete(id)
    removeCompetenceCells(doc, new Set([id]))
    removeCompetenceMatches(doc, new Set([id]))
    notesMap(doc).forEach((note) => {
      const set = note instanceof Y.Map ? note.get('competences') : undefined
      if (set instanceof Y.Map && set.has(id)) set.delete(id)
    })
  }, COMMAND_ORIGIN)
}

/** Calls `onChange` after any change to the vocabulary (deep). Returns the disposer. */
export function observeVocabulary(doc: Y.Doc, onChange: () => void): () => void {
  const map = competencesMap(doc)
  const handler = (): void => onChange()
  map.observeDeep(handler)
  return () => map.unobserveDeep(handler)
}
