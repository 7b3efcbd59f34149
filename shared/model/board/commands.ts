import * as Y from 'yjs'
import { newItemId, type ItemId } from '../../ids'
import { COMMAND_ORIGIN, recordToYMap, type YRecord } from '../schema'
import { boardItems, type BoardActor } from './boardDoc'
import { keyBetween, keysBetween } from './fractionalIndex'
import {
  DEFAULT_SIZE,
  MAX_ITEM_TEXT,
  MIN_SIZE,
  boundsOf,
  compareZ,
  highestZ,
  descendantsOf,
  frameAt,
  isItemColor,
  isItemKind,
  itemCenter,
  readItem,
  writePosition,
  writeSize,
  scanItems,
  type BoardItem,
  type ItemRef,
  type ItemKind,
  type Rect,
  type Side,
} from './items'
import { requireFacilitator, startsHidden } from './session'

/**
 * Item commands: pure functions over a board's Y.Doc, one transaction each with
 * `COMMAND_ORIGIN` (so a person's undo covers exactly their own commands, and a drag that
 * ends in `moveItems` is one update on the wire).
 *
 * Locked items are left alone by moves, resizes, edits and deletes; the commands return the
 * ids they actually changed so the UI can say why something did not move.
 */

export type NewItem = {
  kind: ItemKind
  x: number
  y: number
  w?: number
  h?: number
  text?: string
  color?: string
  frameId?: ItemId
  from?: ItemId
  to?: ItemId
  fromSide?: Side
  toSide?: Side
  fileId?: string
  alt?: string
  /** Keep this id (imports); a fresh one otherwise. */
  id?: ItemId
}

type Stamp = { actor: BoardActor; now: number }

function finite(value: number, fallback = 0): number {
  return Number.isFinite(value) ? value : fallback
}

function size(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.max(MIN_SIZE, value)
}

function textOf(value: string | undefined): Y.Text {
  const text = new Y.Text()
  if (value !== undefined && value !== '') text.insert(0, value.slice(0, MAX_ITEM_TEXT))
  return text
}

function itemRecord(input: NewItem, z: string, stamp: Stamp, hidden: boolean): YRecord {
  const connector = input.kind === 'connector'
  const defaults = DEFAULT_SIZE[input.kind]
  const w = size(input.w, defaults.w)
  const h = size(input.h, defaults.h)
  // Only what differs from the defaults is written: each field of each item is a struct to
  // load, and a 10k-sticky board loads measurably faster without the redundant ones.
  const map = recordToYMap({
    kind: input.kind,
    pos: connector ? undefined : [finite(input.x), finite(input.y)],
    size: connector || (w === defaults.w && h === defaults.h) ? undefined : [w, h],
    z,
    color: isItemColor(input.color) ? input.color : undefined,
    made: { author: stamp.actor.name, authorId: stamp.actor.id, createdAt: stamp.now },
    frameId: input.frameId,
    hidden: hidden ? true : undefined,
    from: connector ? input.from : undefined,
    to: connector ? input.to : undefined,
    fromSide: connector ? input.fromSide : undefined,
    toSide: connector ? input.toSide : undefined,
    fileId: input.kind === 'image' ? input.fileId : undefined,
    alt: input.kind === 'image' ? input.alt : undefined,
  })
  map.set('text', textOf(input.text))
  return map
}

/**
 * Adds items on top of everything (in the order given) and returns their ids. In private
 * mode, a participant's new items start hidden. Connectors need both ends on the board.
 */
