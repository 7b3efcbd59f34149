import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force'
import { nodeSize, type LayoutInput } from './networkGraph'

/**
 * Positions for the network view, from a force simulation (d3-force) run to the end in one
 * go — in the layout worker (layout.worker.ts) and, for the figures, in the bench under Node.
 * No DOM. Deterministic: the same graph gives the same picture on every screen and every run
 * (d3-force's jiggle uses its own seeded random source, and the start is computed).
 *
 * Start: companies on a circle, grouped by industry; each competence at the middle of the
 * companies that offer or need it. With positions from the previous layout (the map changed
 * under an open view) those are kept as the start and the simulation runs cooler and shorter,
 * so what was there stays roughly where it was and new nodes settle in next to their links.
 *
 * Why not cytoscape-fcose: here it took 2–5 s on the 50 × 300 fixture graph (its spring
 * embedder runs at least five iterations per node); this takes a few hundred milliseconds.
 */
export type Point = { x: number; y: number }
export type Positions = Record<string, Point>

type SimNode = SimulationNodeDatum & { id: string; radius: number; company: boolean }
type SimLink = SimulationLinkDatum<SimNode>

/** Ticks of a fresh layout, and of one that starts from a previous layout. */
export const FULL_TICKS = 200
export const INCREMENTAL_TICKS = 80

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return (h >>> 0) / 4294967296
}

export function layoutNetwork(input: LayoutInput, previous: Positions = {}): Positions {
  const nodes: SimNode[] = input.nodes.map((node) => ({
    id: node.id,
    radius: nodeSize(node.kind, node.degree) / 2,
    company: node.kind === 'company',
  }))
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const kept = nodes.filter((node) => previous[node.id] !== undefined).length
  const incremental = nodes.length > 0 && kept / nodes.length >= 0.5

  // Companies on a circle, grouped by industry (a company's neighbours in the ring share it).
  const companies = input.nodes
    .filter((node) => node.kind === 'company')
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.id < b.id ? -1 : 1))
  const ring = Math.max(160, companies.length * 22)
  companies.forEach((company, i) => {
    const node = byId.get(company.id) as SimNode
    const angle = (2 * Math.PI * i) / Math.max(1, companies.length)
    const start = previous[company.id] ?? {
      x: Math.cos(angle) * ring,
      y: Math.sin(angle) * ring,
    }
    node.x = start.x
    node.y = start.y
  })
  const neighbours = new Map<string, SimNode[]>()
  for (const link of input.links) {
    const company = byId.get(link.source)
    if (company === undefined) continue
    const list = neighbours.get(link.target)
    if (list === undefined) neighbours.set(link.target, [company])
    else list.push(company)
  }
  for (const node of nodes) {
    if (node.company) continue
    const start = previous[node.id]
    if (start !== undefined) {
      node.x = start.x
      node.y = start.y
      continue
    }
    const around = neighbours.get(node.id) ?? []
    const cx = around.reduce((sum, n) => sum + (n.x ?? 0), 0) / Math.max(1, around.length)
    const cy = around.reduce((sum, n) => sum + (n.y ?? 0), 0) / Math.max(1, around.length)
    const angle = hash(node.id) * 2 * Math.PI
    const spread = incremental ? 30 : 40 + hash(`${node.id}#`) * 60
    // Pulled a little inward: a competence shared by far-apart companies sits between them.
    const pull = incremental || around.length === 1 ? 1 : 0.7
    node.x = cx * pull + Math.cos(angle) * spread
    node.y = cy * pull + Math.sin(angle) * spread
  }

  // Copies: forceLink replaces `source` and `target` with the node objects.
  const links: SimLink[] = input.links
    .filter((link) => byId.has(link.source) && byId.has(link.target))
    .map((link) => ({ source: link.source, target: link.target }))
  // Gravity towards the middle of the picture as it was (the origin for a fresh layout).
  const centre = { x: 0, y: 0 }
  if (incremental) {
    const points = Object.values(previous)
    centre.x = points.reduce((sum, point) => sum + point.x, 0) / points.length
    centre.y = points.reduce((sum, point) => sum + point.y, 0) / points.length
  }
  const ticks = incremental ? INCREMENTAL_TICKS : FULL_TICKS
  const simulation = forceSimulation(nodes)
    .alpha(incremental ? 0.3 : 1)
    // Ends near alphaMin after `ticks` ticks.
    .alphaDecay(1 - Math.pow(0.001 / (incremental ? 0.3 : 1), 1 / ticks))
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .id((node) => node.id)
        .distance((link) => 60 + (link.source as SimNode).radius + (link.target as SimNode).radius),
    )
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength((node) => (node.company ? -600 : -120))
        .distanceMax(900)
        .theta(0.9),
    )
    .force(
      'collide',
      forceCollide<SimNode>((node) => node.radius + (node.company ? 14 : 8)),
    )
    .force('x', forceX<SimNode>(centre.x).strength(0.04))
    .force('y', forceY<SimNode>(centre.y).strength(0.04))
    .stop()
  simulation.tick(ticks)

  const positions: Positions = {}
  for (const node of nodes) {
    positions[node.id] = {
      x: Math.round((node.x ?? 0) * 10) / 10,
      y: Math.round((node.y ?? 0) * 10) / 10,
    }
  }
  return positions
}
