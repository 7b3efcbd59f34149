import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId, NoteId } from '../../ids'
import { createCompany, listCompetences } from '../companies'
import { addNoteCompetence, createNote, getNote } from '../notes'
import { readRawCells, updateCell } from './cells'
import { setMatchStatus } from './matchStatus'
import { buildCompetenceIndex } from './matrixIndex'
import { mergeCompetences, settleMerges } from './merge'
import { readMatchMarks } from './pipeline'
import {
  addCompetence,
  addSynonym,
  readVocabulary,
  renameCompetence,
  resolveCompetence,
  resolveCompetenceIds,
} from './vocabulary'

const ada = { author: { name: 'Ada' }, now: 1_000 }
const bo = { author: { name: 'Bo' }, now: 2_000 }

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

function replicaPair() {
  const a = new Y.Doc()
  a.clientID = 1
  const co = (id: string, name: string) =>
    createCompany(a, {
      id: id as CompanyId,
      name,
      industry: 'food',
      location: '',
      description: '',
      color: '#000000',
    })
  const fjordmat = co('co-fjord', 'Fjordmat AS')
  const vestplate = co('co-vest', 'Vestplate AS')
  const starch = addCompetence(a, {
    id: 'cp-starch' as CompetenceId,
    name: 'Stivelseskjemi',
    nameEn: 'Starch chemistry',
    category: 'materials',
    synonyms: ['stivelse'],
  })
  const starch2 = addCompetence(a, {
    id: 'cp-starch2' as CompetenceId,
    name: 'Stivelse som råstoff',
    category: 'materials',
    synonyms: ['potetstivelse'],
  })
  updateCell(a, {
    ...ada,
    companyId: fjordmat,
    competenceId: starch,
    offer: 2,
    comment: 'Pilot i 2024',
  })
  updateCell(a, {
    ...ada,
    companyId: fjordmat,
    competenceId: starch2,
    offer: 3,
    need: 1,
    comment: 'Store mengder skrell',
    addEvidence: ['note-b' as NoteId],
  })
  const note = createNote(a, { ...ada, title: 'Stivelse', competenceIds: [starch2] })
  const b = new Y.Doc()
  b.clientID = 2
  sync(a, b)
  return { a, b, fjordmat, vestplate, starch, starch2, note }
}