export function createItems(doc: Y.Doc, inputs: readonly NewItem[], stamp: Stamp): ItemId[] {
  const map = boardItems(doc)
  const incoming = new Set(inputs.flatMap((input) => input.id ?? []))
  const known = (id: ItemId | undefined): boolean =>
    id !== undefined && (map.has(id) || incoming.has(id))
  for (const input of inputs) {
    if (input.kind === 'connector' && (!known(input.from) || !known(input.to))) {
      throw new Error('A connector needs an item at both ends.')
    }
  }
  const keys = keysBetween(highestZ(scanItems(doc)), null, inputs.length)
  const hidden = startsHidden(doc, stamp.actor.id)
  const ids = inputs.map((input) =>
    input.id !== undefined && !map.has(input.id) ? input.id : newItemId(),
  )
  doc.transact(() => {
    inputs.forEach((input, i) => {
      const id = ids[i] as ItemId
      map.set(id, itemRecord(input, keys[i] as string, stamp, hidden))
    })
  }, COMMAND_ORIGIN)
  return ids
}

function full(ref: ItemRef): BoardItem | undefined {
  return readItem(ref.id, ref.record)
}

function editable(doc: Y.Doc, ids: Iterable<string>): Map<ItemId, YRecord> {
  const map = boardItems(doc)
  const found = new Map<ItemId, YRecord>()
  for (const id of ids) {
    const record = map.get(id)
    if (record instanceof Y.Map && record.get('locked') !== true) found.set(id as ItemId, record)
  }
  return found
}

/**
 * Moves items by (dx, dy) — the end of a drag, however many items — in one transaction.
 * Frames take everything inside them along. Afterwards each moved item that was not carried
 * by its frame belongs to the smallest frame under its centre (dragging a sticky into a
 * frame groups it; dragging it out ungroups it). Returns the ids moved.
 */
export function moveItems(
  doc: Y.Doc,
  input: {
    ids: readonly ItemId[]
    dx: number
    dy: number
    /** Who drags: someone else's private frames are not drop targets for them. */
    actor?: Pick<BoardActor, 'id'>
  },
): ItemId[] {
  const dx = finite(input.dx)
  const dy = finite(input.dy)
  const refs = scanItems(doc)
  const byId = new Map(refs.map((ref) => [ref.id as string, ref]))
  const chosen = input.ids.filter((id) => {
    const ref = byId.get(id)
    return ref !== undefined && ref.kind !== 'connector' && !ref.locked
  })
  const carried = chosen.some((id) => byId.get(id)?.kind === 'frame')
    ? descendantsOf(refs, chosen)
    : new Set<ItemId>()
  const moving = [...new Set([...chosen, ...carried])].flatMap((id) => {
    const ref = byId.get(id)
    return ref === undefined || ref.locked ? [] : [ref]
  })
  if (moving.length === 0) return []
  const movingIds = new Set<string>(moving.map((ref) => ref.id))
  // Where the frames are after the move, to find the frame each dropped item lands in.
  const frames = refs.flatMap((ref) => {
    const frame = ref.kind === 'frame' ? full(ref) : undefined
    if (frame === undefined) return []
    if (frame.hidden && input.actor !== undefined && frame.authorId !== input.actor.id) return []
    return movingIds.has(frame.id) ? [{ ...frame, x: frame.x + dx, y: frame.y + dy }] : [frame]
  })
  doc.transact(() => {
    for (const ref of moving) {
      const item = full(ref)
      if (item === undefined) continue
      const x = item.x + dx
      const y = item.y + dy
      writePosition(ref.record, x, y)
      if (!chosen.includes(ref.id)) continue
      const exclude =
        ref.kind === 'frame'
          ? new Set<string>([ref.id, ...descendantsOf(refs, [ref.id])])
          : new Set<string>([ref.id])
      const frame = frameAt(frames, itemCenter({ ...item, x, y }), exclude)
      if (frame?.id === item.frameId) continue
      if (frame === undefined) ref.record.delete('frameId')
      else ref.record.set('frameId', frame.id)
    }
  }, COMMAND_ORIGIN)
  return moving.map((ref) => ref.id)
}

