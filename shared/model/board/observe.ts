import type * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { boardItems, boardMeta, boardSession, boardVotes } from './boardDoc'

/**
 * Change notifications for views over a board, fine-grained enough that a canvas of 5,000
 * stickies re-reads only the items that changed (one `readItem` each) instead of the board:
 * which items were added, removed, or had a field or their text changed, per transaction,
 * local or remote.
 */
export type ItemChanges = {
  added: ReadonlySet<ItemId>
  removed: ReadonlySet<ItemId>
  /** Items whose fields or text changed (not including added ones). */
  changed: ReadonlySet<ItemId>
}

/** The key under `items` of the item a nested type belongs to. */
function owningItem(target: Y.AbstractType<unknown>, items: Y.Map<unknown>): string | undefined {
  let node: Y.AbstractType<unknown> | null = target
  while (node !== null && node.parent !== items) node = node.parent
  const key = node?._item?.parentSub
  return typeof key === 'string' ? key : undefined
}

export function observeItems(doc: Y.Doc, listener: (changes: ItemChanges) => void): () => void {
  const items = boardItems(doc) as Y.Map<unknown>
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const added = new Set<ItemId>()
    const removed = new Set<ItemId>()
    const changed = new Set<ItemId>()
    for (const event of events) {
      if (event.target === items) {
        for (const [key, change] of event.changes.keys) {
          const id = key as ItemId
          if (change.action === 'add') added.add(id)
          else if (change.action === 'delete') removed.add(id)
          else changed.add(id)
        }
        continue
      }
      const id = owningItem(event.target, items)
      if (id !== undefined) changed.add(id as ItemId)
    }
    for (const id of added) changed.delete(id)
    for (const id of removed) changed.delete(id)
    if (added.size > 0 || removed.size > 0 || changed.size > 0) {
      listener({ added, removed, changed })
    }
  }
  items.observeDeep(handler)
  return () => items.unobserveDeep(handler)
}

/**
 * Calls `onChange` when the board's meta, session (facilitator, timer, round, private mode)
 * or votes change — the small state the facilitation bar and vote counts show.
 */
export function observeBoardState(doc: Y.Doc, onChange: () => void): () => void {
  const targets = [boardMeta(doc), boardSession(doc), boardVotes(doc)] as Y.Map<unknown>[]
  const handler = (): void => onChange()
  for (const target of targets) target.observe(handler)
  return () => {
    for (const target of targets) target.unobserve(handler)
  }
}
