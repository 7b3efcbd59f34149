import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { readNumber, readString, type FieldSource, type YRecord } from '../schema'
import { boardItems } from './boardDoc'
import { isFractionalIndex } from './fractionalIndex'

/**
 * Board items: one Y.Map per item in the board's `items` map, keyed by item id.
 *
 * Fields: `kind`, `pos: [x, y]` and `size: [w, h]` (board units, top-left origin; `size` left
 * out while it is the kind's {@link DEFAULT_SIZE}; connectors have neither), `z` (a fractional
 * index, fractionalIndex.ts), `text` (a Y.Text, so two people typing in one sticky merge; a
 * frame's title, a connector's label), `color` (a {@link STICKY_COLORS} name or `#rrggbb`),
 * `made: { author, authorId, createdAt }` (who made it, never changed), `frameId?` (the frame
 * it sits in), `locked?`, `hidden?` (made in private mode, not yet revealed),
 * `from?, to?, fromSide?, toSide?` (connectors), `fileId?, alt?` (images: the picture's bytes
 * are in the board document's `files` map under `fileId`, see images.ts; `alt` describes it).
 *
 * Each field is a last-writer-wins value of its own, so one person moving a sticky while
 * another recolours it keeps both. A position is one value (a move sets x and y together),
 * and what never changes is one value: every field of every item is a struct to load, and a
 * 10k-sticky board loads about a third faster this way than with a field per coordinate and
 * per provenance detail. Readers also accept `x`/`y`/`w`/`h`/`author`/`authorId`/`createdAt`
 * as separate fields (a foreign or older writer), skip kinds they do not know and ignore
 * unknown fields; nothing here deletes what it does not understand.
 */
