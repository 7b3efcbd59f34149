import type * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import { observeBoardState } from '../../../../shared/model/board/observe'
import { isFacilitator, readVotingRound } from '../../../../shared/model/board/session'
import {
  DEFAULT_STICKY_COLOR,
  boundsOf,
  type BoardItem,
  type Rect,
} from '../../../../shared/model/board/items'
import { createObservedStore, shallowEqual, type ExternalStore } from '../../lib/externalStore'
import { connectorLine } from '../state/boardScene'
import type { ToolRuntime } from './toolContext'

/**
 * The small facts the tool bars show, as external stores that change only when the fact
 * does: a pointer move changes the interaction store dozens of times a second, and the bars
 * must not re-render for it.
 */

export type UndoState = { canUndo: boolean; canRedo: boolean }

export function undoStateStore(undo: Y.UndoManager): ExternalStore<UndoState> {
  return createObservedStore(
    (onChange) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const
      for (const event of events) undo.on(event, onChange)
      return () => {
        for (const event of events) undo.off(event, onChange)
      }
    },
    () => ({ canUndo: undo.canUndo(), canRedo: undo.canRedo() }),
    shallowEqual,
  )
}

/** What the tool bars need of the board's session: a round open, whether I facilitate. */
export type SessionFacts = { votingOpen: boolean; facilitator: boolean }

export function sessionFactsStore(doc: Y.Doc, actorId: string): ExternalStore<SessionFacts> {
  return createObservedStore(
    (onChange) => observeBoardState(doc, onChange),
    () => ({
      votingOpen: readVotingRound(doc)?.status === 'open',
      facilitator: isFacilitator(doc, actorId),
    }),
    shallowEqual,
  )
}

export type SelectionSummary = {
  selection: ReadonlySet<ItemId>
  /** Selected items still on the board. */
  count: number
  stickies: number
  /** Neither locked nor connectors: what align, distribute and group act on. */
  arrangeable: number
  locked: number
  unlocked: number
  /** The colour the selected stickies share (undefined: none selected, or mixed). */
  stickyColor: string | undefined
  /** A drag, resize, marquee, pulled connector or text edit is going on: the bar steps aside. */
  busy: boolean
}

function summarize(runtime: ToolRuntime): SelectionSummary {
  const state = runtime.interaction.getSnapshot()
  let stickies = 0
  let arrangeable = 0
  let locked = 0
  let count = 0
  let stickyColor: string | undefined
  let mixed = false
  for (const id of state.selection) {
    const item = runtime.scene.get(id)
    if (item === undefined) continue
    count++
    if (item.kind === 'sticky') {
      stickies++
      const color = item.color ?? DEFAULT_STICKY_COLOR
      if (stickyColor !== undefined && stickyColor !== color) mixed = true
      stickyColor = color
    }
    if (item.locked) locked++
    else if (item.kind !== 'connector') arrangeable++
  }
  return {
    selection: state.selection,
    count,
    stickies,
    arrangeable,
    locked,
    unlocked: count - locked,
    stickyColor: mixed ? undefined : stickyColor,
    busy:
      state.drag !== undefined ||
      state.resize !== undefined ||
      state.marquee !== undefined ||
      state.connecting !== undefined ||
      state.editing !== undefined,
  }
}

/** Listens to the scene only for the selected items. */
function observeSelected(runtime: ToolRuntime, onChange: () => void): () => void {
  const stopInteraction = runtime.interaction.subscribe(onChange)
  const stopScene = runtime.scene.subscribe((changed) => {
    const { selection } = runtime.interaction.getSnapshot()
    for (const id of changed) {
      if (selection.has(id)) {
        onChange()
        return
      }
    }
  })
  return () => {
    stopInteraction()
    stopScene()
  }
}

export function selectionSummaryStore(runtime: ToolRuntime): ExternalStore<SelectionSummary> {
  return createObservedStore(
    (onChange) => observeSelected(runtime, onChange),
    () => summarize(runtime),
    shallowEqual,
  )
}

/** The world rectangle around the selected items (connectors by their line). */
export function selectionBounds(runtime: ToolRuntime): Rect | undefined {
  const rects: Rect[] = []
  const get = (id: ItemId): BoardItem | undefined => runtime.scene.get(id)
  for (const id of runtime.interaction.getSnapshot().selection) {
    const item = get(id)
    if (item === undefined) continue
    if (item.kind !== 'connector') {
      rects.push(item)
      continue
    }
    const line = connectorLine(item, get)
    if (line === undefined) continue
    const [a, b] = line
    rects.push({
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      w: Math.abs(a.x - b.x),
      h: Math.abs(a.y - b.y),
    })
  }
  return boundsOf(rects)
}

/** Screen pixels between the selection and its bar, and the bar and the canvas's edges. */
const GAP = 12
const EDGE = 8

/**
 * Where the selection bar goes (its top-left corner, in canvas pixels): centred above the
 * selection, below it when there is no room above, pinned inside the canvas, and nowhere
 * (undefined) when the selection is off screen.
 */
export function selectionBarPlacement(
  selection: Rect,
  bar: { width: number; height: number },
  viewport: { width: number; height: number },
): { x: number; y: number } | undefined {
  const offScreen =
    selection.x + selection.w < 0 ||
    selection.y + selection.h < 0 ||
    selection.x > viewport.width ||
    selection.y > viewport.height
  if (offScreen) return undefined
  const clamp = (value: number, low: number, high: number): number =>
    Math.max(low, Math.min(Math.max(low, high), value))
  const x = clamp(
    selection.x + selection.w / 2 - bar.width / 2,
    EDGE,
    viewport.width - bar.width - EDGE,
  )
  const above = selection.y - GAP - bar.height
  const below = selection.y + selection.h + GAP
  const y =
    above >= EDGE
      ? above
      : below + bar.height <= viewport.height - EDGE
        ? below
        : // The selection fills the canvas: the bar stays at the top, over it.
          EDGE
  return { x, y }
}
