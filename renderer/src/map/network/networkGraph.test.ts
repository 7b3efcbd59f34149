import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { createCompany, type Industry } from '../../../../shared/model/companies'
import { updateCell, type Level } from '../../../../shared/model/competence/cells'
import { fillCompetenceMap } from '../../../../shared/model/competence/fixtures'
import { mergeCompetences } from '../../../../shared/model/competence/merge'
import { buildCompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { addCompetence } from '../../../../shared/model/competence/vocabulary'
import { layoutNetwork } from './forceLayout'
import { buildNetworkGraph, layoutInput, neighbourhood, nodeSize } from './networkGraph'

const ada = { author: { name: 'Ada' }, now: 1_000 }

function company(doc: Y.Doc, id: string, industry: Industry): CompanyId {
  return createCompany(doc, {
    id: id as CompanyId,
    name: id,
    industry,
    location: '',
    description: '',
    color: '#123456',
  })
}

function small() {
  const doc = new Y.Doc()
  const vest = company(doc, 'vest', 'wood-panels')
  const fjord = company(doc, 'fjord', 'food')
  const quiet = company(doc, 'quiet', 'other')
  const binders = addCompetence(doc, {
    id: 'binders' as CompetenceId,
    name: 'Bindemidler',
    nameEn: 'Binders',
    category: 'materials',
  })
  const robots = addCompetence(doc, { id: 'robots' as CompetenceId, name: 'Roboter' })
  const unused = addCompetence(doc, { id: 'unused' as CompetenceId, name: 'Ubrukt' })
  const cell = (companyId: CompanyId, competenceId: CompetenceId, offer: Level, need: Level) =>
    updateCell(doc, { ...ada, companyId, competenceId, offer, need })
  cell(vest, binders, 1, 3)
  cell(fjord, binders, 2, 0)
  cell(fjord, robots, 0, 2)
  return { doc, vest, fjord, quiet, binders, robots, unused }
}

describe('buildNetworkGraph', () => {
  it('makes companies and offered or needed competences nodes, offers and needs edges', () => {
    const { doc } = small()
    const graph = buildNetworkGraph(buildCompetenceIndex(doc), 'en')
    expect(graph.nodes.map((node) => [node.id, node.kind, node.group, node.degree])).toEqual([
      ['co:fjord', 'company', 'food', 2],
      ['co:quiet', 'company', 'other', 0],
      ['co:vest', 'company', 'wood-panels', 2],
      ['cp:binders', 'competence', 'materials', 3],
      ['cp:robots', 'competence', 'other', 1],
    ])
    expect(graph.unconnectedCompetences).toBe(1)
    expect(graph.nodes.find((node) => node.id === 'cp:binders')?.label).toBe('Binders')
    expect(
      graph.edges.map((edge) => [edge.side, edge.source, edge.target, edge.level]).sort(),
    ).toEqual([
      ['need', 'cp:binders', 'co:vest', 3],
      ['need', 'cp:robots', 'co:fjord', 2],
      ['offer', 'co:fjord', 'cp:binders', 2],
      ['offer', 'co:vest', 'cp:binders', 1],
    ])
  })

  it('labels competences in the language asked for', () => {
    const { doc } = small()
    const graph = buildNetworkGraph(buildCompetenceIndex(doc), 'nb')
    expect(graph.nodes.find((node) => node.id === 'cp:binders')?.label).toBe('Bindemidler')
  })

  it('keeps its shape when only a level changes, and changes it for a new pair', () => {
    const { doc, vest, fjord, robots } = small()
    const before = buildNetworkGraph(buildCompetenceIndex(doc), 'nb').shape
    updateCell(doc, { ...ada, companyId: fjord, competenceId: robots, need: 3 })
    const levelChanged = buildNetworkGraph(buildCompetenceIndex(doc), 'nb')
    expect(levelChanged.shape).toBe(before)
    expect(levelChanged.edges.find((edge) => edge.id.startsWith('need:fjord'))?.level).toBe(3)
    updateCell(doc, { ...ada, companyId: vest, competenceId: robots, offer: 1 })
    expect(buildNetworkGraph(buildCompetenceIndex(doc), 'nb').shape).not.toBe(before)
  })

  it('shows a merged competence once, with the edges of both', () => {
    const { doc, binders, robots } = small()
    mergeCompetences(doc, { keepId: binders, removeId: robots, ...ada })
    const graph = buildNetworkGraph(buildCompetenceIndex(doc), 'nb')
    expect(graph.nodes.some((node) => node.id === 'cp:robots')).toBe(false)
    expect(graph.edges.filter((edge) => edge.competenceId === binders)).toHaveLength(4)
  })

  it('gives the layout one link per company–competence pair', () => {
    const { doc } = small()
    const input = layoutInput(buildNetworkGraph(buildCompetenceIndex(doc), 'nb'))
    expect(input.links).toEqual([
      { source: 'co:fjord', target: 'cp:binders' },
      { source: 'co:fjord', target: 'cp:robots' },
      { source: 'co:vest', target: 'cp:binders' },
    ])
  })
})

describe('neighbourhood', () => {
  it('is a node, its edges and the nodes at their other ends', () => {
    const { doc } = small()
    const graph = buildNetworkGraph(buildCompetenceIndex(doc), 'nb')
    const around = neighbourhood(graph, 'co:fjord')
    expect([...around.nodes].sort()).toEqual(['co:fjord', 'cp:binders', 'cp:robots'])
    expect(around.edges).toHaveLength(2)
    expect([...neighbourhood(graph, 'cp:binders').nodes].sort()).toEqual([
      'co:fjord',
      'co:vest',
      'cp:binders',
    ])
    expect([...neighbourhood(graph, 'co:quiet').nodes]).toEqual(['co:quiet'])
  })
})

describe('layoutNetwork', () => {
  const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.hypot(a.x - b.x, a.y - b.y)

  it('places every node, the same way every time, linked nodes nearer than unlinked', () => {
    const doc = new Y.Doc()
    fillCompetenceMap(doc, { companies: 12, competences: 40, seed: 3 })
    const input = layoutInput(buildNetworkGraph(buildCompetenceIndex(doc), 'nb'))
    const first = layoutNetwork(input)
    expect(Object.keys(first).sort()).toEqual(input.nodes.map((node) => node.id).sort())
    expect(layoutNetwork(input)).toEqual(first)
    for (const point of Object.values(first)) {
      expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true)
    }
    const linked = new Set(input.links.map((link) => `${link.source}>${link.target}`))
    const companies = input.nodes.filter((node) => node.kind === 'company')
    const competences = input.nodes.filter((node) => node.kind === 'competence')
    const near: number[] = []
    const far: number[] = []
    for (const company of companies) {
      for (const competence of competences) {
        const d = distance(first[company.id]!, first[competence.id]!)
        ;(linked.has(`${company.id}>${competence.id}`) ? near : far).push(d)
      }
    }
    const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length
    expect(mean(near)).toBeLessThan(mean(far) * 0.8)
  })

  it('keeps nodes apart (no two company discs overlap)', () => {
    const doc = new Y.Doc()
    fillCompetenceMap(doc, { companies: 12, competences: 40, seed: 3 })
    const input = layoutInput(buildNetworkGraph(buildCompetenceIndex(doc), 'nb'))
    const positions = layoutNetwork(input)
    const companies = input.nodes.filter((node) => node.kind === 'company')
    for (const [i, a] of companies.entries()) {
      for (const b of companies.slice(i + 1)) {
        const gap =
          distance(positions[a.id]!, positions[b.id]!) -
          (nodeSize('company', a.degree) + nodeSize('company', b.degree)) / 2
        expect(gap).toBeGreaterThan(0)
      }
    }
  })

  it('starts from the previous layout, so a new node moves the others only a little', () => {
    const doc = new Y.Doc()
    const fixture = fillCompetenceMap(doc, { companies: 12, competences: 40, seed: 3 })
    const before = layoutNetwork(layoutInput(buildNetworkGraph(buildCompetenceIndex(doc), 'nb')))
    const extra = addCompetence(doc, { name: 'Ny' })
    updateCell(doc, { ...ada, companyId: fixture.companies[0]!, competenceId: extra, offer: 2 })
    const input = layoutInput(buildNetworkGraph(buildCompetenceIndex(doc), 'nb'))
    // Moved out of the way: the previous picture comes back wherever it was on screen.
    const shifted = Object.fromEntries(
      Object.entries(before).map(([id, point]) => [id, { x: point.x + 500, y: point.y - 300 }]),
    )
    const after = layoutNetwork(input, shifted)
    const moved = Object.keys(shifted).map((id) => distance(shifted[id]!, after[id]!))
    expect(moved.reduce((a, b) => a + b, 0) / moved.length).toBeLessThan(15)
    const added = after[`cp:${extra}`]!
    const owner = after[`co:${fixture.companies[0]}`]!
    expect(distance(added, owner)).toBeLessThan(150)
  })
})