export const ITEM_KINDS = ['sticky', 'text', 'frame', 'connector', 'image'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

export function isItemKind(value: unknown): value is ItemKind {
  return typeof value === 'string' && (ITEM_KINDS as readonly string[]).includes(value)
}

export const SIDES = ['top', 'right', 'bottom', 'left'] as const
export type Side = (typeof SIDES)[number]

function isSide(value: unknown): value is Side {
  return typeof value === 'string' && (SIDES as readonly string[]).includes(value)
}

/**
 * Sticky colours by name with their fill. Names go into the document (the UI picks the
 * shade per theme); any `#rrggbb` is accepted too (imports).
 */
export const STICKY_COLORS = {
  yellow: '#fde68a',
  orange: '#fdba74',
  red: '#fca5a5',
  pink: '#f9a8d4',
  purple: '#c4b5fd',
  blue: '#93c5fd',
  green: '#86efac',
  grey: '#d4d4d8',
} as const
export type StickyColor = keyof typeof STICKY_COLORS
export const DEFAULT_STICKY_COLOR: StickyColor = 'yellow'

export function isStickyColor(value: unknown): value is StickyColor {
  return typeof value === 'string' && Object.hasOwn(STICKY_COLORS, value)
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i

/** A colour the document may hold: a palette name or `#rrggbb`. */
export function isItemColor(value: unknown): value is string {
  return isStickyColor(value) || (typeof value === 'string' && HEX_COLOR.test(value))
}

export const DEFAULT_SIZE: Record<ItemKind, { w: number; h: number }> = {
  sticky: { w: 160, h: 160 },
  text: { w: 240, h: 48 },
  frame: { w: 640, h: 480 },
  connector: { w: 0, h: 0 },
  image: { w: 320, h: 240 },
}
export const MIN_SIZE = 16
/** Longest text an item keeps (a sticky is a few sentences; imports are cut here). */
export const MAX_ITEM_TEXT = 5000

/** A read-only snapshot of one item, for views, exports and summaries. */
export type BoardItem = {
  id: ItemId
  kind: ItemKind
  x: number
  y: number
  w: number
  h: number
  z: string
  text: string
  color: string | undefined
  author: string
  authorId: string
  createdAt: number
  frameId: ItemId | undefined
  locked: boolean
  hidden: boolean
  from: ItemId | undefined
  to: ItemId | undefined
  fromSide: Side | undefined
  toSide: Side | undefined
  fileId: string | undefined
  /** An image's description (read out, and shown while the picture is missing). */
  alt: string | undefined
}

function optionalString(map: FieldSource, key: string): string | undefined {
  const value = map.get(key)
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The text of an item: a Y.Text normally; a plain string from an older or foreign writer. */
export function readItemText(map: FieldSource): string {
  const text = map.get('text')
  if (text instanceof Y.Text) return text.toJSON()
  return typeof text === 'string' ? text : ''
}

function finitePair(value: unknown): [number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined
  const [a, b] = value as unknown[]
  return typeof a === 'number' && Number.isFinite(a) && typeof b === 'number' && Number.isFinite(b)
    ? [a, b]
    : undefined
}

/** An item's position: `pos`, or separate `x`/`y` from another writer. */
export function readPosition(record: FieldSource): { x: number; y: number } {
  const pos = finitePair(record.get('pos'))
  return pos === undefined
    ? { x: readNumber(record, 'x'), y: readNumber(record, 'y') }
    : { x: pos[0], y: pos[1] }
}

/** Moves an item (inside the caller's transaction). */
export function writePosition(record: YRecord, x: number, y: number): void {
  record.set('pos', [x, y])
}

function readSize(record: FieldSource, kind: ItemKind): { w: number; h: number } {
  const size = finitePair(record.get('size'))
  if (size !== undefined) return { w: Math.max(0, size[0]), h: Math.max(0, size[1]) }
  return {
    w: Math.max(0, readNumber(record, 'w', DEFAULT_SIZE[kind].w)),
    h: Math.max(0, readNumber(record, 'h', DEFAULT_SIZE[kind].h)),
  }
}

/** Sets an item's size (inside the caller's transaction); the default size is not written. */
export function writeSize(record: YRecord, kind: ItemKind, w: number, h: number): void {
  const defaults = DEFAULT_SIZE[kind]
  if (w === defaults.w && h === defaults.h) {
    if (record.get('size') !== undefined) record.delete('size')
  } else {
    record.set('size', [w, h])
  }
  // A foreign writer's separate fields would otherwise win on the next read.
  if (record.get('w') !== undefined) record.delete('w')
  if (record.get('h') !== undefined) record.delete('h')
}

/** Who made an item and when: `made`, or separate fields from another writer. */
function readMade(record: FieldSource): { author: string; authorId: string; createdAt: number } {
  const made = record.get('made')
  if (typeof made === 'object' && made !== null && !Array.isArray(made)) {
    const { author, authorId, createdAt } = made as Record<string, unknown>
    return {
      author: typeof author === 'string' ? author : '',
      authorId: typeof authorId === 'string' ? authorId : '',
      createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
    }
  }
  return {
    author: readString(record, 'author'),
    authorId: readString(record, 'authorId'),
    createdAt: readNumber(record, 'createdAt'),
  }
}

/** The person who made an item (for private-mode checks without reading it whole). */
export function readAuthorId(record: YRecord): string {
  return readMade(record).authorId
}

/** Reads one item; undefined when it is not a map or of a kind this version does not know. */
export function readItem(id: string, map: unknown): BoardItem | undefined {
  return map instanceof Y.Map ? readItemFields(id, map as YRecord) : undefined
}

/**
 * Reads one item from its fields, a Y.Map's or a plain object's with the same keys (`text`
 * then a string); undefined for a kind this version does not know. Every value is checked
 * as a foreign writer's would be.
 */
export function readItemFields(id: string, record: FieldSource): BoardItem | undefined {
  const kind = record.get('kind')
  if (!isItemKind(kind)) return undefined
  const z = record.get('z')
  const color = record.get('color')
  const fromSide = record.get('fromSide')
  const toSide = record.get('toSide')
  const { x, y } = readPosition(record)
  const { w, h } = readSize(record, kind)
  return {
    id: id as ItemId,
    kind,
    x,
    y,
    w,
    h,
    // A missing or malformed z sorts first; ties are broken by id (compareZ).
    z: isFractionalIndex(z) ? z : '',
    text: readItemText(record),
    color: isItemColor(color) ? color : undefined,
    ...readMade(record),
    frameId: optionalString(record, 'frameId') as ItemId | undefined,
    locked: record.get('locked') === true,
    hidden: record.get('hidden') === true,
    from: optionalString(record, 'from') as ItemId | undefined,
    to: optionalString(record, 'to') as ItemId | undefined,
    fromSide: isSide(fromSide) ? fromSide : undefined,
    toSide: isSide(toSide) ? toSide : undefined,
    fileId: optionalString(record, 'fileId'),
    alt: optionalString(record, 'alt'),
  }
}

/**
 * Every item of the board this version understands, in paint order. This is the raw list:
 * views must go through `visibleItems` (visibility.ts), which leaves out others' hidden items.
 */
export function readAllItems(doc: Y.Doc): BoardItem[] {
  const items: BoardItem[] = []
  boardItems(doc).forEach((map, id) => {
    const item = readItem(id, map)
    if (item !== undefined) items.push(item)
  })
  return items.sort(comparePaintOrder)
}

export function getItem(doc: Y.Doc, id: ItemId): BoardItem | undefined {
  return readItem(id, boardItems(doc).get(id))
}

/**
 * A light handle on every item of a known kind (unsorted): the fields commands need to find
 * what to touch, without reading every item's text and geometry. Reading all of 5,000 items
 * fully costs tens of milliseconds; commands run on every drop, so they scan this instead and
 * read in full only the items they change.
 */
export type ItemRef = {
  id: ItemId
  kind: ItemKind
  frameId: ItemId | undefined
  z: string
  locked: boolean
  record: YRecord
}

export function scanItems(doc: Y.Doc): ItemRef[] {
  const refs: ItemRef[] = []
  boardItems(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map)) return
    const kind = record.get('kind')
    if (!isItemKind(kind)) return
    const z = record.get('z')
    const frameId = record.get('frameId')
    refs.push({
      id: id as ItemId,
      kind,
      frameId: typeof frameId === 'string' && frameId !== '' ? (frameId as ItemId) : undefined,
      z: isFractionalIndex(z) ? z : '',
      locked: record.get('locked') === true,
      record,
    })
  })
  return refs
}

