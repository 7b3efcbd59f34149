import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId, NoteId } from '../../ids'
import { createCompany, listCompanies } from '../companies'
import { createNote } from '../notes'
import { readRawCells, updateCell } from './cells'
import { classifyCsv, exportCompetenceMapCsv, parseCsv } from './csv'
import { applyCsvImport, planCsvImport } from './csvImport'
import { fillCompetenceMap } from './fixtures'
import { kumuBlueprint, kumuCsv } from './kumu'
import { buildCompetenceIndex } from './matrixIndex'
import { addCompetence, readVocabulary } from './vocabulary'

const ada = { author: { name: 'Ada' }, now: 1_000 }

/** A map whose text has everything a CSV can get wrong. */
function trickyMap(): Y.Doc {
  const doc = new Y.Doc()
  const note = createNote(doc, { ...ada, title: 'Bevis', id: 'note-proof' as NoteId })
  const company = createCompany(doc, {
    id: 'co-ostbo' as CompanyId,
    name: 'Østbø Sag & Høvleri, «Æra» AS',
    industry: 'wood-panels',
    location: 'Ås, Øvre',
    description: 'Sier "vi kan det"\nog mener det, med komma, semikolon; og alt',
    color: '#a16207',
    sizeBand: '10-49',
    website: 'https://østbø.no/om-oss?a=1,2',
    contactPerson: 'Åse Ærlig',
    contactEmail: 'ase@ostbo.no',
  })
  const plain = createCompany(doc, {
    id: 'co-plain' as CompanyId,
    name: 'Plain AS',
    industry: 'food',
    location: '',
    description: '',
    color: '#15803d',
  })
  const tørking = addCompetence(doc, {
    id: 'cp-dry' as CompetenceId,
    name: 'Tørking av trevirke, «kammer»',
    nameEn: 'Kiln "drying"',
    category: 'processes',
    synonyms: ['tørke', 'Ovnstørk, rask'],
    esco: 'http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-000000000000',
  })
  const formula = addCompetence(doc, {
    id: 'cp-eq' as CompetenceId,
    name: '=SUM(A1) angrep',
    category: 'digital',
  })
  updateCell(doc, {
    ...ada,
    companyId: company,
    competenceId: tørking,
    offer: 3,
    need: 1,
    comment: 'Linje én, med "sitat"\nlinje to; æøå ÆØÅ',
    addEvidence: [note],
  })
  updateCell(doc, { ...ada, companyId: plain, competenceId: tørking, need: 3 })
  updateCell(doc, {
    ...ada,
    companyId: plain,
    competenceId: formula,
    offer: 1,
    comment: '-2+3 er en formel',
  })
  return doc
}

/** What the map says, without ids that a fresh import may choose anew or edit stamps. */
function mapOf(doc: Y.Doc) {
  const index = buildCompetenceIndex(doc)
  return {
    companies: index.companies,
    competences: index.competences,
    cells: index.cells.map(({ edited: _edited, ...cell }) => cell),
  }
}

