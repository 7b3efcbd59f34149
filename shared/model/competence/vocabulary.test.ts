import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../ids'
import {
  companyInitials,
  createCompany,
  createCompetence,
  getCompany,
  listCompanies,
  updateCompany,
} from '../companies'
import { readRawCell, setCellComment, setNeedLevel, setOfferLevel } from './cells'
import { applyPromotedCell, promoteStickyToCell } from './promote'
import {
  addCompetence,
  addSynonym,
  deleteCompetence,
  escoSchema,
  findCompetenceByLabel,
  readVocabulary,
  removeSynonym,
  updateCompetence,
} from './vocabulary'

const ada = { author: { name: 'Ada' }, now: 1_000 }

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

function twoReplicas() {
  const a = new Y.Doc()
  const company = createCompany(a, {
    id: 'co-lien' as CompanyId,
    name: 'Lien Møbelverk AS',
    industry: 'furniture',
    location: 'Nordvik',
    description: '',
    color: '#b45309',
  })
  const competence = addCompetence(a, { id: 'cp-robot' as CompetenceId, name: 'Robotceller' })
  const b = new Y.Doc()
  sync(a, b)
  return { a, b, company, competence }
}

describe('company profiles', () => {
  it('reads old records with the new fields empty, and validates updates', () => {
    const { a, company } = twoReplicas()
    expect(getCompany(a, company)).toMatchObject({ sizeBand: '', website: '', contactPerson: '' })
    updateCompany(a, company, {
      website: 'lien.no',
      sizeBand: '50-249',
      contactEmail: 'ola@lien.no',
    })
    expect(getCompany(a, company)).toMatchObject({
      website: 'https://lien.no',
      sizeBand: '50-249',
      contactEmail: 'ola@lien.no',
    })
    expect(() => updateCompany(a, company, { website: 'ikke en adresse' })).toThrow()
    expect(() => updateCompany(a, company, { name: '  ' })).toThrow()
    expect(() => updateCompany(a, company, { color: 'red' })).toThrow()
    expect(getCompany(a, company)?.website).toBe('https://lien.no')
    expect(updateCompany(a, 'co-none' as CompanyId, { name: 'X' })).toBe(false)
  })

  it('keeps both of two people’s edits to different fields of one profile', () => {
    const { a, b, company } = twoReplicas()
    updateCompany(a, company, { contactPerson: 'Ola Lien' })
    updateCompany(b, company, { location: 'Elvestad', sizeBand: '10-49' })
    sync(a, b)
    for (const doc of [a, b]) {
      expect(getCompany(doc, company)).toMatchObject({
        contactPerson: 'Ola Lien',
        location: 'Elvestad',
        sizeBand: '10-49',
      })
    }
  })

  it('sorts by Norwegian alphabet and makes initials for the badge', () => {
    const doc = new Y.Doc()
    for (const name of ['Østbø AS', 'Aune Bygg AS', 'Ærlig AS', 'Zeta AS']) {
      createCompany(doc, {
        name,
        industry: 'other',
        location: '',
        description: '',
        color: '#000000',
      })
    }
    expect(listCompanies(doc).map((company) => company.name)).toEqual([
      'Aune Bygg AS',
      'Zeta AS',
      'Ærlig AS',
      'Østbø AS',
    ])
    expect(companyInitials('Lien Møbelverk AS')).toBe('LM')
    expect(companyInitials('Høgskolen i Kryssdalen')).toBe('HI')
    expect(companyInitials('Fjordmat AS')).toBe('F')
  })
})

describe('cells', () => {
  it('keeps two people’s offer and need on the same new cell, and edits of different cells', () => {
    const { a, b, company, competence } = twoReplicas()
    const other = addCompetence(a, { name: 'Laserskjæring', category: 'processes' })
    sync(a, b)
    setOfferLevel(a, { ...ada, companyId: company, competenceId: competence, level: 2 })
    setNeedLevel(b, { ...ada, companyId: company, competenceId: competence, level: 3 })
    setCellComment(b, { ...ada, companyId: company, competenceId: other, comment: 'Trenger hjelp' })
    sync(a, b)
    for (const doc of [a, b]) {
      expect(readRawCell(doc, company, competence)).toMatchObject({ offer: 2, need: 3 })
      expect(readRawCell(doc, company, other).comment).toBe('Trenger hjelp')
    }
    setOfferLevel(a, { ...ada, companyId: company, competenceId: competence, level: 0 })
    expect(readRawCell(a, company, competence)).toMatchObject({ offer: 0, need: 3 })
  })
})