/** Sets an item's rectangle (sizes at least {@link MIN_SIZE}). False when locked or gone. */
export function resizeItem(doc: Y.Doc, id: ItemId, rect: Rect): boolean {
  const record = editable(doc, [id]).get(id)
  const kind = record?.get('kind')
  if (record === undefined || !isItemKind(kind) || kind === 'connector') return false
  doc.transact(() => {
    writePosition(record, finite(rect.x), finite(rect.y))
    writeSize(record, kind, size(rect.w, MIN_SIZE), size(rect.h, MIN_SIZE))
  }, COMMAND_ORIGIN)
  return true
}

/**
 * Replaces an item's text by editing only the changed middle (common prefix and suffix kept),
 * so a concurrent edit elsewhere in the same sticky survives. In-place editors bind the
 * Y.Text directly (itemText) instead.
 */
export function setItemText(doc: Y.Doc, id: ItemId, value: string): boolean {
  const record = editable(doc, [id]).get(id)
  if (record === undefined) return false
  const next = value.slice(0, MAX_ITEM_TEXT)
  doc.transact(() => {
    const current = record.get('text')
    if (!(current instanceof Y.Text)) {
      record.set('text', textOf(next))
      return
    }
    const old = current.toJSON()
    let start = 0
    while (start < old.length && start < next.length && old[start] === next[start]) start++
    let end = 0
    while (
      end < old.length - start &&
      end < next.length - start &&
      old[old.length - 1 - end] === next[next.length - 1 - end]
    ) {
      end++
    }
    const removed = old.length - start - end
    if (removed > 0) current.delete(start, removed)
    const inserted = next.slice(start, next.length - end)
    if (inserted !== '') current.insert(start, inserted)
  }, COMMAND_ORIGIN)
  return true
}

export function setItemColor(doc: Y.Doc, ids: readonly ItemId[], color: string): ItemId[] {
  if (!isItemColor(color)) throw new Error(`Not a colour: ${JSON.stringify(color)}`)
  const records = editable(doc, ids)
  doc.transact(() => {
    for (const record of records.values()) record.set('color', color)
  }, COMMAND_ORIGIN)
  return [...records.keys()]
}

/**
 * Deletes items, everything inside deleted frames, and every connector attached to anything
 * deleted. Locked items stay (and so do their contents). Returns the ids deleted.
 */
export function deleteItems(doc: Y.Doc, ids: readonly ItemId[]): ItemId[] {
  const refs = scanItems(doc)
  const unlocked = editable(doc, ids)
  const locked = new Set<string>(refs.filter((ref) => ref.locked).map((ref) => ref.id))
  const doomed = new Set<string>([...unlocked.keys(), ...descendantsOf(refs, unlocked.keys())])
  for (const id of locked) doomed.delete(id)
  for (const ref of refs) {
    if (ref.kind !== 'connector') continue
    const from = ref.record.get('from')
    const to = ref.record.get('to')
    if (
      (typeof from === 'string' && doomed.has(from)) ||
      (typeof to === 'string' && doomed.has(to))
    ) {
      doomed.add(ref.id)
    }
  }
  if (doomed.size === 0) return []
  doc.transact(() => {
    for (const id of doomed) boardItems(doc).delete(id)
  }, COMMAND_ORIGIN)
  return [...doomed] as ItemId[]
}

/**
 * Copies items (and the contents of copied frames, and connectors between copied items)
 * shifted by `offset`, on top of everything, keeping their relative order. The copies are
 * the actor's. Returns the new ids in the order of the originals given.
 */