describe('CSV export and import', () => {
  it('writes UTF-8 with a BOM, CRLF and quoted fields, and reads the same back', () => {
    const files = exportCompetenceMapCsv(buildCompetenceIndex(trickyMap()))
    expect(files.companies.startsWith('\uFEFFid,name,industry,size,')).toBe(true)
    expect(files.companies).toContain('"Østbø Sag & Høvleri, «Æra» AS"')
    expect(files.companies).toContain(
      '"Sier ""vi kan det""\nog mener det, med komma, semikolon; og alt"',
    )
    expect(files.cells).toContain('\r\n')
    // A value a spreadsheet would run as a formula is defused.
    expect(files.competences).toContain(`,"'=SUM(A1) angrep",`)
    expect(files.cells).toContain(`"'-2+3 er en formel"`)
    const table = parseCsv(files.cells)
    expect(table.rows.map((row) => row.row)).toEqual([2, 3, 4])
    expect(table.rows.find((row) => row.values.company_id === 'co-ostbo')?.values.comment).toBe(
      'Linje én, med "sitat"\nlinje to; æøå ÆØÅ',
    )
  })

  it('imports into a fresh workspace and reproduces the map: companies, vocabulary, cells', () => {
    const source = trickyMap()
    const files = exportCompetenceMapCsv(buildCompetenceIndex(source))
    const target = new Y.Doc()
    createNote(target, { ...ada, title: 'Bevis', id: 'note-proof' as NoteId })
    const plan = planCsvImport(target, files)
    expect(plan.problems).toEqual([])
    expect(plan.warnings).toEqual([])
    expect(plan.ok).toBe(true)
    expect(plan.companies.map((company) => company.action)).toEqual(['create', 'create'])
    applyCsvImport(target, plan, ada)
    expect(mapOf(target)).toEqual(mapOf(source))
    expect(readVocabulary(target).entries.get('cp-dry' as CompetenceId)?.esco).toBe(
      'http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-000000000000',
    )
  })

  it('round-trips the 50 × 300 fixture, and with ";" as the delimiter', () => {
    const source = new Y.Doc()
    fillCompetenceMap(source, { companies: 12, competences: 40, seed: 3 })
    for (const delimiter of [',', ';'] as const) {
      const files = exportCompetenceMapCsv(buildCompetenceIndex(source), { delimiter })
      expect(files.companies.split('\r\n')[0]).toContain(`id${delimiter}name`)
      const target = new Y.Doc()
      const plan = planCsvImport(target, files)
      expect(plan.problems).toEqual([])
      applyCsvImport(target, plan, ada)
      expect(mapOf(target)).toEqual(mapOf(source))
    }
  })

  it('updates instead of duplicating when the same files come in again', () => {
    const doc = trickyMap()
    const files = exportCompetenceMapCsv(buildCompetenceIndex(doc))
    const before = mapOf(doc)
    const plan = planCsvImport(doc, files)
    expect(plan.companies.every((company) => company.action === 'update')).toBe(true)
    expect(plan.competences.every((competence) => competence.action === 'update')).toBe(true)
    applyCsvImport(doc, plan, ada)
    expect(mapOf(doc)).toEqual(before)
  })

  it('matches companies and competences by name when the ids are another workspace’s', () => {
    const doc = new Y.Doc()
    const plain = createCompany(doc, {
      name: 'Plain AS',
      industry: 'food',
      location: '',
      description: '',
      color: '#000000',
    })
    const cells =
      'company_id,company,competence_id,competence,offer,need,comment,evidence\r\nco-x,plain as,cp-y,Ny kompetanse,2,0,,\r\n'
    const competences = 'id,name_nb,category\r\ncp-y,Ny kompetanse,energy\r\n'
    const plan = planCsvImport(doc, { cells, competences })
    expect(plan.problems).toEqual([])
    applyCsvImport(doc, plan, ada)
    const index = buildCompetenceIndex(doc)
    expect(index.cell(plain, 'cp-y' as CompetenceId)?.offer).toBe(2)
    expect(index.competences.map((entry) => [entry.name, entry.category])).toEqual([
      ['Ny kompetanse', 'energy'],
    ])
  })

  it('reports each bad row with its spreadsheet row number and imports nothing', () => {
    const doc = trickyMap()
    const state = Y.encodeStateAsUpdate(doc)
    const companies = [
      'id,name,industry,size,website,contact_email,color',
      'co-a,God AS,food,10-49,god.no,post@god.no,#112233',
      'co-b,,food,,,,', // row 3: no name
      'co-c,Rar AS,shipping,12,ftp://x,ikke-epost,rød', // row 4: five bad values
      '"co-d","Flerlinje',
      'AS",food,,,,', // row 5 spans two lines in the file but is one row
      'co-a,God AS igjen,food,,,,', // row 6: duplicate id
    ].join('\r\n')
    const cells = [
      'company_id,company,competence_id,competence,offer,need,comment',
      'co-a,,cp-dry,,3,0,ok', // row 2: fine (company from the file)
      'co-zz,Ukjent AS,cp-dry,,1,0,', // row 3: unknown company
      'co-plain,,cp-nope,Finnes ikke,1,0,', // row 4: unknown competence
      'co-plain,,cp-dry,,4,x,', // row 5: levels out of range
      'co-a,,cp-dry,,1,1,', // row 6: duplicate cell
    ].join('\n')
    const plan = planCsvImport(doc, { companies, cells })
    expect(plan.ok).toBe(false)
    const where = plan.problems.map((problem) => [
      problem.file,
      problem.row,
      problem.column,
      problem.code,
    ])
    expect(where).toEqual([
      ['companies', 3, 'name', 'invalid-value'],
      ['companies', 4, 'industry', 'invalid-value'],
      ['companies', 4, 'color', 'invalid-value'],
      ['companies', 4, 'size', 'invalid-value'],
      ['companies', 4, 'website', 'invalid-value'],
      ['companies', 4, 'contact_email', 'invalid-value'],
      ['companies', 6, 'id', 'duplicate'],
      ['cells', 3, 'company_id', 'unknown-company'],
      ['cells', 4, 'competence_id', 'unknown-competence'],
      ['cells', 5, 'offer', 'invalid-value'],
      ['cells', 5, 'need', 'invalid-value'],
      ['cells', 6, undefined, 'duplicate'],
    ])
    // The good rows are in the preview; the multi-line name is row 5.
    expect(plan.companies.map((company) => [company.row, company.name])).toEqual([
      [2, 'God AS'],
      [5, 'Flerlinje AS'],
    ])
    expect(plan.cells.map((cell) => cell.row)).toEqual([2])
    expect(() => applyCsvImport(doc, plan, ada)).toThrow()
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state)
    expect(listCompanies(doc).map((company) => company.name)).not.toContain('God AS')
  })

  it('says when a header lacks a column, and warns about evidence notes it does not have', () => {
    const doc = trickyMap()
    const missing = planCsvImport(doc, { competences: 'id,navn\r\ncp-1,Noe\r\n' })
    expect(missing.problems).toEqual([
      expect.objectContaining({
        file: 'competences',
        row: 1,
        column: 'name_nb',
        code: 'missing-column',
      }),
    ])
    const cells =
      'company_id,competence_id,offer,need,evidence\r\nco-plain,cp-dry,1,3,note-proof; note-gone\r\n'
    const plan = planCsvImport(doc, { cells })
    expect(plan.ok).toBe(true)
    expect(plan.warnings).toEqual([
      expect.objectContaining({ row: 2, column: 'evidence', code: 'unknown-note' }),
    ])
    applyCsvImport(doc, plan, ada)
    expect(readRawCells(doc).get('co-plain|cp-dry')?.evidence).toEqual(['note-gone', 'note-proof'])
  })

  it('tells the three files apart by their header', () => {
    const files = exportCompetenceMapCsv(buildCompetenceIndex(trickyMap()), { delimiter: ';' })
    expect(classifyCsv(files.companies)).toBe('companies')
    expect(classifyCsv(files.competences)).toBe('competences')
    expect(classifyCsv(files.cells)).toBe('cells')
    expect(classifyCsv('a,b\r\n1,2')).toBeUndefined()
  })
})

