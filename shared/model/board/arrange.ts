import type * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { COMMAND_ORIGIN } from '../schema'
import { boardItems } from './boardDoc'
import { keyBetween, keysBetween } from './fractionalIndex'
import {
  boundsOf,
  compareZ,
  highestZ,
  lowestZ,
  readItem,
  scanItems,
  writePosition,
  type BoardItem,
  type ItemRef,
} from './items'

/**
 * Arranging items: stacking order (fractional z keys, so two people restacking at once
 * converge) and multi-select align and distribute. One transaction each, `COMMAND_ORIGIN`;
 * locked items and connectors are left where they are.
 */

/** Puts items above everything else, keeping their order among themselves. */
export function bringToFront(doc: Y.Doc, ids: readonly ItemId[]): void {
  restack(doc, ids, 'front')
}

/** Puts items below everything else, keeping their order among themselves. */
export function sendToBack(doc: Y.Doc, ids: readonly ItemId[]): void {
  restack(doc, ids, 'back')
}

function restack(doc: Y.Doc, ids: readonly ItemId[], where: 'front' | 'back'): void {
  const refs = scanItems(doc)
  const chosen = new Set<string>(ids)
  const moving = refs.filter((ref) => chosen.has(ref.id)).sort(compareZ)
  const rest = refs.filter((ref) => !chosen.has(ref.id))
  if (moving.length === 0) return
  const keys =
    where === 'front'
      ? keysBetween(highestZ(rest), null, moving.length)
      : keysBetween(null, lowestZ(rest), moving.length)
  doc.transact(() => {
    moving.forEach((ref, i) => ref.record.set('z', keys[i] as string))
  }, COMMAND_ORIGIN)
}

/** Moves one item to just above `below` (or the bottom when null) in the stacking order. */
export function placeAbove(doc: Y.Doc, id: ItemId, below: ItemId | null): void {
  const all = scanItems(doc)
    .filter((ref) => ref.id !== id)
    .sort(compareZ)
  const index = below === null ? -1 : all.findIndex((item) => item.id === below)
  if (below !== null && index < 0) return
  const low = index < 0 ? null : (all[index] as ItemRef).z || null
  let high: string | null = null
  for (const item of all.slice(index + 1)) {
    if (item.z !== '' && (low === null || item.z > low)) {
      high = item.z
      break
    }
  }
  const z = keyBetween(low, high)
  doc.transact(() => boardItems(doc).get(id)?.set('z', z), COMMAND_ORIGIN)
}

export const ALIGNMENTS = ['left', 'center', 'right', 'top', 'middle', 'bottom'] as const
export type Alignment = (typeof ALIGNMENTS)[number]

function arrangeable(doc: Y.Doc, ids: readonly ItemId[]): { ref: ItemRef; item: BoardItem }[] {
  const wanted = new Set<string>(ids)
  return scanItems(doc).flatMap((ref) => {
    if (!wanted.has(ref.id) || ref.locked || ref.kind === 'connector') return []
    const item = readItem(ref.id, ref.record)
    return item === undefined ? [] : [{ ref, item }]
  })
}

/**
 * Lines items up on one edge or centre line of their common bounds (frames take their
 * contents along: see `moveItems` — here only the chosen items move, so align frames or
 * their contents, not both). Returns the ids moved.
 */
export function alignItems(doc: Y.Doc, ids: readonly ItemId[], alignment: Alignment): ItemId[] {
  const chosen = arrangeable(doc, ids)
  const bounds = boundsOf(chosen.map(({ item }) => item))
  if (bounds === undefined || chosen.length < 2) return []
  const moved: ItemId[] = []
  doc.transact(() => {
    for (const { ref, item } of chosen) {
      const horizontal = alignment === 'left' || alignment === 'center' || alignment === 'right'
      const target =
        alignment === 'left'
          ? bounds.x
          : alignment === 'center'
            ? bounds.x + (bounds.w - item.w) / 2
            : alignment === 'right'
              ? bounds.x + bounds.w - item.w
              : alignment === 'top'
                ? bounds.y
                : alignment === 'middle'
                  ? bounds.y + (bounds.h - item.h) / 2
                  : bounds.y + bounds.h - item.h
      if (target === (horizontal ? item.x : item.y)) continue
      writePosition(ref.record, horizontal ? target : item.x, horizontal ? item.y : target)
      moved.push(ref.id)
    }
  }, COMMAND_ORIGIN)
  return moved
}

/**
 * Spaces three or more items evenly between the first and the last along one axis (equal
 * gaps between them), keeping their order along it. Returns the ids moved.
 */
export function distributeItems(
  doc: Y.Doc,
  ids: readonly ItemId[],
  axis: 'horizontal' | 'vertical',
): ItemId[] {
  const chosen = arrangeable(doc, ids)
  if (chosen.length < 3) return []
  const pos = (item: BoardItem): number => (axis === 'horizontal' ? item.x : item.y)
  const size = (item: BoardItem): number => (axis === 'horizontal' ? item.w : item.h)
  chosen.sort((a, b) => pos(a.item) - pos(b.item) || compareZ(a.item, b.item))
  const first = chosen[0]?.item as BoardItem
  const last = chosen[chosen.length - 1]?.item as BoardItem
  const span = pos(last) + size(last) - pos(first)
  const total = chosen.reduce((sum, { item }) => sum + size(item), 0)
  const gap = (span - total) / (chosen.length - 1)
  const moved: ItemId[] = []
  doc.transact(() => {
    let at = pos(first)
    for (const { ref, item } of chosen) {
      if (at !== pos(item)) {
        writePosition(
          ref.record,
          axis === 'horizontal' ? at : item.x,
          axis === 'horizontal' ? item.y : at,
        )
        moved.push(ref.id)
      }
      at += size(item) + gap
    }
  }, COMMAND_ORIGIN)
  return moved
}
