import type * as Y from 'yjs'
import { MAX_ITEM_TEXT } from '../../../../shared/model/board/items'

/** The smallest single edit that turns `before` into `after`: a common prefix and suffix kept. */
export type TextEdit = { index: number; remove: number; insert: string }

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * The edit from `before` to `after`, or undefined when they are equal. Never splits a
 * surrogate pair (an emoji), which would leave half a character in the shared text.
 */
export function diffText(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined
  const max = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  }
}

/**
 * Writes what the person typed into the item's shared text as one minimal edit in one
 * transaction with `origin` (the board's text origin, so it is undoable and the editor can
 * tell its own changes from others'). Text beyond MAX_ITEM_TEXT is cut.
 */
export function applyTyping(text: Y.Text, value: string, origin: object): void {
  const next = value.length > MAX_ITEM_TEXT ? value.slice(0, MAX_ITEM_TEXT) : value
  const edit = diffText(text.toJSON(), next)
  const doc = text.doc
  if (edit === undefined || doc === null) return
  doc.transact(() => {
    if (edit.remove > 0) text.delete(edit.index, edit.remove)
    if (edit.insert !== '') text.insert(edit.index, edit.insert)
  }, origin)
}

/**
 * Where a caret at `position` is after a change to the text (a Y.Text event's delta): text
 * inserted before it pushes it on, text removed before it pulls it back. At an insertion at
 * the caret itself, the caret stays before the inserted text (someone else typed there).
 */
export function moveCaret(position: number, delta: Y.YTextEvent['delta']): number {
  let index = 0
  let caret = position
  for (const op of delta) {
    if (index > caret) break
    if (op.retain !== undefined) index += op.retain
    else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (index < caret) caret += length
      index += length
    } else if (op.delete !== undefined) {
      caret = index + Math.max(0, caret - index - op.delete)
    }
  }
  return caret
}

/** Observes `text` for changes not made with `origin` (others' typing, undo, redo). */
export function observeOthers(
  text: Y.Text,
  origin: object,
  onChange: (event: Y.YTextEvent) => void,
): () => void {
  const handler = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
    if (transaction.origin !== origin) onChange(event)
  }
  text.observe(handler)
  return () => text.unobserve(handler)
}
