import type { ItemId } from '../../../../shared/ids'
import { moveItems } from '../../../../shared/model/board/commands'
import { itemsInRect, rectFromPoints, type Point } from '../../../../shared/model/board/geometry'
import { descendantsOf } from '../../../../shared/model/board/items'
import { panBy, zoomAt } from '../state/camera'
import { EMPTY_SELECTION, sameIds } from '../state/interaction'
import type { PointerInput } from './controllerTypes'
import { pastThreshold, presenceIds, type Gesture, type ToolContext } from './toolContext'

/**
 * The gestures several tools share: a press that is a click or becomes a drag, moving the
 * selection, the marquee and panning. Each shows itself through the interaction store (and
 * presence) while it runs and writes at most one command when it ends.
 */

/** Does nothing: a press that leads nowhere (a locked item dragged, say) still owns its pointer. */
export const IDLE_GESTURE: Gesture = { move() {}, up() {}, cancel() {} }

/**
 * A press that is a click when released within the drag threshold, or else turns into the
 * gesture `drag` returns (started from the press, so nothing jumps).
 */
export function pressGesture(
  start: Point,
  handlers: {
    click(input: PointerInput): void
    drag(input: PointerInput): Gesture | undefined
  },
): Gesture {
  let dragging: Gesture | undefined
  return {
    move(input) {
      if (dragging === undefined) {
        if (!pastThreshold(start, input)) return
        dragging = handlers.drag(input) ?? IDLE_GESTURE
      }
      dragging.move(input)
    },
    up(input) {
      if (dragging === undefined) handlers.click(input)
      else dragging.up(input)
    },
    cancel() {
      dragging?.cancel()
    },
  }
}

/**
 * Moves items with the pointer: a preview (here and, through presence, for others) until the
 * drop, then one `moveItems`. Locked items and connectors stay; a frame carries what is inside
 * it, so its contents are in the preview too (`moveItems` carries them when written).
 * Undefined when nothing of `ids` can move.
 */
export function startMove(
  ctx: ToolContext,
  from: Point,
  ids: Iterable<ItemId>,
): Gesture | undefined {
  const { scene, doc, interaction, presence, actor } = ctx.runtime
  const chosen = [...ids].filter((id) => {
    const item = scene.get(id)
    return item !== undefined && item.kind !== 'connector' && !item.locked
  })
  if (chosen.length === 0) return undefined
  const preview = new Set<ItemId>(chosen)
  if (chosen.some((id) => scene.get(id)?.kind === 'frame')) {
    for (const id of descendantsOf(scene.all(), chosen)) {
      if (scene.get(id)?.locked === false) preview.add(id)
    }
  }
  const shared = presenceIds(preview)
  let dx = 0
  let dy = 0
  const follow = (input: Point): void => {
    const at = ctx.toWorld(input)
    dx = at.x - from.x
    dy = at.y - from.y
    interaction.update({ drag: { ids: preview, dx, dy } })
    presence.publish({ drag: { ids: shared, dx, dy } })
  }
  const end = (): void => {
    interaction.update({ drag: undefined })
    presence.publish({ drag: null })
    presence.flush()
  }
  return {
    move: follow,
    up(input) {
      follow(input)
      // The document first, then the preview goes: others get the moved items before the
      // end of the drag, so nothing jumps back for a moment on their screens.
      if (dx !== 0 || dy !== 0) {
        ctx.command(() => moveItems(doc, { ids: chosen, dx, dy, actor }))
      }
      end()
    },
    cancel: end,
  }
}

/**
 * The selection rectangle: items it touches (frames only when wholly inside) are selected as
 * it grows; with `additive` (Shift) they are added to what was selected before.
 */
export function startMarquee(ctx: ToolContext, from: Point, additive: boolean): Gesture {
  const { scene, interaction } = ctx.runtime
  const before = ctx.state().selection
  const base = additive ? before : EMPTY_SELECTION
  const follow = (input: Point): void => {
    const rect = rectFromPoints(from, ctx.toWorld(input))
    const next = new Set(base)
    for (const item of itemsInRect(scene.query(rect), rect)) next.add(item.id)
    const current = ctx.state().selection
    interaction.update({ marquee: rect, selection: sameIds(next, current) ? current : next })
  }
  return {
    move: follow,
    up(input) {
      follow(input)
      interaction.update({ marquee: undefined })
    },
    cancel() {
      interaction.update({ marquee: undefined, selection: before })
    },
  }
}

/** Pans the view with the pointer (screen pixels, so the board follows the finger exactly). */
export function startPan(ctx: ToolContext, from: Point): Gesture {
  let last = from
  return {
    move(input) {
      ctx.runtime.camera.set(panBy(ctx.camera(), input.x - last.x, input.y - last.y))
      last = { x: input.x, y: input.y }
    },
    up() {},
    cancel() {},
  }
}

/** Two fingers: the view follows their midpoint and zooms with their spread. */
export type Pinch = { update(a: Point, b: Point): void }

export function startPinch(ctx: ToolContext, a: Point, b: Point): Pinch {
  const middle = (p: Point, q: Point): Point => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 })
  let centre = middle(a, b)
  let spread = Math.hypot(a.x - b.x, a.y - b.y)
  return {
    update(p, q) {
      const nextCentre = middle(p, q)
      const nextSpread = Math.hypot(p.x - q.x, p.y - q.y)
      let camera = panBy(ctx.camera(), nextCentre.x - centre.x, nextCentre.y - centre.y)
      if (spread > 0 && nextSpread > 0) camera = zoomAt(camera, nextCentre, nextSpread / spread)
      ctx.runtime.camera.set(camera)
      centre = nextCentre
      spread = nextSpread
    },
  }
}
