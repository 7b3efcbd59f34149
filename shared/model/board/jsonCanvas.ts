import type * as Y from 'yjs'
import { z } from 'zod'
import { newItemId, type ItemId } from '../../ids'
import { boardItems, type BoardActor } from './boardDoc'
import { createItems, type NewItem } from './commands'
import {
  DEFAULT_STICKY_COLOR,
  SIDES,
  STICKY_COLORS,
  frameAt,
  isStickyColor,
  itemCenter,
  type BoardItem,
  type StickyColor,
} from './items'
import { visibleItems } from './visibility'

/**
 * JSON Canvas 1.0 (https://jsoncanvas.org), the open infinite-canvas format of Obsidian and
 * others, both ways.
 *
 * Mapping: a sticky is a coloured text node, a text item a text node without colour, a frame
 * a group (label = its title), an image a file node (`kryss-files/<fileId>` unless the caller
 * maps paths), a connector an edge. Node order is paint order (the format's z-order: groups
 * first). Coordinates are rounded to integers as the format asks.
 *
 * Import validates the whole file first and imports nothing when anything is wrong, saying
 * what and where. Frame membership, which the format does not store, is recomputed from
 * geometry (a node belongs to the smallest group around its centre). File nodes that are not
 * our images and link nodes become text items holding the path or URL, so nothing is lost.
 */

