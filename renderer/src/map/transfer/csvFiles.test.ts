import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { createCompany } from '../../../../shared/model/companies'
import { updateCell } from '../../../../shared/model/competence/cells'
import { exportCompetenceMapCsv } from '../../../../shared/model/competence/csv'
import { applyCsvImport, planCsvImport } from '../../../../shared/model/competence/csvImport'
import { buildCompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { addCompetence } from '../../../../shared/model/competence/vocabulary'
import { csvZip, decodeCsv, readUpload } from './csvFiles'
import { summarizeImport } from './importSummary'

const edit = { author: { name: 'Ada' }, now: 1_000 }

function map(): Y.Doc {
  const doc = new Y.Doc()
  const lien = createCompany(doc, {
    id: 'co-lien' as CompanyId,
    name: 'Lien Møbelverk AS',
    industry: 'furniture',
    location: 'Ørsta',
    description: 'Møbler, «små serier»; og "spesialtilpasning"',
    color: '#b45309',
    sizeBand: '50-249',
    website: 'https://lien.example',
    contactPerson: 'Åse Lien',
    contactEmail: 'ase@lien.example',
  })
  const fjord = createCompany(doc, {
    id: 'co-fjord' as CompanyId,
    name: 'Fjordmat, avd. Ålesund',
    industry: 'food',
    location: '',
    description: '',
    color: '#15803d',
  })
  const starch = addCompetence(doc, {
    id: 'cp-starch' as CompetenceId,
    name: 'Stivelseskjemi',
    nameEn: 'Starch chemistry',
    category: 'materials',
    synonyms: ['potetstivelse', 'stivelse; råstoff'],
    esco: 'S1.2.3',
  })
  const robot = addCompetence(doc, { id: 'cp-robot' as CompetenceId, name: 'Robotceller' })
  updateCell(doc, {
    ...edit,
    companyId: fjord,
    competenceId: starch,
    offer: 3,
    comment: 'Skrell, "mye" av det,\nhele året',
  })
  updateCell(doc, { ...edit, companyId: lien, competenceId: robot, need: 2, offer: 1 })
  updateCell(doc, { ...edit, companyId: lien, competenceId: starch, comment: '=SUM(A1)' })
  return doc
}

describe('the map as spreadsheets', () => {
  it('a .zip exported with ; and imported into an empty workspace reproduces the map', () => {
    const source = map()
    const exported = exportCompetenceMapCsv(buildCompetenceIndex(source), { delimiter: ';' })
    const upload = readUpload([{ name: 'kart.zip', bytes: csvZip(exported) }])
    expect(upload.refused).toEqual([])
    expect(upload.sources.map((file) => [file.archive, file.name, file.kind, file.rows])).toEqual([
      ['kart.zip', 'companies.csv', 'companies', 2],
      ['kart.zip', 'competences.csv', 'competences', 2],
      ['kart.zip', 'offers-needs.csv', 'cells', 3],
    ])

    const fresh = new Y.Doc()
    const plan = planCsvImport(fresh, upload.files)
    expect(plan.problems).toEqual([])
    const summary = summarizeImport(plan, buildCompetenceIndex(fresh))
    expect(summary.companies.added).toEqual(['Fjordmat, avd. Ålesund', 'Lien Møbelverk AS'])
    expect(summary.competences.added).toHaveLength(2)
    expect(summary.cells).toEqual({ added: 3, changed: 0, unchanged: 0 })
    applyCsvImport(fresh, plan, edit)

    const again = exportCompetenceMapCsv(buildCompetenceIndex(fresh), { delimiter: ';' })
    expect(again).toEqual(exported)
    const cell = buildCompetenceIndex(fresh).cell(
      'co-fjord' as CompanyId,
      'cp-starch' as CompetenceId,
    )
    expect(cell?.comment).toBe('Skrell, "mye" av det,\nhele året')
    expect(
      buildCompetenceIndex(fresh).cell('co-lien' as CompanyId, 'cp-starch' as CompetenceId)
        ?.comment,
    ).toBe('=SUM(A1)')
  })

  it('importing the same files again changes nothing; an edited row says which fields change', () => {
    const doc = map()
    const exported = exportCompetenceMapCsv(buildCompetenceIndex(doc))
    const same = planCsvImport(doc, exported)
    expect(summarizeImport(same, buildCompetenceIndex(doc))).toEqual({
      companies: { added: [], changed: [], unchanged: 2 },
      competences: { added: [], changed: [], unchanged: 2 },
      cells: { added: 0, changed: 0, unchanged: 3 },
    })
    const edited = {
      ...exported,
      companies: exported.companies.replace('Ørsta', 'Volda'),
      competences: exported.competences.replace('Robotceller,,', 'Robotceller,Robot cells,'),
      cells: exported.cells.replace(
        /(co-lien,Lien Møbelverk AS,cp-robot,Robotceller),1,2/,
        '$1,3,2',
      ),
    }
    const summary = summarizeImport(planCsvImport(doc, edited), buildCompetenceIndex(doc))
    expect(summary.companies.changed).toEqual([{ name: 'Lien Møbelverk AS', fields: ['location'] }])
    expect(summary.competences.changed).toEqual([{ name: 'Robotceller', fields: ['nameEn'] }])
    expect(summary.cells).toEqual({ added: 0, changed: 1, unchanged: 2 })
  })

  it('a bad row is reported with its file, row and column, and the plan imports nothing', () => {
    const doc = new Y.Doc()
    const upload = readUpload([
      {
        name: 'bedrifter.csv',
        bytes: strToU8('name;industry;size\r\nNordlys AS;wood-panels;10-49\r\nSør AS;fisk;\r\n'),
      },
    ])
    const plan = planCsvImport(doc, upload.files)
    expect(plan.ok).toBe(false)
    expect(plan.problems).toEqual([
      expect.objectContaining({ file: 'companies', row: 3, column: 'industry' }),
    ])
    expect(() => applyCsvImport(doc, plan, edit)).toThrow()
    expect(buildCompetenceIndex(doc).companies).toEqual([])
  })

  it('reads Excel’s Windows-1252 CSV without losing æøå', () => {
    // "name;industry\r\nMøbel Ås;furniture" as Windows-1252: ø = 0xF8, Å = 0xC5.
    const bytes = new Uint8Array([
      ...strToU8('name;industry\r\nM'),
      0xf8,
      ...strToU8('bel '),
      0xc5,
      ...strToU8('s;furniture\r\n'),
    ])
    expect(decodeCsv(bytes)).toEqual({
      text: 'name;industry\r\nMøbel Ås;furniture\r\n',
      latin1: true,
    })
    const upload = readUpload([{ name: 'firma.csv', bytes }])
    expect(upload.sources).toEqual([
      { name: 'firma.csv', kind: 'companies', rows: 1, latin1: true },
    ])
    const plan = planCsvImport(new Y.Doc(), upload.files)
    expect(plan.companies.map((company) => company.name)).toEqual(['Møbel Ås'])
  })

  it('says why a file cannot be used', () => {
    const upload = readUpload([
      { name: 'a.csv', bytes: strToU8('name\r\nA\r\n') },
      { name: 'b.csv', bytes: strToU8('name\r\nB\r\n') },
      { name: 'notes.csv', bytes: strToU8('title,body\r\nx,y\r\n') },
      { name: 'logo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
      { name: 'broken.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
      {
        name: 'more.zip',
        bytes: zipSync({ 'x/needs.csv': strToU8('company,competence,offer,need\r\n') }),
      },
    ])
    expect(upload.refused).toEqual([
      { name: 'logo.png', reason: 'not-csv' },
      { name: 'broken.zip', reason: 'unreadable-zip' },
      { name: 'b.csv', reason: 'twice', kind: 'companies' },
      { name: 'notes.csv', reason: 'unknown-kind' },
    ])
    expect(upload.sources.map((file) => file.name)).toEqual(['a.csv', 'needs.csv'])
  })
})
