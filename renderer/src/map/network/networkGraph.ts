import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import type { Industry } from '../../../../shared/model/companies'
import type { CellSide, Level } from '../../../../shared/model/competence/cells'
import type { CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import type {
  CompetenceCategory,
  LabelLanguage,
} from '../../../../shared/model/competence/vocabulary'

/**
 * The competence map as a graph, for the network view: every company and every competence
 * that someone offers or needs is a node, every offer and need an edge (company → competence
 * for an offer, competence → company for a need, like Kumu's connections). Pure, no DOM: the
 * view turns it into cytoscape elements, the layout worker and the bench lay it out.
 *
 * Competences nobody offers or needs are left out (they would float around unconnected);
 * companies are always in, so a member without offers or needs is still seen.
 */
export type NetworkNode =
  | {
      id: string
      kind: 'company'
      refId: CompanyId
      label: string
      group: Industry
      /** Offers and needs at this node. */
      degree: number
    }
  | {
      id: string
      kind: 'competence'
      refId: CompetenceId
      label: string
      group: CompetenceCategory
      degree: number
    }

export type NetworkEdge = {
  id: string
  side: CellSide
  /** Offer: the company; need: the competence. */
  source: string
  target: string
  level: Level
  companyId: CompanyId
  competenceId: CompetenceId
}

export type NetworkGraph = {
  nodes: NetworkNode[]
  edges: NetworkEdge[]
  /** Competences in the vocabulary that nobody offers or needs (not drawn). */
  unconnectedCompetences: number
  /**
   * Which nodes and which company–competence pairs there are, as one string: the layout is
   * computed again only when this changes (a level or a label changing moves nothing).
   */
  shape: string
}

export const companyNodeId = (id: CompanyId): string => `co:${id}`
export const competenceNodeId = (id: CompetenceId): string => `cp:${id}`

export function buildNetworkGraph(index: CompetenceIndex, language: LabelLanguage): NetworkGraph {
  const nodes: NetworkNode[] = []
  const edges: NetworkEdge[] = []
  const degree = new Map<string, number>()
  const bump = (id: string): void => {
    degree.set(id, (degree.get(id) ?? 0) + 1)
  }
  const pairs: string[] = []
  for (const cell of index.cells) {
    if (cell.offer === 0 && cell.need === 0) continue
    const company = companyNodeId(cell.companyId)
    const competence = competenceNodeId(cell.competenceId)
    pairs.push(`${company}>${competence}`)
    for (const side of ['offer', 'need'] as const) {
      const level = cell[side]
      if (level === 0) continue
      bump(company)
      bump(competence)
      edges.push({
        id: `${side}:${cell.key}`,
        side,
        source: side === 'offer' ? company : competence,
        target: side === 'offer' ? competence : company,
        level,
        companyId: cell.companyId,
        competenceId: cell.competenceId,
      })
    }
  }
  for (const company of index.companies) {
    const id = companyNodeId(company.id)
    nodes.push({
      id,
      kind: 'company',
      refId: company.id,
      label: company.name,
      group: company.industry,
      degree: degree.get(id) ?? 0,
    })
  }
  let unconnectedCompetences = 0
  for (const competence of index.competences) {
    const id = competenceNodeId(competence.id)
    const count = degree.get(id)
    if (count === undefined) {
      unconnectedCompetences++
      continue
    }
    nodes.push({
      id,
      kind: 'competence',
      refId: competence.id,
      label: competence.labels[language],
      group: competence.category,
      degree: count,
    })
  }
  const shape = `${nodes.map((node) => node.id).join(',')}|${pairs.join(',')}`
  return { nodes, edges, unconnectedCompetences, shape }
}

/** What the layout needs to know of a graph (and nothing that changes with a label). */
export type LayoutInput = {
  nodes: { id: string; kind: NetworkNode['kind']; group: string; degree: number }[]
  /** One link per company–competence pair (an offer and a need of one cell pull once). */
  links: { source: string; target: string }[]
}

export function layoutInput(graph: NetworkGraph): LayoutInput {
  const seen = new Set<string>()
  const links: LayoutInput['links'] = []
  for (const edge of graph.edges) {
    const company = companyNodeId(edge.companyId)
    const competence = competenceNodeId(edge.competenceId)
    const key = `${company}>${competence}`
    if (seen.has(key)) continue
    seen.add(key)
    links.push({ source: company, target: competence })
  }
  return {
    nodes: graph.nodes.map(({ id, kind, group, degree }) => ({ id, kind, group, degree })),
    links,
  }
}

/**
 * A node, its edges and the nodes at their other ends: what "focus" highlights. For a
 * company, the competences it offers and needs; for a competence, who offers and needs it.
 */
export function neighbourhood(
  graph: NetworkGraph,
  nodeId: string,
): { nodes: Set<string>; edges: NetworkEdge[] } {
  const nodes = new Set<string>([nodeId])
  const edges: NetworkEdge[] = []
  for (const edge of graph.edges) {
    if (edge.source !== nodeId && edge.target !== nodeId) continue
    edges.push(edge)
    nodes.add(edge.source === nodeId ? edge.target : edge.source)
  }
  return { nodes, edges }
}

/** A node's diameter on screen (and in the layout): bigger with more offers and needs. */
export function nodeSize(kind: NetworkNode['kind'], degree: number): number {
  return kind === 'company'
    ? Math.round(28 + Math.min(28, Math.sqrt(degree) * 4))
    : Math.round(12 + Math.min(16, Math.sqrt(degree) * 3))
}
