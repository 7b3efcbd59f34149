import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../ids'
import { createCompany, deleteCompany, type Industry } from '../companies'
import { updateCell, type Level } from './cells'
import { seedDemoWorkspace } from '../../demo'
import { findMatches } from './matching'
import { setMatchStatus } from './matchStatus'
import { buildCompetenceIndex } from './matrixIndex'
import { matchPipeline, readMatchMarks } from './pipeline'
import { addCompetence } from './vocabulary'

const ada = { author: { name: 'Ada' }, now: 1_000 }

function company(doc: Y.Doc, id: string, name: string, industry: Industry): CompanyId {
  return createCompany(doc, {
    id: id as CompanyId,
    name,
    industry,
    location: '',
    description: '',
    color: '#123456',
  })
}

function cell(
  doc: Y.Doc,
  companyId: CompanyId,
  competenceId: CompetenceId,
  offer: Level,
  need: Level,
) {
  updateCell(doc, { ...ada, companyId, competenceId, offer, need })
}

/** A small cluster whose expected ranking is worked out by hand in the tests below. */
function fixture() {
  const doc = new Y.Doc()
  const vestplate = company(doc, 'co-vest', 'Vestplate AS', 'wood-panels')
  const panelco = company(doc, 'co-panel', 'Panelco AS', 'wood-panels')
  const fjordmat = company(doc, 'co-fjord', 'Fjordmat AS', 'food')
  const embla = company(doc, 'co-embla', 'Embla Emballasje AS', 'packaging')
  const hik = company(doc, 'co-hik', 'Høgskolen i Kryssdalen', 'university')
  const lien = company(doc, 'co-lien', 'Lien Møbelverk AS', 'furniture')
  const treform = company(doc, 'co-treform', 'Treform Interiør AS', 'furniture')
  const binders = addCompetence(doc, {
    id: 'cp-binders' as CompetenceId,
    name: 'Biobaserte bindemidler',
    nameEn: 'Bio-based binders',
    category: 'materials',
  })
  const robot = addCompetence(doc, {
    id: 'cp-robot' as CompetenceId,
    name: 'Robotceller',
    nameEn: 'Robot cells',
    category: 'automation',
  })
  const heat = addCompetence(doc, {
    id: 'cp-heat' as CompetenceId,
    name: 'Varmegjenvinning',
    category: 'energy',
  })
  // Binders: Vestplate needs them (critical) and offers a little itself (never matched).
  cell(doc, vestplate, binders, 1, 3)
  cell(doc, fjordmat, binders, 2, 0) // food, solid:       2 + 2 + 3 = 7
  cell(doc, embla, binders, 2, 0) // packaging, solid:     2 + 2 + 3 = 7 (name before Fjordmat)
  cell(doc, panelco, binders, 3, 0) // same industry, expert: 3 + 3 = 6
  cell(doc, hik, binders, 1, 0) // university, some:       2 + 1 + 3 = 6 (lower offer than Panelco)
  // Robot cells: Lien needs them (important).
  cell(doc, lien, robot, 0, 2)
  cell(doc, treform, robot, 3, 0) // same industry, expert: 3 + 2 = 5
  cell(doc, hik, robot, 2, 0) // university, solid:         2 + 2 + 2 = 6
  // Heat recovery: Fjordmat would like it (nice to have); nobody offers it.
  cell(doc, fjordmat, heat, 0, 1)
  return { doc, vestplate, panelco, fjordmat, embla, hik, lien, treform, binders, robot, heat }
}

