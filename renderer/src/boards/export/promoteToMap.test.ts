import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { createCompany, listCompanies } from '../../../../shared/model/companies'
import { readRawCell } from '../../../../shared/model/competence/cells'
import { buildCompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { applyPromotedCell } from '../../../../shared/model/competence/promote'
import {
  addCompetence,
  addSynonym,
  readVocabulary,
} from '../../../../shared/model/competence/vocabulary'
import {
  authorCompany,
  buildPromotion,
  companyKey,
  companyNamed,
  suggestCompetence,
} from './promoteToMap'

function setup() {
  const doc = new Y.Doc()
  const company = (id: string, name: string): CompanyId =>
    createCompany(doc, {
      id: id as CompanyId,
      name,
      industry: 'other',
      location: '',
      description: '',
      color: '#123456',
    })
  const lien = company('co-lien', 'Lien Møbelverk AS')
  const hik = company('co-hik', 'Høgskolen i Kryssdalen')
  const binders = addCompetence(doc, {
    id: 'cp-binders' as CompetenceId,
    name: 'Biobaserte bindemidler',
    nameEn: 'Bio-based binders',
    category: 'materials',
  })
  addSynonym(doc, binders, 'Biolim')
  return { doc, lien, hik, binders, companies: listCompanies(doc) }
}

const sticky = (text: string) => ({
  text,
  boardTitle: 'Verksted mars',
  workshopDate: Date.UTC(2026, 2, 12),
  author: 'Kari',
})

describe('companyNamed', () => {
  it('finds a member company by its name without case, accents or legal form', () => {
    const { companies, lien, hik } = setup()
    expect(companyKey('Lien Møbelverk AS')).toBe('lien møbelverk')
    expect(companyNamed(companies, 'Lien Møbelverk')).toBe(lien)
    expect(companyNamed(companies, ' lien møbelverk as ')).toBe(lien)
    expect(companyNamed(companies, 'Høgskolen i Kryssdalen')).toBe(hik)
    expect(companyNamed(companies, 'Lien')).toBeUndefined()
    expect(companyNamed(companies, '')).toBeUndefined()
    // "AS" alone is a name, not a legal form to drop.
    expect(companyKey('AS')).toBe('as')
  })
})

describe('authorCompany', () => {
  it('finds the author by person id first, by name when the id is not there', () => {
    const { companies, lien, hik } = setup()
    const people = [
      { personId: 'p-kari', name: 'Kari', company: 'Høgskolen i Kryssdalen' },
      { name: 'Ola', company: 'Lien Møbelverk' },
    ]
    expect(authorCompany({ id: 'p-kari', name: 'Someone else' }, people, companies)).toBe(hik)
    expect(authorCompany({ id: 'p-ola', name: 'Ola' }, people, companies)).toBe(lien)
    expect(authorCompany({ id: 'p-gone', name: 'Per' }, people, companies)).toBeUndefined()
    expect(
      authorCompany({ id: '', name: 'Ola' }, [{ name: 'Ola', company: 'Ukjent AS' }], companies),
    ).toBeUndefined()
  })
})

describe('buildPromotion', () => {
  it('suggests the competence the first line names, by label or synonym', () => {
    const { doc, binders } = setup()
    const live = readVocabulary(doc).live
    expect(suggestCompetence(sticky('biolim\nfra potetskrell'), live, 'nb')).toEqual({
      kind: 'existing',
      id: binders,
      name: 'Biobaserte bindemidler',
    })
    expect(suggestCompetence(sticky('Pulverlakk'), live, 'nb')).toEqual({
      kind: 'new',
      name: 'Pulverlakk',
      category: 'other',
    })
    expect(suggestCompetence(sticky('  \n '), live, 'nb')).toBeUndefined()
  })

  it('writes a need for a new competence with the provenance, and it shows in the map', () => {
    const { doc, lien } = setup()
    const live = readVocabulary(doc).live
    const promoted = buildPromotion({
      sticky: sticky('Pulverlakk'),
      vocabulary: live,
      lang: 'en',
      choice: {
        side: 'need',
        companyId: lien,
        level: 3,
        competence: { kind: 'new', name: 'Pulverlakk', category: 'processes' },
      },
    })
    expect(promoted?.comment).toBe('From workshop board «Verksted mars» 2026-03-12, by Kari')
    const id = applyPromotedCell(doc, promoted!, { author: { name: 'Ada' }, now: 5 })
    const index = buildCompetenceIndex(doc)
    expect(index.competenceById.get(id)?.category).toBe('processes')
    expect(index.cell(lien, id)).toMatchObject({ need: 3, offer: 0 })
    expect(readRawCell(doc, lien, id).edited).toEqual({ by: 'Ada', at: 5 })
  })

  it('keeps the sticky’s words when another competence than the suggested new one is chosen', () => {
    const { doc, hik, binders } = setup()
    const live = readVocabulary(doc).live
    const promoted = buildPromotion({
      sticky: sticky('Stivelseslim'),
      vocabulary: live,
      lang: 'nb',
      choice: {
        side: 'offer',
        companyId: hik,
        level: 2,
        competence: { kind: 'existing', id: binders },
      },
    })
    expect(promoted?.competence).toEqual({
      kind: 'existing',
      id: binders,
      name: 'Biobaserte bindemidler',
    })
    expect(promoted?.comment).toBe(
      'Stivelseslim\nFra workshoptavla «Verksted mars» 2026-03-12, av Kari',
    )
    // Renamed: the words stay too.
    const renamed = buildPromotion({
      sticky: sticky('Stivelseslim'),
      vocabulary: live,
      lang: 'nb',
      choice: {
        side: 'offer',
        companyId: hik,
        level: 2,
        competence: { kind: 'new', name: 'Stivelsesbasert lim', category: 'materials' },
      },
    })
    expect(renamed?.comment.split('\n')[0]).toBe('Stivelseslim')
  })

  it('uses the existing competence when a "new" name is already in the vocabulary', () => {
    const { doc, hik, binders } = setup()
    const promoted = buildPromotion({
      sticky: sticky('Lim av stivelse'),
      vocabulary: readVocabulary(doc).live,
      lang: 'en',
      choice: {
        side: 'offer',
        companyId: hik,
        level: 1,
        competence: { kind: 'new', name: ' bio-based  BINDERS ', category: 'other' },
      },
    })
    expect(promoted?.competence).toMatchObject({ kind: 'existing', id: binders })
    applyPromotedCell(doc, promoted!, { author: { name: 'Ada' }, now: 1 })
    expect(readVocabulary(doc).live).toHaveLength(1)
  })

  it('refuses an empty sticky, an empty new name and an unknown competence', () => {
    const { doc, lien } = setup()
    const live = readVocabulary(doc).live
    const choice = {
      side: 'offer' as const,
      companyId: lien,
      level: 1 as const,
      competence: { kind: 'new' as const, name: 'X', category: 'other' as const },
    }
    expect(
      buildPromotion({ sticky: sticky(' '), vocabulary: live, lang: 'nb', choice }),
    ).toBeUndefined()
    expect(
      buildPromotion({
        sticky: sticky('Noe'),
        vocabulary: live,
        lang: 'nb',
        choice: { ...choice, competence: { ...choice.competence, name: '   ' } },
      }),
    ).toBeUndefined()
    expect(
      buildPromotion({
        sticky: sticky('Noe'),
        vocabulary: live,
        lang: 'nb',
        choice: { ...choice, competence: { kind: 'existing', id: 'cp-gone' as CompetenceId } },
      }),
    ).toBeUndefined()
  })
})
