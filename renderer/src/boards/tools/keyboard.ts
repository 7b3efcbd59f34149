import type { ItemId } from '../../../../shared/ids'
import { panBy } from '../state/camera'
import type { BoardTool } from '../state/interaction'
import type { KeyInput } from './controllerTypes'
import {
  deleteSelection,
  duplicateSelection,
  nudgeSelection,
  redo,
  selectAll,
  selectNext,
  undo,
} from './selectionActions'
import { VIEWING_TOOLS, type ToolContext } from './toolContext'
import { ZOOM_STEP, zoomBy, zoomToActual, zoomToFit } from './viewActions'

/**
 * The board's keys. Returns true for a key the board used (the canvas then prevents the
 * browser's default). While an item's text is being edited only Esc is ours: every other key
 * belongs to the text editor.
 */

/** Tool keys, pressed without modifiers. */
const TOOL_KEYS: Readonly<Record<string, BoardTool>> = {
  v: 'select',
  h: 'hand',
  s: 'sticky',
  t: 'text',
  f: 'frame',
  c: 'connector',
}

/** Screen pixels an arrow key pans by when nothing is selected. */
const ARROW_PAN = 64

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
}

/**
 * The letter of a key: what it types on a Latin layout, else the key's place (`KeyZ` on a
 * Cyrillic or Greek layout is still Ctrl+Z).
 */
function letterOf(input: KeyInput): string {
  if (/^[a-z]$/i.test(input.key)) return input.key.toLowerCase()
  return input.code.startsWith('Key') ? input.code.slice(3).toLowerCase() : input.key
}

export type KeyControls = {
  /** Cancels the gesture in progress; false when there was none. */
  cancelGesture(): boolean
  setTool(tool: BoardTool): void
}

export function handleKey(ctx: ToolContext, input: KeyInput, controls: KeyControls): boolean {
  const { interaction, scene } = ctx.runtime
  const state = ctx.state()
  if (state.editing !== undefined) {
    if (input.key !== 'Escape') return false
    interaction.update({ editing: undefined })
    return true
  }
  const canEdit = ctx.runtime.canEdit()
  const selected = state.selection.size > 0

  if (input.key === ' ') {
    if (!input.repeat) interaction.update({ panning: true })
    return true
  }
  if (input.key === 'Escape') {
    if (controls.cancelGesture()) return true
    if (state.tool !== 'select') controls.setTool('select')
    else if (selected) ctx.select([])
    else return false
    return true
  }
  if (input.key === 'Tab' && !input.mod && !input.alt) return selectNext(ctx, input.shift)

  if (input.mod) {
    if (input.alt) return false
    switch (input.code === 'Digit0' ? '0' : letterOf(input)) {
      case 'z':
        if (!canEdit) return false
        if (input.shift) redo(ctx)
        else undo(ctx)
        return true
      case 'y':
        if (!canEdit) return false
        redo(ctx)
        return true
      case 'd':
        // Ours even with nothing selected: the browser would bookmark the page.
        if (canEdit) duplicateSelection(ctx)
        return true
      case 'a':
        selectAll(ctx)
        return true
      case '0':
        zoomToActual(ctx)
        return true
      default:
        return false
    }
  }
  if (input.alt) return false

  const arrow = ARROWS[input.key]
  if (arrow !== undefined) {
    const step = input.shift ? 10 : 1
    if (selected && canEdit) nudgeSelection(ctx, arrow[0] * step, arrow[1] * step, input.repeat)
    else {
      const by = ARROW_PAN * (input.shift ? 4 : 1)
      ctx.runtime.camera.set(panBy(ctx.camera(), -arrow[0] * by, -arrow[1] * by))
    }
    return true
  }
  if (input.key === 'Delete' || input.key === 'Backspace') {
    if (!selected || !canEdit) return false
    deleteSelection(ctx)
    return true
  }
  if (input.key === 'Enter') {
    if (!canEdit || state.selection.size !== 1) return false
    const [id] = state.selection
    const item = scene.get(id as ItemId)
    if (item === undefined || item.locked) return false
    if (item.kind !== 'sticky' && item.kind !== 'text' && item.kind !== 'frame') return false
    interaction.update({ editing: item.id })
    return true
  }
  if (input.shift && input.code === 'Digit1') {
    zoomToFit(ctx)
    return true
  }
  if (input.key === '+' || input.key === '=') {
    zoomBy(ctx, ZOOM_STEP)
    return true
  }
  if (input.key === '-' || input.key === '_') {
    zoomBy(ctx, 1 / ZOOM_STEP)
    return true
  }
  if (input.shift) return false
  const tool = TOOL_KEYS[letterOf(input)]
  if (tool === undefined || (!canEdit && !VIEWING_TOOLS.has(tool))) return false
  controls.setTool(tool)
  return true
}