describe('matchmaking', () => {
  it('ranks offers from other companies: other industry first, then levels, then name', () => {
    const f = fixture()
    const needs = findMatches(buildCompetenceIndex(f.doc))
    expect(needs.map((need) => [need.companyId, need.competenceId, need.needLevel])).toEqual([
      [f.vestplate, f.binders, 3],
      [f.lien, f.robot, 2],
      [f.fjordmat, f.heat, 1],
    ])
    const [binders, robot, heat] = needs
    expect(binders!.matches.map((match) => [match.offerCompanyId, match.score])).toEqual([
      [f.embla, 7],
      [f.fjordmat, 7],
      [f.panelco, 6],
      [f.hik, 6],
    ])
    expect(robot!.matches.map((match) => [match.offerCompanyId, match.score])).toEqual([
      [f.hik, 6],
      [f.treform, 5],
    ])
    expect(heat!.matches).toEqual([])
    expect(binders!.matches.map((match) => match.crossIndustry)).toEqual([true, true, false, true])
  })

  it('explains each match in one line, in Bokmål and English', () => {
    const f = fixture()
    const [binders, robot] = findMatches(buildCompetenceIndex(f.doc))
    const fjordmat = binders!.matches.find((match) => match.offerCompanyId === f.fjordmat)!
    expect(fjordmat.explanation).toEqual({
      nb: 'Vestplate AS (plateprodusent) trenger Biobaserte bindemidler (kritisk); Fjordmat AS (matprodusent) tilbyr det (solid) — annen bransje',
      en: 'Vestplate AS (panel maker) needs Bio-based binders (critical); Fjordmat AS (food producer) offers it (solid) — different industry',
    })
    expect(robot!.matches[1]!.explanation.en).toBe(
      'Lien Møbelverk AS (furniture maker) needs Robot cells (important); Treform Interiør AS (furniture maker) offers it (expert) — same industry',
    )
  })

  it('is deterministic: the same order however the cells were written', () => {
    const f = fixture()
    const copy = new Y.Doc()
    // Apply the state in two halves, in the other order.
    const update = Y.encodeStateAsUpdate(f.doc)
    Y.applyUpdate(copy, update)
    const a = findMatches(buildCompetenceIndex(f.doc))
    const b = findMatches(buildCompetenceIndex(copy))
    expect(b).toEqual(a)
  })

  it('caps the offers per need when asked, and follows level changes', () => {
    const f = fixture()
    expect(findMatches(buildCompetenceIndex(f.doc), { limit: 1 })[0]!.matches).toHaveLength(1)
    cell(f.doc, f.panelco, f.binders, 0, 0)
    const binders = findMatches(buildCompetenceIndex(f.doc))[0]!
    expect(binders.matches.map((match) => match.offerCompanyId)).toEqual([
      f.embla,
      f.fjordmat,
      f.hik,
    ])
  })

  it('attaches marks and groups marked matches into the pipeline', () => {
    const f = fixture()
    const mark = (
      offer: CompanyId,
      status: 'contacted' | 'project-started' | 'not-relevant' | undefined,
      now: number,
    ) =>
      setMatchStatus(f.doc, {
        needCompanyId: f.vestplate,
        offerCompanyId: offer,
        competenceId: f.binders,
        status,
        author: { name: 'Bo' },
        now,
      })
    mark(f.fjordmat, 'contacted', 10)
    mark(f.embla, 'contacted', 20)
    mark(f.panelco, 'not-relevant', 30)
    mark(f.hik, 'project-started', 40)
    mark(f.hik, undefined, 50) // back to none
    const index = buildCompetenceIndex(f.doc)
    const marks = readMatchMarks(f.doc, index.resolve)
    const [binders] = findMatches(index, { marks })
    expect(binders!.matches.map((match) => match.mark?.status)).toEqual([
      'contacted',
      'contacted',
      'not-relevant',
      undefined,
    ])
    const pipeline = matchPipeline(index, marks)
    expect(pipeline.contacted.map((entry) => entry.offerCompanyId)).toEqual([f.embla, f.fjordmat])
    expect(pipeline.contacted[0]).toMatchObject({
      needLevel: 3,
      offerLevel: 2,
      mark: { by: 'Bo', at: 20 },
    })
    expect(pipeline['not-relevant'].map((entry) => entry.offerCompanyId)).toEqual([f.panelco])
    expect(pipeline['project-started']).toEqual([])
  })

  it('drops a deleted company with its cells and marks', () => {
    const f = fixture()
    setMatchStatus(f.doc, {
      needCompanyId: f.vestplate,
      offerCompanyId: f.fjordmat,
      competenceId: f.binders,
      status: 'contacted',
      author: { name: 'Bo' },
      now: 5,
    })
    deleteCompany(f.doc, f.fjordmat)
    const index = buildCompetenceIndex(f.doc)
    expect(index.byCompany.has(f.fjordmat)).toBe(false)
    expect(readMatchMarks(f.doc, index.resolve).size).toBe(0)
    expect(findMatches(index).map((need) => need.companyId)).toEqual([f.vestplate, f.lien])
  })
})

describe('the example workspace', () => {
  it('has a few dozen cells and a cross-industry match for every critical need', () => {
    const doc = new Y.Doc()
    seedDemoWorkspace(doc, 1_000_000)
    const index = buildCompetenceIndex(doc)
    expect(index.cells.length).toBeGreaterThanOrEqual(30)
    expect(index.companies.every((company) => company.website.startsWith('https://'))).toBe(true)
    const critical = findMatches(index).filter((need) => need.needLevel === 3)
    expect(critical.length).toBeGreaterThanOrEqual(3)
    for (const need of critical)
      expect(need.matches[0]?.crossIndustry, need.competenceId).toBe(true)
    const binders = critical.find((need) => need.competenceId === 'cp-binders')!
    expect(binders.matches[0]!.explanation.en).toBe(
      'Vestplate AS (panel maker) needs Bio-based binders (critical); Høgskolen i Kryssdalen (university) offers it (solid) — different industry',
    )
  })
})
