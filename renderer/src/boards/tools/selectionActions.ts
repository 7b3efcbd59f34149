import type { ItemId } from '../../../../shared/ids'
import {
  deleteItems,
  duplicateItems,
  moveItems,
  setItemColor,
} from '../../../../shared/model/board/commands'
import { isStickyColor, type BoardItem, type Rect } from '../../../../shared/model/board/items'
import { connectorLine } from '../state/boardScene'
import { readingOrder, type PlacedItem } from './readingOrder'
import type { ToolContext } from './toolContext'
import { toolSettings } from './toolSettings'
import { scrollIntoView } from './viewActions'

/**
 * What the keyboard and the tool bars do to the selection. Each writes at most one command
 * (one undo step) and keeps the selection in step with what is left on the board.
 */

export function selectedIds(ctx: ToolContext): ItemId[] {
  return [...ctx.state().selection]
}

/**
 * Drops from the selection (and from editing) items no longer on the board: deleted, undone,
 * hidden by private mode, or removed by someone else.
 */
export function pruneSelection(ctx: ToolContext): void {
  const { scene, interaction } = ctx.runtime
  const { selection, editing, hover } = ctx.state()
  const kept = [...selection].filter((id) => scene.get(id) !== undefined)
  interaction.update({
    selection: kept.length === selection.size ? selection : new Set(kept),
    editing: editing !== undefined && scene.get(editing) === undefined ? undefined : editing,
    hover: hover !== undefined && scene.get(hover) === undefined ? undefined : hover,
  })
}

export function deleteSelection(ctx: ToolContext): void {
  const ids = selectedIds(ctx)
  if (ids.length === 0) return
  ctx.command(() => deleteItems(ctx.runtime.doc, ids))
  pruneSelection(ctx)
}

/** Copies the selection a little down and to the right, and selects the copies. */
export function duplicateSelection(ctx: ToolContext): void {
  const ids = selectedIds(ctx)
  if (ids.length === 0) return
  const { doc, actor } = ctx.runtime
  const copies = ctx.command(() => duplicateItems(doc, ids, { actor, now: ctx.now() }))
  ctx.select(copies)
}

export function undo(ctx: ToolContext): void {
  ctx.runtime.undo.undo()
  pruneSelection(ctx)
}

export function redo(ctx: ToolContext): void {
  ctx.runtime.undo.redo()
  pruneSelection(ctx)
}

/** Selects everything I see on the board (private items of others are not in the scene). */
export function selectAll(ctx: ToolContext): void {
  ctx.select(ctx.runtime.scene.all().map((item) => item.id))
}

/**
 * Moves the selection by screen pixels (the arrow keys: 1, or 10 with Shift). A held key is
 * one undo step: its repeats continue the step its first press opened.
 */
export function nudgeSelection(ctx: ToolContext, dx: number, dy: number, repeat: boolean): void {
  const ids = selectedIds(ctx)
  if (ids.length === 0) return
  const { zoom } = ctx.camera()
  const { doc, actor } = ctx.runtime
  ctx.command(
    () => moveItems(doc, { ids, dx: dx / zoom, dy: dy / zoom, actor }),
    repeat ? 'continue' : 'open',
  )
}

/** Sets the colour of the selected stickies, and of the stickies made next. */
export function colorSelection(ctx: ToolContext, color: string): void {
  const settings = toolSettings(ctx.runtime)
  if (isStickyColor(color)) settings.stickyColor.set(color)
  const stickies = selectedIds(ctx).filter((id) => ctx.runtime.scene.get(id)?.kind === 'sticky')
  if (stickies.length === 0) return
  ctx.command(() => setItemColor(ctx.runtime.doc, stickies, color))
}

/** Where an item is for Tab (a connector: the box around its line). */
function placed(ctx: ToolContext, item: BoardItem): PlacedItem | undefined {
  let rect: Rect = item
  if (item.kind === 'connector') {
    const line = connectorLine(item, (id) => ctx.runtime.scene.get(id))
    if (line === undefined) return undefined
    const [a, b] = line
    rect = {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      w: Math.abs(a.x - b.x),
      h: Math.abs(a.y - b.y),
    }
  }
  return { id: item.id, frameId: item.frameId, rect }
}

/**
 * Tab and Shift+Tab: selects the next (previous) item in reading order after the one selected
 * last, and pans so it is on screen. Returns false past either end, with nothing selected:
 * the key then moves focus out of the canvas, so keyboard users are never trapped in it.
 */
export function selectNext(ctx: ToolContext, backwards: boolean): boolean {
  const items = ctx.runtime.scene.all().flatMap((item) => placed(ctx, item) ?? [])
  const order = readingOrder(items)
  const selection = selectedIds(ctx)
  const current = selection[selection.length - 1]
  const at = current === undefined ? -1 : order.indexOf(current)
  const index = at < 0 ? (backwards ? order.length - 1 : 0) : backwards ? at - 1 : at + 1
  const next = order[index]
  if (next === undefined) {
    ctx.select([])
    return false
  }
  ctx.select([next])
  const item = items.find((entry) => entry.id === next)
  if (item !== undefined) scrollIntoView(ctx, item.rect)
  return true
}
