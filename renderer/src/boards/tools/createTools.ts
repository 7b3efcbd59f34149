import type { ItemId } from '../../../../shared/ids'
import { createItems } from '../../../../shared/model/board/commands'
import { rectFromPoints, type Point } from '../../../../shared/model/board/geometry'
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  frameAt,
  type BoardItem,
  type Rect,
} from '../../../../shared/model/board/items'
import { readVotingRound } from '../../../../shared/model/board/session'
import { unvote, vote } from '../../../../shared/model/board/voting'
import type { PointerInput } from './controllerTypes'
import { IDLE_GESTURE, pressGesture } from './gestures'
import { inFrameHeader, itemAt } from './selectTool'
import { pastThreshold, type Gesture, type ToolContext } from './toolContext'
import { toolSettings } from './toolSettings'

/**
 * The tools that add to the board — sticky, text, frame, connector — and the vote tool.
 * Stickies and texts are placed by a click and open for typing at once; like Miro, the tool
 * bar then goes back to `select` so the next click selects rather than makes another one.
 */

/** The frame under a world point, which a new item placed there belongs to. */
function frameUnder(ctx: ToolContext, at: Point): BoardItem | undefined {
  return frameAt(ctx.runtime.scene.query({ x: at.x, y: at.y, w: 0, h: 0 }), at)
}

/** Writes one new item, selects it and opens its text for editing. */
function addItem(
  ctx: ToolContext,
  kind: 'sticky' | 'text' | 'frame',
  rect: Rect,
  text?: string,
): ItemId {
  const { doc, actor, interaction } = ctx.runtime
  const centre = { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }
  const [id] = ctx.command(() =>
    createItems(
      doc,
      [
        {
          kind,
          ...rect,
          text,
          color:
            kind === 'sticky' ? toolSettings(ctx.runtime).stickyColor.getSnapshot() : undefined,
          frameId: frameUnder(ctx, centre)?.id,
        },
      ],
      { actor, now: ctx.now() },
    ),
  )
  const created = id as ItemId
  interaction.update({ selection: new Set([created]), editing: created, tool: 'select' })
  return created
}

/** A sticky or a text of the default size centred on a world point, in edit. */
export function placeItem(ctx: ToolContext, kind: 'sticky' | 'text', at: Point): ItemId {
  const { w, h } = DEFAULT_SIZE[kind]
  return addItem(ctx, kind, { x: at.x - w / 2, y: at.y - h / 2, w, h })
}

export function pressPlace(
  ctx: ToolContext,
  input: PointerInput,
  kind: 'sticky' | 'text',
): Gesture {
  const at = ctx.toWorld(input)
  // Placed where the press was, even if the hand slipped a little before the release.
  return { move() {}, up: () => void placeItem(ctx, kind, at), cancel() {} }
}

/**
 * The frame tool: a drag draws the frame, a click makes one of the default size. Its title
 * opens for editing at once, holding a default title ("Frame") that typing replaces — a frame
 * left as it is still has a name to read out and to export.
 */
export function pressFrame(ctx: ToolContext, input: PointerInput): Gesture {
  const { interaction } = ctx.runtime
  const from = ctx.toWorld(input)
  let rect: Rect | undefined
  const follow = (point: PointerInput): void => {
    if (rect === undefined && !pastThreshold(input, point)) return
    rect = rectFromPoints(from, ctx.toWorld(point))
    interaction.update({ creating: { kind: 'frame', rect } })
  }
  return {
    move: follow,
    up(point) {
      follow(point)
      interaction.update({ creating: undefined })
      const { w, h } = DEFAULT_SIZE.frame
      const drawn =
        rect !== undefined && rect.w >= MIN_SIZE && rect.h >= MIN_SIZE
          ? rect
          : { x: from.x - w / 2, y: from.y - h / 2, w, h }
      addItem(ctx, 'frame', drawn, ctx.words.frameTitle())
    },
    cancel() {
      interaction.update({ creating: undefined })
    },
  }
}

/**
 * The connector tool: press on an item, pull, release on another. The tool stays on, to draw
 * the next arrow.
 */
export function pressConnector(ctx: ToolContext, input: PointerInput): Gesture {
  const { interaction, doc, actor } = ctx.runtime
  const from = itemAt(ctx, input)
  if (from === undefined || from.kind === 'connector') return IDLE_GESTURE
  let target: ItemId | undefined
  const follow = (point: PointerInput): void => {
    const under = itemAt(ctx, point)
    target =
      under !== undefined && under.kind !== 'connector' && under.id !== from.id
        ? under.id
        : undefined
    interaction.update({ connecting: { from: from.id, to: ctx.toWorld(point), target } })
  }
  return {
    move: follow,
    up(point) {
      follow(point)
      interaction.update({ connecting: undefined })
      if (target === undefined) return
      const to = target
      const [id] = ctx.command(() =>
        createItems(doc, [{ kind: 'connector', x: 0, y: 0, from: from.id, to }], {
          actor,
          now: ctx.now(),
        }),
      )
      ctx.select([id as ItemId])
    },
    cancel() {
      interaction.update({ connecting: undefined })
    },
  }
}

/** Whether the vote tool has something to do: a voting round is open. */
export function votingOpen(ctx: ToolContext): boolean {
  return readVotingRound(ctx.runtime.doc)?.status === 'open'
}

/** The vote tool: a click on a sticky gives it one of my dots; Alt+click takes one back. */
export function pressVote(ctx: ToolContext, input: PointerInput): Gesture {
  return pressGesture(input, {
    click() {
      const item = itemAt(ctx, input)
      if (item?.kind !== 'sticky' || !votingOpen(ctx)) return
      const { doc, actor } = ctx.runtime
      // Votes are not undoable (undo.ts): `unvote` is how one takes a dot back.
      if (input.alt) unvote(doc, actor, item.id)
      else vote(doc, actor, item.id, ctx.now())
    },
    drag: () => undefined,
  })
}

/**
 * A double click with the select tool: on a sticky or text (or a frame's title) it opens the
 * text for editing; on the background, or a frame's body, it places a sticky there, in edit.
 */
export function doubleClickSelect(ctx: ToolContext, input: PointerInput): void {
  const { interaction } = ctx.runtime
  const at = ctx.toWorld(input)
  const item = itemAt(ctx, input)
  if (item === undefined || (item.kind === 'frame' && !inFrameHeader(ctx, item, at))) {
    placeItem(ctx, 'sticky', at)
    return
  }
  if (item.locked || (item.kind !== 'sticky' && item.kind !== 'text' && item.kind !== 'frame')) {
    return
  }
  interaction.update({ selection: new Set([item.id]), editing: item.id })
}