const colorSchema = z.string().regex(/^([1-6]|#[0-9a-fA-F]{6})$/, 'a colour is "1"–"6" or #rrggbb')
const sideSchema = z.enum(SIDES)
const coordinate = z.number().finite()
const extent = z.number().finite().nonnegative()

const nodeBase = {
  id: z.string().min(1).max(200),
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
  color: colorSchema.optional(),
}
const nodeSchema = z.discriminatedUnion('type', [
  z.object({ ...nodeBase, type: z.literal('text'), text: z.string() }),
  z.object({
    ...nodeBase,
    type: z.literal('file'),
    file: z.string().min(1),
    subpath: z.string().optional(),
  }),
  z.object({ ...nodeBase, type: z.literal('link'), url: z.string().min(1) }),
  z.object({
    ...nodeBase,
    type: z.literal('group'),
    label: z.string().optional(),
    background: z.string().optional(),
    backgroundStyle: z.enum(['cover', 'ratio', 'repeat']).optional(),
  }),
])
const edgeSchema = z.object({
  id: z.string().min(1).max(200),
  fromNode: z.string().min(1),
  fromSide: sideSchema.optional(),
  fromEnd: z.enum(['none', 'arrow']).optional(),
  toNode: z.string().min(1),
  toSide: sideSchema.optional(),
  toEnd: z.enum(['none', 'arrow']).optional(),
  color: colorSchema.optional(),
  label: z.string().optional(),
})
/** Most nodes and edges one import takes (a big workshop board is a few thousand). */
export const MAX_CANVAS_ELEMENTS = 20_000
const canvasSchema = z.object({
  nodes: z.array(nodeSchema).max(MAX_CANVAS_ELEMENTS).optional(),
  edges: z.array(edgeSchema).max(MAX_CANVAS_ELEMENTS).optional(),
})

export type JsonCanvas = z.infer<typeof canvasSchema>
export type JsonCanvasNode = z.infer<typeof nodeSchema>
export type JsonCanvasEdge = z.infer<typeof edgeSchema>

const PRESET_BY_NAME: Partial<Record<StickyColor, string>> = {
  red: '1',
  orange: '2',
  yellow: '3',
  green: '4',
  blue: '5',
  purple: '6',
}
const NAME_BY_PRESET = new Map<string, StickyColor>(
  Object.entries(PRESET_BY_NAME).map(([name, preset]) => [preset, name as StickyColor]),
)
const NAME_BY_HEX = new Map<string, StickyColor>(
  Object.entries(STICKY_COLORS).map(([name, hex]) => [hex, name as StickyColor]),
)

function exportColor(color: string): string {
  if (isStickyColor(color)) return PRESET_BY_NAME[color] ?? STICKY_COLORS[color]
  return color.toLowerCase()
}

function importColor(color: string | undefined): string | undefined {
  if (color === undefined) return undefined
  const lower = color.toLowerCase()
  return NAME_BY_PRESET.get(lower) ?? NAME_BY_HEX.get(lower) ?? lower
}

export const IMAGE_PATH_PREFIX = 'kryss-files/'

export type CanvasPaths = {
  /** The path an image's bytes are written to; default `kryss-files/<fileId>`. */
  imagePath?: (fileId: string) => string
  /** The image a file path is; default: the inverse of the default `imagePath`. */
  imageFileId?: (path: string) => string | undefined
}

function defaultImageFileId(path: string): string | undefined {
  return path.startsWith(IMAGE_PATH_PREFIX) && path.length > IMAGE_PATH_PREFIX.length
    ? path.slice(IMAGE_PATH_PREFIX.length)
    : undefined
}

function nodeOf(item: BoardItem, paths: CanvasPaths): JsonCanvasNode | undefined {
  const base = {
    id: item.id,
    x: Math.round(item.x),
    y: Math.round(item.y),
    width: Math.round(item.w),
    height: Math.round(item.h),
  }
  switch (item.kind) {
    case 'sticky':
      return {
        ...base,
        type: 'text',
        text: item.text,
        color: exportColor(item.color ?? DEFAULT_STICKY_COLOR),
      }
    case 'text':
      return { ...base, type: 'text', text: item.text }
    case 'frame': {
      const group: JsonCanvasNode = { ...base, type: 'group' }
      if (item.text !== '') group.label = item.text
      if (item.color !== undefined) group.color = exportColor(item.color)
      return group
    }
    case 'image': {
      if (item.fileId === undefined) return undefined
      const file = (paths.imagePath ?? ((id: string) => IMAGE_PATH_PREFIX + id))(item.fileId)
      return { ...base, type: 'file', file }
    }
    case 'connector':
      return undefined
  }
}

function edgeOf(item: BoardItem): JsonCanvasEdge | undefined {
  if (item.kind !== 'connector' || item.from === undefined || item.to === undefined) {
    return undefined
  }
  const edge: JsonCanvasEdge = { id: item.id, fromNode: item.from, toNode: item.to }
  if (item.fromSide !== undefined) edge.fromSide = item.fromSide
  if (item.toSide !== undefined) edge.toSide = item.toSide
  if (item.color !== undefined) edge.color = exportColor(item.color)
  if (item.text !== '') edge.label = item.text
  return edge
}

/** The board as `viewer` sees it (private items of others left out), as JSON Canvas. */
export function exportJsonCanvas(
  doc: Y.Doc,
  viewer: Pick<BoardActor, 'id'>,
  paths: CanvasPaths = {},
): JsonCanvas {
  const items = visibleItems(doc, viewer)
  const nodes = items.flatMap((item) => nodeOf(item, paths) ?? [])
  const ids = new Set(nodes.map((node) => node.id))
  const edges = items
    .flatMap((item) => edgeOf(item) ?? [])
    .filter((edge) => ids.has(edge.fromNode) && ids.has(edge.toNode))
  return { nodes, edges }
}

/** The file's text: tab-indented JSON, as Obsidian writes it. */
export function serializeJsonCanvas(canvas: JsonCanvas): string {
  return `${JSON.stringify(canvas, null, '\t')}\n`
}

export type CanvasParseResult = { ok: true; canvas: JsonCanvas } | { ok: false; error: string }

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`,
    )
    .join('')
}

/** Parses and validates a `.canvas` file's text. */
export function parseJsonCanvas(text: string): CanvasParseResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      error: `Not JSON: ${error instanceof Error ? error.message : 'unreadable'}`,
    }
  }
  const parsed = canvasSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue === undefined || issue.path.length === 0 ? 'file' : issuePath(issue.path)
    return { ok: false, error: `${where}: ${issue?.message ?? 'not a JSON Canvas file'}` }
  }
  const canvas = parsed.data
  const nodes = canvas.nodes ?? []
  const edges = canvas.edges ?? []
  if (nodes.length + edges.length > MAX_CANVAS_ELEMENTS) {
    return { ok: false, error: `More than ${MAX_CANVAS_ELEMENTS} nodes and edges.` }
  }
  const seen = new Set<string>()
  for (const [i, node] of nodes.entries()) {
    if (seen.has(node.id)) return { ok: false, error: `nodes[${i}].id: "${node.id}" is used twice` }
    seen.add(node.id)
  }
  const nodeIds = new Set(seen)
  for (const [i, edge] of edges.entries()) {
    if (seen.has(edge.id)) return { ok: false, error: `edges[${i}].id: "${edge.id}" is used twice` }
    seen.add(edge.id)
    for (const end of ['fromNode', 'toNode'] as const) {
      if (!nodeIds.has(edge[end])) {
        return { ok: false, error: `edges[${i}].${end}: no node "${edge[end]}"` }
      }
    }
  }
  return { ok: true, canvas }
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/

function itemOf(
  node: JsonCanvasNode,
  id: ItemId,
  paths: CanvasPaths,
  dx: number,
  dy: number,
): NewItem {
  const base = { id, x: node.x + dx, y: node.y + dy, w: node.width, h: node.height }
  switch (node.type) {
    case 'text': {
      const color = importColor(node.color)
      return color === undefined
        ? { ...base, kind: 'text', text: node.text }
        : { ...base, kind: 'sticky', text: node.text, color }
    }
    case 'group':
      return { ...base, kind: 'frame', text: node.label ?? '', color: importColor(node.color) }
    case 'file': {
      const fileId = (paths.imageFileId ?? defaultImageFileId)(node.file)
      if (fileId !== undefined) return { ...base, kind: 'image', fileId }
      return { ...base, kind: 'text', text: `[[${node.file}${node.subpath ?? ''}]]` }
    }
    case 'link':
      return { ...base, kind: 'text', text: node.url }
  }
}

export type CanvasImportResult = { ok: true; ids: ItemId[] } | { ok: false; error: string }

/**
 * Imports a `.canvas` file's text into the board, all in one transaction, shifted by
 * `offset`. Node ids are kept when they are free and plain, so a canvas made from this board
 * comes back with the same ids; otherwise fresh ids are given. Nothing is imported when the
 * file is not valid.
 */
export function importJsonCanvas(
  doc: Y.Doc,
  text: string,
  input: { actor: BoardActor; now: number; offset?: { x: number; y: number } } & CanvasPaths,
): CanvasImportResult {
  const parsed = parseJsonCanvas(text)
  if (!parsed.ok) return parsed
  const nodes = parsed.canvas.nodes ?? []
  const edges = parsed.canvas.edges ?? []
  const existing = boardItems(doc)
  const taken = new Set<string>()
  const idFor = (id: string): ItemId => {
    const fresh =
      SAFE_ID.test(id) && !existing.has(id) && !taken.has(id) ? (id as ItemId) : newItemId()
    taken.add(fresh)
    return fresh
  }
  const nodeIds = new Map(nodes.map((node) => [node.id, idFor(node.id)]))
  const dx = input.offset?.x ?? 0
  const dy = input.offset?.y ?? 0
  const items = nodes.map((node) => itemOf(node, nodeIds.get(node.id) as ItemId, input, dx, dy))
  // Frames from geometry: frames paint (and are listed) before what they hold.
  const frames = items
    .filter((item) => item.kind === 'frame')
    .map((item) => ({ ...item, w: item.w ?? 0, h: item.h ?? 0 }) as BoardItem)
  for (const item of items) {
    const rect = { x: item.x, y: item.y, w: item.w ?? 0, h: item.h ?? 0 }
    const area = rect.w * rect.h
    const around = frames.filter((frame) => frame.w * frame.h > area || item.kind !== 'frame')
    const frame = frameAt(around, itemCenter(rect), new Set([item.id as string]))
    if (frame !== undefined) item.frameId = frame.id
  }
  const connectors: NewItem[] = edges.map((edge) => ({
    id: idFor(edge.id),
    kind: 'connector',
    x: 0,
    y: 0,
    from: nodeIds.get(edge.fromNode),
    to: nodeIds.get(edge.toNode),
    fromSide: edge.fromSide,
    toSide: edge.toSide,
    color: importColor(edge.color),
    text: edge.label,
  }))
  const ids = createItems(doc, [...items, ...connectors], input)
  return { ok: true, ids }
}
