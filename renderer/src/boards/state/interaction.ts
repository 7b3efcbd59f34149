import type { ItemId } from '../../../../shared/ids'
import type { Point } from '../../../../shared/model/board/geometry'
import type { ItemKind, Rect } from '../../../../shared/model/board/items'
import { createValueStore, type ValueStore } from '../../lib/externalStore'

/**
 * The tools of the board's toolbar. `select` also pans on the background with space held or
 * the middle button; `hand` always pans. `vote` exists while a voting round is open: a click
 * on a sticky gives it one of my dots, Alt+click takes one back.
 */
export const BOARD_TOOLS = [
  'select',
  'hand',
  'sticky',
  'text',
  'frame',
  'connector',
  'vote',
] as const
export type BoardTool = (typeof BOARD_TOOLS)[number]

/**
 * One person's in-progress interaction with a board: what is selected, and the preview of a
 * gesture that has not been written yet (a drag, a resize, a marquee, a frame being drawn, a
 * connector being pulled). It lives only here — the document gets one command when the
 * gesture ends, and others see the gesture through awareness (boardPresence.ts).
 */
export type Interaction = {
  readonly tool: BoardTool
  readonly selection: ReadonlySet<ItemId>
  /** Items moving with the pointer: drawn offset by (dx, dy) world units until the drop. */
  readonly drag:
    { readonly ids: ReadonlySet<ItemId>; readonly dx: number; readonly dy: number } | undefined
  /** An item being resized: drawn with this rectangle until the pointer is released. */
  readonly resize: { readonly id: ItemId; readonly rect: Rect } | undefined
  /** The selection rectangle being drawn (world units). */
  readonly marquee: Rect | undefined
  /** An item the current tool is drawing (a frame by dragging). */
  readonly creating: { readonly kind: ItemKind; readonly rect: Rect } | undefined
  /** A connector being pulled from an item; `target` is the item under the pointer, if any. */
  readonly connecting:
    { readonly from: ItemId; readonly to: Point; readonly target: ItemId | undefined } | undefined
  /** The item whose text is being edited in place. */
  readonly editing: ItemId | undefined
  /** The item under the pointer (for hover outlines). */
  readonly hover: ItemId | undefined
  /** Space is held: the next drag pans. */
  readonly panning: boolean
}

export const EMPTY_SELECTION: ReadonlySet<ItemId> = new Set()

export const INITIAL_INTERACTION: Interaction = {
  tool: 'select',
  selection: EMPTY_SELECTION,
  drag: undefined,
  resize: undefined,
  marquee: undefined,
  creating: undefined,
  connecting: undefined,
  editing: undefined,
  hover: undefined,
  panning: false,
}

export type InteractionStore = ValueStore<Interaction> & {
  /** Changes some fields from the current value. */
  update(change: Partial<Interaction>): void
}

export function createInteractionStore(
  initial: Interaction = INITIAL_INTERACTION,
): InteractionStore {
  const store = createValueStore(initial)
  return {
    ...store,
    update(change) {
      const current = store.getSnapshot()
      let differs = false
      for (const key of Object.keys(change) as (keyof Interaction)[]) {
        if (!Object.is(change[key], current[key])) differs = true
      }
      if (differs) store.set({ ...current, ...change })
    },
  }
}

export function sameIds(a: ReadonlySet<ItemId>, b: ReadonlySet<ItemId>): boolean {
  if (a === b) return true
  if (a.size !== b.size) return false
  for (const id of a) if (!b.has(id)) return false
  return true
}
