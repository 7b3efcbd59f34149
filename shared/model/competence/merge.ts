import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../ids'
import { COMMAND_ORIGIN, competencesMap, notesMap, type YRecord } from '../schema'
import { readRawCells, writeCell, cellsMap, cellKey, type CellAuthor, type RawCell } from './cells'
import { combineCells } from './matrixIndex'
import { moveCompetenceMatches, readStoredMarks } from './matchStatus'
import {
  addSynonymsInTransaction,
  entryNames,
  readVocabulary,
  synonymKey,
  type Vocabulary,
} from './vocabulary'

/**
 * "These two competences are the same": merge `removeId` into `keepId`. Every reference
 * follows, in one transaction:
 *
 * - offers and needs: a company's two cells become one — the higher offer and need level,
 *   both comments, all evidence (`combineCells`);
 * - notes: `competences` sets name the kept one instead;
 * - match marks move to the kept competence (the later mark wins a clash);
 * - the removed one's labels and synonyms become synonyms of the kept one;
 * - the removed record stays as a tombstone, `mergedInto: keepId` (+ `mergedAt`, `mergedBy`),
 *   so a replica that concurrently added an offer or tagged a note with the old id is
 *   redirected by every reader (`resolve`), and `settleMerges` later moves such stragglers.
 *
 * Either id may itself be a tombstone; both are resolved first. Throws when either is
 * unknown or both are (already) the same competence.
 */
export function mergeCompetences(
  doc: Y.Doc,
  input: CellAuthor & { keepId: CompetenceId; removeId: CompetenceId },
): CompetenceId {
  const vocabulary = readVocabulary(doc)
  const keep = vocabulary.resolve(input.keepId)
  const remove = vocabulary.resolve(input.removeId)
  if (keep === undefined || remove === undefined) throw new Error('No such competence')
  if (keep === remove) throw new Error('These are already one competence')
  const removed = competencesMap(doc).get(remove) as YRecord
  const kept = competencesMap(doc).get(keep) as YRecord
  const entry = vocabulary.entries.get(remove)
  doc.transact(() => {
    removed.set('mergedInto', keep)
    removed.set('mergedAt', input.now)
    removed.set('mergedBy', input.author.name)
    if (entry !== undefined) addSynonymsInTransaction(kept, entryNames(entry))
    // Everything that pointed at `remove` (including older tombstones leading to it) now
    // resolves to `keep`.
    moveReferences(doc, readVocabulary(doc), input)
  }, COMMAND_ORIGIN)
  return keep
}

/**
 * Moves every reference to a merged competence (cells, notes' sets, match marks) to the live
 * competence it resolves to. Needed after a concurrent edit named an old id; readers already
 * show the right thing without it, so any replica may run it at any time (the app does when
 * the map opens). Idempotent; writes nothing (no transaction) when nothing points at a
 * tombstone. Returns whether it wrote.
 */
export function settleMerges(doc: Y.Doc, edit: CellAuthor): boolean {
  const vocabulary = readVocabulary(doc)
  const stale = (id: string): boolean => {
    const live = vocabulary.resolve(id as CompetenceId)
    return live !== undefined && live !== id
  }
  const cyclic = [...vocabulary.entries.values()].filter(
    (entry) => entry.mergedInto !== undefined && vocabulary.resolve(entry.id) === entry.id,
  )
  const needed =
    cyclic.length > 0 ||
    missingSynonyms(vocabulary) ||
    [...readRawCells(doc).values()].some((cell) => stale(cell.competenceId)) ||
    readStoredMarks(doc).some((mark) => stale(mark.competenceId)) ||
    [...notesMap(doc).values()].some((note) => {
      const set = note instanceof Y.Map ? note.get('competences') : undefined
      return set instanceof Y.Map && [...set.keys()].some(stale)
    })
  if (!needed) return false
  doc.transact(() => {
    // A merge cycle's survivor (smallest id) stops pointing anywhere.
    for (const entry of cyclic) competencesMap(doc).get(entry.id)?.delete('mergedInto')
    moveReferences(doc, readVocabulary(doc), edit)
  }, COMMAND_ORIGIN)
  return true
}

/** Rewrites every reference to a tombstone onto its live competence. Inside a transaction. */
function moveReferences(doc: Y.Doc, vocabulary: Vocabulary, edit: CellAuthor): void {
  const targets = new Map<CompetenceId, Set<string>>()
  for (const entry of vocabulary.entries.values()) {
    const live = vocabulary.resolve(entry.id)
    if (live === undefined || live === entry.id) continue
    let from = targets.get(live)
    if (from === undefined) targets.set(live, (from = new Set()))
    from.add(entry.id)
  }
  if (targets.size === 0) return

  for (const [live, from] of targets) {
    const record = competencesMap(doc).get(live)
    if (!(record instanceof Y.Map)) continue
    for (const id of from) {
      const entry = vocabulary.entries.get(id as CompetenceId)
      if (entry !== undefined) addSynonymsInTransaction(record, entryNames(entry))
    }
  }

  const cells = readRawCells(doc)
  const map = cellsMap(doc)
  for (const cell of cells.values()) {
    const live = vocabulary.resolve(cell.competenceId)
    if (live === undefined || live === cell.competenceId) continue
    const target = cells.get(cellKey(cell.companyId, live)) ?? emptyCellOf(cell.companyId, live)
    const combined = combineCells(target, cell)
    cells.set(cellKey(cell.companyId, live), {
      ...combined,
      companyId: cell.companyId,
      competenceId: live,
    })
    writeCell(
      doc,
      cell.companyId,
      live,
      {
        offer: combined.offer,
        need: combined.need,
        comment: combined.comment,
        addEvidence: combined.evidence,
      },
      edit,
    )
    const prefix = `${cellKey(cell.companyId, cell.competenceId)}|`
    for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key)
  }

  notesMap(doc).forEach((note) => {
    const set = note instanceof Y.Map ? note.get('competences') : undefined
    if (!(set instanceof Y.Map)) return
    for (const id of [...set.keys()]) {
      const live = vocabulary.resolve(id as CompetenceId)
      if (live === undefined || live === id) continue
      set.set(live, true)
      set.delete(id)
    }
  })

  for (const [live, from] of targets) moveCompetenceMatches(doc, from, live)
}

/** Whether a tombstone is known by a name its live competence does not list yet. */
function missingSynonyms(vocabulary: Vocabulary): boolean {
  for (const entry of vocabulary.entries.values()) {
    const live = vocabulary.resolve(entry.id)
    if (live === undefined || live === entry.id) continue
    const target = vocabulary.entries.get(live)
    if (target === undefined) continue
    const known = new Set([target.labels.nb, target.labels.en, ...target.synonyms].map(synonymKey))
    if (entryNames(entry).some((name) => !known.has(synonymKey(name)))) return true
  }
  return false
}

function emptyCellOf(companyId: CompanyId, competenceId: CompetenceId): RawCell {
  return {
    companyId,
    competenceId,
    offer: 0,
    need: 0,
    comment: '',
    evidence: [],
    edited: undefined,
  }
}