/** The Y.Text of an item, for binding an in-place editor to it. */
export function itemText(doc: Y.Doc, id: ItemId): Y.Text | undefined {
  const text = boardItems(doc).get(id)?.get('text')
  return text instanceof Y.Text ? text : undefined
}

/** Stacking order: by z, then by id, so equal keys made at once paint the same everywhere. */
export function compareZ(a: Pick<BoardItem, 'z' | 'id'>, b: Pick<BoardItem, 'z' | 'id'>): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The highest z among `items` (null when none has one): new items go above it. */
export function highestZ(items: readonly { z: string }[]): string | null {
  let top: string | null = null
  for (const item of items) if (item.z !== '' && (top === null || item.z > top)) top = item.z
  return top
}

/** The lowest z among `items` (null when none has one). */
export function lowestZ(items: readonly { z: string }[]): string | null {
  let bottom: string | null = null
  for (const item of items) {
    if (item.z !== '' && (bottom === null || item.z < bottom)) bottom = item.z
  }
  return bottom
}

const LAYER: Record<ItemKind, number> = { frame: 0, image: 1, text: 1, sticky: 1, connector: 2 }

/**
 * Paint order: frames at the bottom (they hold the others), then stickies, text and images,
 * then connectors on top; z within each layer.
 */
export function comparePaintOrder(a: BoardItem, b: BoardItem): number {
  return LAYER[a.kind] - LAYER[b.kind] || compareZ(a, b)
}

export type Rect = { x: number; y: number; w: number; h: number }

export function itemCenter(item: Rect): { x: number; y: number } {
  return { x: item.x + item.w / 2, y: item.y + item.h / 2 }
}

export function containsPoint(rect: Rect, point: { x: number; y: number }): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.w &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.h
  )
}

/** The smallest rectangle around `rects`; undefined for none. */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const rect of rects) {
    left = Math.min(left, rect.x)
    top = Math.min(top, rect.y)
    right = Math.max(right, rect.x + rect.w)
    bottom = Math.max(bottom, rect.y + rect.h)
  }
  return { x: left, y: top, w: right - left, h: bottom - top }
}

/**
 * The frame an item dropped with its centre at `point` belongs to: the smallest frame that
 * contains the point (frames inside frames nest), never the item itself or one of its own
 * descendants.
 */
export function frameAt(
  items: readonly BoardItem[],
  point: { x: number; y: number },
  exclude: ReadonlySet<string> = new Set(),
): BoardItem | undefined {
  let best: BoardItem | undefined
  for (const item of items) {
    if (item.kind !== 'frame' || exclude.has(item.id) || !containsPoint(item, point)) continue
    if (best === undefined || item.w * item.h < best.w * best.h) best = item
  }
  return best
}

/** The ids of items inside the frames `ids` (at any depth), not including `ids` themselves. */
export function descendantsOf(
  items: readonly Pick<BoardItem, 'id' | 'frameId'>[],
  ids: Iterable<string>,
): Set<ItemId> {
  const children = new Map<string, ItemId[]>()
  for (const item of items) {
    if (item.frameId === undefined) continue
    const list = children.get(item.frameId) ?? []
    list.push(item.id)
    children.set(item.frameId, list)
  }
  const found = new Set<ItemId>()
  const stack = [...ids]
  const start = new Set(stack)
  while (stack.length > 0) {
    for (const child of children.get(stack.pop() as string) ?? []) {
      if (found.has(child) || start.has(child)) continue
      found.add(child)
      stack.push(child)
    }
  }
  return found
}