describe('Kumu export', () => {
  it('has companies and competences as elements and offers and needs as connections, by unique label', () => {
    const doc = trickyMap()
    addCompetence(doc, { name: 'Plain AS', category: 'other' })
    const blueprint = kumuBlueprint(buildCompetenceIndex(doc), 'en')
    expect(blueprint.elements.map((element) => [element.type, element.label])).toEqual([
      ['Company', 'Plain AS'],
      ['Company', 'Østbø Sag & Høvleri, «Æra» AS'],
      ['Competence', 'Kiln "drying"'],
      ['Competence', '=SUM(A1) angrep'],
      ['Competence', 'Plain AS (competence)'],
    ])
    expect(blueprint.connections).toContainEqual(
      expect.objectContaining({
        from: 'Østbø Sag & Høvleri, «Æra» AS',
        to: 'Kiln "drying"',
        type: 'offers',
        level: 3,
        'level label': 'expert',
      }),
    )
    expect(blueprint.connections).toContainEqual(
      expect.objectContaining({
        from: 'Kiln "drying"',
        to: 'Plain AS',
        type: 'needs',
        'level label': 'critical',
      }),
    )
    expect(blueprint.connections).toHaveLength(4)
    const csv = kumuCsv(blueprint)
    expect(parseCsv(csv['elements.csv']).rows).toHaveLength(5)
    const offers = parseCsv(csv['connections.csv'])
      .rows.filter((row) => row.values.type === 'offers')
      .map((row) => [row.values.from, row.values.to])
    expect(offers).toEqual([
      ['Plain AS', '=SUM(A1) angrep'],
      ['Østbø Sag & Høvleri, «Æra» AS', 'Kiln "drying"'],
    ])
  })
})