export function duplicateItems(
  doc: Y.Doc,
  ids: readonly ItemId[],
  input: Stamp & { offset?: { x: number; y: number } },
): ItemId[] {
  const refs = scanItems(doc)
  const byId = new Map(refs.map((ref) => [ref.id as string, ref]))
  const chosen = ids.filter((id) => byId.has(id))
  const copied = new Set<string>([...chosen, ...descendantsOf(refs, chosen)])
  for (const ref of refs) {
    if (ref.kind !== 'connector') continue
    const from = ref.record.get('from')
    const to = ref.record.get('to')
    if (typeof from === 'string' && typeof to === 'string' && copied.has(from) && copied.has(to)) {
      copied.add(ref.id)
    }
  }
  const originals = refs
    .filter((ref) => copied.has(ref.id))
    .flatMap((ref) => full(ref) ?? [])
    .sort(compareZ)
  const fresh = new Map(originals.map((item) => [item.id as string, newItemId()]))
  const offset = input.offset ?? { x: 24, y: 24 }
  const keys = keysBetween(highestZ(refs), null, originals.length)
  const hidden = startsHidden(doc, input.actor.id)
  const remap = (id: ItemId | undefined): ItemId | undefined =>
    id === undefined ? undefined : (fresh.get(id) ?? id)
  doc.transact(() => {
    originals.forEach((item, i) => {
      const id = fresh.get(item.id) as ItemId
      const record = itemRecord(
        {
          kind: item.kind,
          x: item.x + offset.x,
          y: item.y + offset.y,
          w: item.w,
          h: item.h,
          text: item.text,
          color: item.color,
          frameId: remap(item.frameId),
          from: remap(item.from),
          to: remap(item.to),
          fromSide: item.fromSide,
          toSide: item.toSide,
          fileId: item.fileId,
          alt: item.alt,
        },
        keys[i] as string,
        input,
        hidden,
      )
      boardItems(doc).set(id, record)
    })
  }, COMMAND_ORIGIN)
  return chosen.map((id) => fresh.get(id) as ItemId)
}

export const FRAME_PADDING = 32

/**
 * Puts items in a new frame drawn around them (with padding) and returns the frame's id.
 * Items already in a frame move to the new one, which sits inside that frame when all the
 * items shared it.
 */
export function groupIntoFrame(
  doc: Y.Doc,
  ids: readonly ItemId[],
  input: Stamp & { title: string; color?: string },
): ItemId | undefined {
  const refs = scanItems(doc)
  const wanted = new Set<string>(ids)
  const members = refs.flatMap((ref) =>
    wanted.has(ref.id) && ref.kind !== 'connector' ? (full(ref) ?? []) : [],
  )
  const bounds = boundsOf(members)
  if (bounds === undefined) return undefined
  const parents = new Set(members.map((item) => item.frameId))
  const parent = parents.size === 1 ? [...parents][0] : undefined
  const frameId = newItemId()
  const hidden = startsHidden(doc, input.actor.id)
  const z = keyBetween(highestZ(refs), null)
  doc.transact(() => {
    const frame = itemRecord(
      {
        kind: 'frame',
        x: bounds.x - FRAME_PADDING,
        y: bounds.y - FRAME_PADDING * 2,
        w: bounds.w + FRAME_PADDING * 2,
        h: bounds.h + FRAME_PADDING * 3,
        text: input.title,
        color: input.color,
        frameId: parent,
      },
      z,
      input,
      hidden,
    )
    boardItems(doc).set(frameId, frame)
    for (const record of editable(
      doc,
      members.map((item) => item.id),
    ).values()) {
      record.set('frameId', frameId)
    }
  }, COMMAND_ORIGIN)
  return frameId
}

/** Locks items (anyone may): they no longer move, resize, change or get deleted. */
export function lockItems(doc: Y.Doc, ids: readonly ItemId[]): void {
  const map = boardItems(doc)
  doc.transact(() => {
    for (const id of ids) map.get(id)?.set('locked', true)
  }, COMMAND_ORIGIN)
}

/** Unlocks items. Only the facilitator may (throws BoardPermissionError otherwise). */
export function unlockItems(doc: Y.Doc, actor: BoardActor, ids: readonly ItemId[]): void {
  requireFacilitator(doc, actor, 'unlock items')
  const map = boardItems(doc)
  doc.transact(() => {
    for (const id of ids) map.get(id)?.delete('locked')
  }, COMMAND_ORIGIN)
}
