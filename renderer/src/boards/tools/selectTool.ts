import type { ItemId } from '../../../../shared/ids'
import { resizeItem } from '../../../../shared/model/board/commands'
import type { Point } from '../../../../shared/model/board/geometry'
import type { BoardItem, Rect } from '../../../../shared/model/board/items'
import { worldToScreen } from '../state/camera'
import { handleAt, resizeRect, type Handle } from '../state/handles'
import type { PointerInput } from './controllerTypes'
import { pressGesture, startMarquee, startMove, startPan } from './gestures'
import type { Gesture, ToolContext } from './toolContext'

/**
 * The select tool: click and Shift+click select, a drag moves the selection, a drag on the
 * background draws a marquee, the handles of a single selected item resize it.
 *
 * Frames: a press on a frame's header strip (or on a frame already selected) grabs the frame;
 * a press on its body is the background for dragging — a marquee inside a frame picks its
 * stickies — and a click there selects the frame. Without this a frame filling the screen
 * (a template's column) could never be marqueed inside.
 */

/** How far down from a frame's top edge a press grabs the frame: its title strip. */
export const FRAME_HEADER = 48
/** …and never less than this many screen pixels, so a zoomed-out frame is still easy to grab. */
const FRAME_HEADER_MIN_PX = 24

/** Screen pixels around a connector's line that still hit it. */
const HIT_SLACK_PX = 6

/** The top-most item under a screen point. */
export function itemAt(ctx: ToolContext, point: Point): BoardItem | undefined {
  return ctx.runtime.scene.hit(ctx.toWorld(point), HIT_SLACK_PX / ctx.camera().zoom)
}

export function inFrameHeader(ctx: ToolContext, frame: BoardItem, world: Point): boolean {
  const header = Math.max(FRAME_HEADER, FRAME_HEADER_MIN_PX / ctx.camera().zoom)
  return world.y - frame.y <= header
}

/** An item's rectangle on screen. */
export function screenRect(ctx: ToolContext, rect: Rect): Rect {
  const camera = ctx.camera()
  const topLeft = worldToScreen(camera, rect)
  return { x: topLeft.x, y: topLeft.y, w: rect.w * camera.zoom, h: rect.h * camera.zoom }
}

/** The one item whose handles show: exactly one selected, not a connector, not locked. */
export function resizable(ctx: ToolContext): BoardItem | undefined {
  if (!ctx.runtime.canEdit()) return undefined
  const { selection } = ctx.state()
  if (selection.size !== 1) return undefined
  const [id] = selection
  const item = ctx.runtime.scene.get(id as ItemId)
  return item === undefined || item.kind === 'connector' || item.locked ? undefined : item
}

/** The resize handle under a screen point, if the selection shows handles. */
export function handleUnder(
  ctx: ToolContext,
  point: Point,
): { item: BoardItem; handle: Handle } | undefined {
  const item = resizable(ctx)
  if (item === undefined) return undefined
  const handle = handleAt(screenRect(ctx, item), point)
  return handle === undefined ? undefined : { item, handle }
}

function startResize(ctx: ToolContext, item: BoardItem, handle: Handle, from: Point): Gesture {
  const { interaction, doc } = ctx.runtime
  const origin: Rect = { x: item.x, y: item.y, w: item.w, h: item.h }
  let rect = origin
  const follow = (input: PointerInput): void => {
    const at = ctx.toWorld(input)
    rect = resizeRect(origin, handle, at.x - from.x, at.y - from.y, input.shift)
    interaction.update({ resize: { id: item.id, rect } })
  }
  return {
    move: follow,
    up(input) {
      follow(input)
      const changed =
        rect.x !== origin.x || rect.y !== origin.y || rect.w !== origin.w || rect.h !== origin.h
      if (changed) ctx.command(() => resizeItem(doc, item.id, rect))
      interaction.update({ resize: undefined })
    },
    cancel() {
      interaction.update({ resize: undefined })
    },
  }
}

function pressItem(ctx: ToolContext, item: BoardItem, input: PointerInput): Gesture {
  const from = ctx.toWorld(input)
  const selection = ctx.state().selection
  const wasSelected = selection.has(item.id)
  if (input.shift && !wasSelected) ctx.select([...selection, item.id])
  else if (!input.shift && !wasSelected) ctx.select([item.id])
  return pressGesture(input, {
    click() {
      const now = ctx.state().selection
      // A click on a selected item: Shift takes it out, a plain click keeps only it.
      if (input.shift && wasSelected) ctx.select([...now].filter((id) => id !== item.id))
      else if (!input.shift && wasSelected && now.size > 1) ctx.select([item.id])
    },
    drag() {
      if (!ctx.runtime.canEdit())
        return input.pointerType === 'touch' ? startPan(ctx, input) : undefined
      return startMove(ctx, from, ctx.state().selection)
    },
  })
}

/** The background, or a frame's body (`frame`): a click selects the frame or clears. */
function pressBackground(
  ctx: ToolContext,
  input: PointerInput,
  frame: BoardItem | undefined,
): Gesture {
  const from = ctx.toWorld(input)
  return pressGesture(input, {
    click() {
      const selection = ctx.state().selection
      if (frame === undefined) {
        if (!input.shift) ctx.select([])
      } else if (!input.shift) ctx.select([frame.id])
      else if (selection.has(frame.id)) ctx.select([...selection].filter((id) => id !== frame.id))
      else ctx.select([...selection, frame.id])
    },
    drag() {
      return input.pointerType === 'touch'
        ? startPan(ctx, input)
        : startMarquee(ctx, from, input.shift)
    },
  })
}

export function pressSelect(ctx: ToolContext, input: PointerInput): Gesture {
  const grip = handleUnder(ctx, input)
  if (grip !== undefined) return startResize(ctx, grip.item, grip.handle, ctx.toWorld(input))
  const item = itemAt(ctx, input)
  if (item === undefined) {
    // One finger on the background pans, as on every touch canvas.
    return input.pointerType === 'touch'
      ? startPan(ctx, input)
      : pressBackground(ctx, input, undefined)
  }
  if (
    item.kind === 'frame' &&
    !ctx.state().selection.has(item.id) &&
    !inFrameHeader(ctx, item, ctx.toWorld(input))
  ) {
    return pressBackground(ctx, input, item)
  }
  return pressItem(ctx, item, input)
}
