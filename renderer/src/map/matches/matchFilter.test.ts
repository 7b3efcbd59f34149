import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { createCompany, type Industry } from '../../../../shared/model/companies'
import { updateCell, type Level } from '../../../../shared/model/competence/cells'
import { findMatches } from '../../../../shared/model/competence/matching'
import { setMatchStatus, type MatchStatus } from '../../../../shared/model/competence/matchStatus'
import { buildCompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { matchPipeline, readMatchMarks } from '../../../../shared/model/competence/pipeline'
import { addCompetence } from '../../../../shared/model/competence/vocabulary'
import {
  EMPTY_MATCH_FILTER,
  filterNeeds,
  filterPipeline,
  isMatchFiltered,
  pipelineColumns,
} from './matchFilter'

const ada = { author: { name: 'Ada' }, now: 1_000 }

function setup() {
  const doc = new Y.Doc()
  const company = (id: string, industry: Industry): CompanyId =>
    createCompany(doc, {
      id: id as CompanyId,
      name: id,
      industry,
      location: '',
      description: '',
      color: '#123456',
    })
  const vest = company('vest', 'wood-panels')
  const fjord = company('fjord', 'food')
  const embla = company('embla', 'packaging')
  const binders = addCompetence(doc, { id: 'binders' as CompetenceId, name: 'Bindemidler' })
  const robots = addCompetence(doc, { id: 'robots' as CompetenceId, name: 'Roboter' })
  const lonely = addCompetence(doc, { id: 'lonely' as CompetenceId, name: 'Ensom' })
  const cell = (companyId: CompanyId, competenceId: CompetenceId, offer: Level, need: Level) =>
    updateCell(doc, { ...ada, companyId, competenceId, offer, need })
  cell(vest, binders, 0, 3) // needs binders: fjord and embla offer
  cell(fjord, binders, 2, 0)
  cell(embla, binders, 1, 0)
  cell(fjord, robots, 0, 2) // needs robots: embla offers
  cell(embla, robots, 3, 0)
  cell(embla, lonely, 0, 1) // nobody offers it
  const read = () => {
    const index = buildCompetenceIndex(doc)
    const marks = readMatchMarks(doc, index.resolve)
    return { needs: findMatches(index, { marks }), pipeline: matchPipeline(index, marks) }
  }
  const mark = (need: CompanyId, competence: CompetenceId, offer: CompanyId, status: MatchStatus) =>
    setMatchStatus(doc, {
      needCompanyId: need,
      competenceId: competence,
      offerCompanyId: offer,
      status,
      ...ada,
    })
  return { doc, vest, fjord, embla, binders, robots, lonely, read, mark }
}

const shape = (needs: ReturnType<typeof filterNeeds>) =>
  needs.map((need) => [
    `${need.companyId}|${need.competenceId}`,
    need.matches.map((match) => match.offerCompanyId),
  ])

describe('filterNeeds', () => {
  it('keeps everything without a filter, needs nobody offers included', () => {
    const { read } = setup()
    const { needs } = read()
    expect(isMatchFiltered(EMPTY_MATCH_FILTER)).toBe(false)
    expect(shape(filterNeeds(needs, EMPTY_MATCH_FILTER))).toEqual([
      ['vest|binders', ['fjord', 'embla']],
      ['fjord|robots', ['embla']],
      ['embla|lonely', []],
    ])
  })

  it('for a company: its own needs with every offer, and the needs it could answer with its offer only', () => {
    const { read, embla, fjord } = setup()
    const { needs } = read()
    expect(shape(filterNeeds(needs, { ...EMPTY_MATCH_FILTER, companyId: embla }))).toEqual([
      ['vest|binders', ['embla']],
      ['fjord|robots', ['embla']],
      ['embla|lonely', []],
    ])
    expect(shape(filterNeeds(needs, { ...EMPTY_MATCH_FILTER, companyId: fjord }))).toEqual([
      ['vest|binders', ['fjord']],
      ['fjord|robots', ['embla']],
    ])
  })

  it('for a competence: only its needs', () => {
    const { read, robots } = setup()
    expect(
      shape(filterNeeds(read().needs, { ...EMPTY_MATCH_FILTER, competenceId: robots })),
    ).toEqual([['fjord|robots', ['embla']]])
  })

  it('hides matches marked not relevant, and a need left with none of its matches', () => {
    const { read, mark, vest, fjord, embla, binders, robots } = setup()
    mark(vest, binders, fjord, 'not-relevant')
    mark(fjord, robots, embla, 'not-relevant')
    mark(vest, binders, embla, 'contacted')
    const filter = { ...EMPTY_MATCH_FILTER, hideNotRelevant: true }
    expect(isMatchFiltered(filter)).toBe(true)
    expect(shape(filterNeeds(read().needs, filter))).toEqual([
      ['vest|binders', ['embla']],
      ['embla|lonely', []],
    ])
    // Without the filter, the marks are there to see.
    const all = filterNeeds(read().needs, EMPTY_MATCH_FILTER)
    expect(all[0]?.matches.map((match) => match.mark?.status)).toEqual([
      'not-relevant',
      'contacted',
    ])
  })
})

describe('filterPipeline', () => {
  it('filters by company on either side and by competence; hiding "not relevant" drops its column', () => {
    const { read, mark, vest, fjord, embla, binders, robots } = setup()
    mark(vest, binders, fjord, 'contacted')
    mark(fjord, robots, embla, 'project-started')
    mark(vest, binders, embla, 'not-relevant')
    const { pipeline } = read()
    const keys = (filtered: ReturnType<typeof filterPipeline>) => ({
      contacted: filtered.contacted.map((entry) => entry.key),
      started: filtered['project-started'].map((entry) => entry.key),
      notRelevant: filtered['not-relevant'].map((entry) => entry.key),
    })
    expect(keys(filterPipeline(pipeline, { ...EMPTY_MATCH_FILTER, companyId: fjord }))).toEqual({
      contacted: ['vest|binders|fjord'],
      started: ['fjord|robots|embla'],
      notRelevant: [],
    })
    expect(
      keys(filterPipeline(pipeline, { ...EMPTY_MATCH_FILTER, competenceId: binders })),
    ).toEqual({
      contacted: ['vest|binders|fjord'],
      started: [],
      notRelevant: ['vest|binders|embla'],
    })
    const hidden = { ...EMPTY_MATCH_FILTER, hideNotRelevant: true }
    expect(keys(filterPipeline(pipeline, hidden)).notRelevant).toEqual([])
    expect(pipelineColumns(hidden)).toEqual(['contacted', 'project-started'])
    expect(pipelineColumns(EMPTY_MATCH_FILTER)).toEqual([
      'contacted',
      'project-started',
      'not-relevant',
    ])
  })
})