describe('the vocabulary', () => {
  it('has labels in two languages, a fixed category, synonyms and an ESCO code', () => {
    const doc = new Y.Doc()
    const id = addCompetence(doc, {
      name: '  Varme\u00a0gjenvinning ',
      nameEn: 'Heat recovery',
      category: 'energy',
      synonyms: ['spillvarme', 'Spillvarme', 'varmegjenvinning'],
      esco: 'S1.2.3',
    })
    const entry = readVocabulary(doc).entries.get(id)!
    expect(entry).toMatchObject({
      name: 'Varme gjenvinning',
      labels: { nb: 'Varme gjenvinning', en: 'Heat recovery' },
      category: 'energy',
      synonyms: ['spillvarme', 'varmegjenvinning'],
      esco: 'S1.2.3',
    })
    addSynonym(doc, id, 'Overskuddsvarme')
    removeSynonym(doc, id, 'SPILLVARME')
    updateCompetence(doc, id, { nameEn: '', category: 'circularity', esco: '' })
    expect(readVocabulary(doc).entries.get(id)).toMatchObject({
      labels: { nb: 'Varme gjenvinning', en: 'Varme gjenvinning' },
      hasEnglishLabel: false,
      category: 'circularity',
      synonyms: ['Overskuddsvarme', 'varmegjenvinning'],
      esco: undefined,
    })
    expect(findCompetenceByLabel(readVocabulary(doc).live, 'overskuddsvarme')?.id).toBe(id)
  })

  it('checks ESCO references loosely and refuses bad values without writing', () => {
    for (const ok of [
      'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
      'https://data.europa.eu/esco/occupation/1234',
      'S4.8.1',
      '2144',
      '',
    ]) {
      expect(escoSchema.safeParse(ok).success, ok).toBe(true)
    }
    for (const bad of ['esco', 'http://example.com/skill/1', 'S 1', 'javascript:alert(1)']) {
      expect(escoSchema.safeParse(bad).success, bad).toBe(false)
    }
    const doc = new Y.Doc()
    const id = addCompetence(doc, { name: 'Noe' })
    expect(() => updateCompetence(doc, id, { esco: 'nei' })).toThrow()
    expect(() => addCompetence(doc, { name: '' })).toThrow()
    expect(readVocabulary(doc).live).toHaveLength(1)
  })

  it('reads competences written by older code (no synonyms set, any category text)', () => {
    const doc = new Y.Doc()
    const id = createCompetence(doc, { name: 'Gammel', category: 'something-else' })
    doc.getMap<Y.Map<unknown>>('competences').get(id)!.delete('synonyms')
    expect(readVocabulary(doc).entries.get(id)).toMatchObject({ category: 'other', synonyms: [] })
    addSynonym(doc, id, 'eldre')
    expect(readVocabulary(doc).entries.get(id)?.synonyms).toEqual(['eldre'])
  })

  it('deletes a competence with its cells and the notes’ references', () => {
    const { a, company, competence } = twoReplicas()
    setOfferLevel(a, { ...ada, companyId: company, competenceId: competence, level: 3 })
    deleteCompetence(a, competence)
    expect(readRawCell(a, company, competence).offer).toBe(0)
    expect(readVocabulary(a).entries.has(competence)).toBe(false)
  })
})

describe('promoting a sticky to an offer or a need', () => {
  const sticky = {
    text: 'robotceller\nVi har to celler som står ledig om natta',
    boardTitle: 'Idé → prosjekt',
    workshopDate: Date.UTC(2026, 10, 26, 9),
    author: 'Bjørn Haugen',
  }

  it('picks the vocabulary’s competence by label and keeps the provenance in the comment', () => {
    const { a, company, competence } = twoReplicas()
    const promoted = promoteStickyToCell({
      sticky,
      side: 'offer',
      companyId: company,
      vocabulary: readVocabulary(a).live,
      lang: 'nb',
    })
    expect(promoted).toEqual({
      companyId: company,
      side: 'offer',
      level: 1,
      competence: { kind: 'existing', id: competence, name: 'Robotceller' },
      comment:
        'robotceller Vi har to celler som står ledig om natta\nFra workshoptavla «Idé → prosjekt» 2026-11-26, av Bjørn Haugen',
    })
    setOfferLevel(a, { ...ada, companyId: company, competenceId: competence, level: 3 })
    applyPromotedCell(a, promoted!, ada)
    // Never lowers what is there; adds the comment.
    expect(readRawCell(a, company, competence)).toMatchObject({
      offer: 3,
      comment: promoted!.comment,
    })
  })

  it('proposes a new competence named after the first line when none fits, and writes it', () => {
    const { a, company } = twoReplicas()
    const promoted = promoteStickyToCell({
      sticky: { ...sticky, text: 'Biokull fra bark' },
      side: 'need',
      companyId: company,
      vocabulary: readVocabulary(a).live,
      lang: 'en',
    })!
    expect(promoted.competence).toEqual({
      kind: 'new',
      name: 'Biokull fra bark',
      category: 'other',
    })
    expect(promoted.level).toBe(2)
    expect(promoted.comment).toBe(
      'From workshop board «Idé → prosjekt» 2026-11-26, by Bjørn Haugen',
    )
    const id = applyPromotedCell(a, promoted, ada)
    expect(readVocabulary(a).entries.get(id)?.name).toBe('Biokull fra bark')
    expect(readRawCell(a, company, id)).toMatchObject({ need: 2, offer: 0 })
    expect(
      promoteStickyToCell({
        sticky: { ...sticky, text: '   ' },
        side: 'need',
        companyId: company,
        vocabulary: [],
        lang: 'en',
      }),
    ).toBeUndefined()
  })
})