describe('merging competences', () => {
  it('combines cells, moves note references and synonyms, and leaves a tombstone', () => {
    const { a, fjordmat, starch, starch2, note } = replicaPair()
    mergeCompetences(a, { ...bo, keepId: starch, removeId: starch2 })
    const index = buildCompetenceIndex(a)
    expect(index.cell(fjordmat, starch)).toMatchObject({
      offer: 3,
      need: 1,
      comment: 'Pilot i 2024\nStore mengder skrell',
      evidence: ['note-b'],
    })
    expect([...readRawCells(a).keys()]).toEqual([`${fjordmat}|${starch}`])
    expect(getNote(a, note)?.competenceIds).toEqual([starch])
    const vocabulary = readVocabulary(a)
    expect(vocabulary.live.map((entry) => entry.id)).toEqual([starch])
    expect(vocabulary.entries.get(starch)?.synonyms).toEqual([
      'potetstivelse',
      'stivelse',
      'Stivelse som råstoff',
    ])
    expect(vocabulary.entries.get(starch2)?.mergedInto).toBe(starch)
    expect(resolveCompetence(a, starch2)).toBe(starch)
    expect(listCompetences(a).map((competence) => competence.id)).toEqual([starch])
    // Looking up the old id reads the merged cell.
    expect(index.cell(fjordmat, starch2)?.offer).toBe(3)
  })

  it('renames without touching references', () => {
    const { a, fjordmat, starch, note } = replicaPair()
    addNoteCompetence(a, note, { ...ada, competenceId: starch })
    renameCompetence(a, starch, 'Stivelse og kjemi')
    expect(readVocabulary(a).entries.get(starch)?.labels).toEqual({
      nb: 'Stivelse og kjemi',
      en: 'Starch chemistry',
    })
    expect(buildCompetenceIndex(a).cell(fjordmat, starch)?.offer).toBe(2)
    expect(getNote(a, note)?.competenceIds).toContain(starch)
  })

  it('converges when one replica merges while the other adds an offer and tags a note with the old id', () => {
    const { a, b, fjordmat, vestplate, starch, starch2, note } = replicaPair()
    // A merges starch2 into starch; at the same time B, not having seen it, works on starch2.
    mergeCompetences(a, { ...bo, keepId: starch, removeId: starch2 })
    updateCell(b, {
      ...ada,
      companyId: vestplate,
      competenceId: starch2,
      need: 3,
      comment: 'Til lim',
    })
    updateCell(b, {
      ...ada,
      companyId: fjordmat,
      competenceId: starch2,
      addEvidence: ['note-c' as NoteId],
    })
    const other = createNote(b, { ...ada, title: 'Lim', competenceIds: [starch2] })
    addSynonym(b, starch2, 'maisstivelse')
    setMatchStatus(b, {
      needCompanyId: vestplate,
      offerCompanyId: fjordmat,
      competenceId: starch2,
      status: 'contacted',
      author: { name: 'Bo' },
      now: 3_000,
    })
    sync(a, b)
    expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b))

    for (const doc of [a, b]) {
      const index = buildCompetenceIndex(doc)
      expect(index.competences.map((entry) => entry.id)).toEqual([starch])
      // B's need shows on the kept competence; its evidence joins the merged cell.
      expect(index.cell(vestplate, starch)).toMatchObject({ need: 3, comment: 'Til lim' })
      expect(index.cell(fjordmat, starch)).toMatchObject({ offer: 3, need: 1 })
      expect(index.cell(fjordmat, starch)?.evidence).toEqual(['note-b', 'note-c'])
      expect(index.byCompetence.get(starch2)).toBeUndefined()
      const resolve = index.resolve
      expect(resolveCompetenceIds(resolve, getNote(doc, other)!.competenceIds)).toEqual([starch])
      expect(resolveCompetenceIds(resolve, getNote(doc, note)!.competenceIds)).toEqual([starch])
      expect([...readMatchMarks(doc, resolve).keys()]).toEqual([
        `${vestplate}|${starch}|${fjordmat}`,
      ])
      expect(index.competences[0]?.synonyms).toContain('maisstivelse')
    }

    // Settling moves the stragglers for good; both replicas end up with the same clean state.
    expect(settleMerges(b, bo)).toBe(true)
    expect(settleMerges(b, bo)).toBe(false)
    sync(a, b)
    for (const doc of [a, b]) {
      expect([...readRawCells(doc).values()].every((cell) => cell.competenceId === starch)).toBe(
        true,
      )
      expect(getNote(doc, other)?.competenceIds).toEqual([starch])
      expect(readVocabulary(doc).entries.get(starch)?.synonyms).toContain('maisstivelse')
    }
    expect(buildCompetenceIndex(b).cell(fjordmat, starch)?.evidence).toEqual(['note-b', 'note-c'])
  })

  it('resolves a merge cycle made on two replicas to the same survivor everywhere', () => {
    const { a, b, fjordmat, starch, starch2 } = replicaPair()
    mergeCompetences(a, { ...bo, keepId: starch, removeId: starch2 })
    mergeCompetences(b, { ...bo, keepId: starch2, removeId: starch })
    sync(a, b)
    for (const doc of [a, b]) {
      // The smaller id survives; nothing is lost.
      expect(resolveCompetence(doc, starch)).toBe(starch)
      expect(resolveCompetence(doc, starch2)).toBe(starch)
      expect(buildCompetenceIndex(doc).cell(fjordmat, starch)).toMatchObject({ offer: 3, need: 1 })
    }
    settleMerges(a, bo)
    sync(a, b)
    expect(readVocabulary(b).entries.get(starch)?.mergedInto).toBeUndefined()
    expect(listCompetences(b).map((competence) => competence.id)).toEqual([starch])
  })

  it('follows chains of merges and refuses to merge a competence into itself', () => {
    const { a, starch, starch2 } = replicaPair()
    const third = addCompetence(a, { name: 'Tredje', category: 'materials' })
    mergeCompetences(a, { ...bo, keepId: starch2, removeId: third })
    mergeCompetences(a, { ...bo, keepId: starch, removeId: starch2 })
    expect(resolveCompetence(a, third)).toBe(starch)
    expect(() => mergeCompetences(a, { ...bo, keepId: starch, removeId: third })).toThrow()
    expect(resolveCompetence(a, 'cp-nowhere' as CompetenceId)).toBeUndefined()
  })
})
