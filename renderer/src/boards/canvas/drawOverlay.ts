import type { ItemId } from '../../../../shared/ids'
import { connectorEnds, type Point } from '../../../../shared/model/board/geometry'
import type { BoardItem, Rect } from '../../../../shared/model/board/items'
import { connectorLine } from '../state/boardScene'
import type { BoardPeer } from '../state/boardPresence'
import type { Camera, Size } from '../state/camera'
import { HANDLE_SIZE, handlePoint, visibleHandles } from '../state/handles'
import type { Interaction } from '../state/interaction'
import type { DrawContext } from './drawContext'
import { arrowHead, FRAME_TITLE_LOD, textBox } from './drawItems'
import { inkOn, stickyFill, type BoardPalette } from './palette'
import type { Pen } from './pen'
import type { Placement } from './placement'
import type { TextLayout } from './textLayout'

/**
 * What is drawn over the items in screen pixels, at the same size at any zoom: lock marks,
 * vote badges, selection and hover outlines, resize handles, the marquee, previews of items
 * being made or connected, and other people's selections and cursors.
 */

/** A vote badge on an item: my dots while a round is open, everyone's once results are out. */
export type VoteBadge = { readonly count: number; readonly mine: boolean }

export type OverlayEnv = {
  readonly camera: Camera
  readonly size: Size
  readonly palette: BoardPalette
  readonly layout: TextLayout
  readonly placement: Placement
  readonly interaction: Interaction
  readonly peers: readonly BoardPeer[]
  readonly votes: ReadonlyMap<ItemId, VoteBadge>
  /** Present mode: the board without selection, hover or handles. */
  readonly presenting: boolean
  readonly canEdit: boolean
}

export function toScreen(camera: Camera, rect: Rect): Rect {
  return {
    x: (rect.x - camera.x) * camera.zoom,
    y: (rect.y - camera.y) * camera.zoom,
    w: rect.w * camera.zoom,
    h: rect.h * camera.zoom,
  }
}

function pointToScreen(camera: Camera, point: Point): Point {
  return { x: (point.x - camera.x) * camera.zoom, y: (point.y - camera.y) * camera.zoom }
}

function onScreen(rect: Rect, size: Size, margin = 40): boolean {
  return (
    rect.x + rect.w >= -margin &&
    rect.y + rect.h >= -margin &&
    rect.x <= size.width + margin &&
    rect.y <= size.height + margin
  )
}

function uiFont(palette: BoardPalette, size: number, weight = 600): string {
  return `${weight} ${size}px ${palette.fontFamily}`
}

/**
 * A frame's title when the zoom is too small for it to fit the frame's top band: a label of
 * readable size at the same place, over what is in the frame.
 */
function frameLabel(ctx: DrawContext, pen: Pen, item: BoardItem, env: OverlayEnv): void {
  const { camera, palette } = env
  if (item.text === '' || env.interaction.editing === item.id) return
  const box = textBox(item, palette.fontFamily, camera.zoom)
  if (box === undefined) return
  const screen = toScreen(camera, box)
  if (screen.w < 24 || !onScreen(screen, env.size)) return
  // Widths in steps of 8 px, so a zoom does not lay the title out again every frame.
  const block = env.layout.fit(ctx, item.text, Math.floor(screen.w / 8) * 8, 18, {
    family: palette.fontFamily,
    sizes: [FRAME_LABEL_PX],
    weight: 600,
  })
  const width = block.widths[0] ?? 0
  pen.fill(palette.frameFill)
  ctx.beginPath()
  ctx.roundRect(screen.x - 5, screen.y - 3, width + 10, block.lineHeight + 6, 4)
  ctx.fill()
  pen.font(block.font)
  pen.fill(palette.frameTitle)
  ctx.fillText(block.lines[0] ?? '', screen.x, screen.y + block.lineHeight / 2)
}

/** The frame label's size in CSS pixels (the in-place editor uses about the same). */
const FRAME_LABEL_PX = 11

function lockMark(ctx: DrawContext, pen: Pen, item: BoardItem, env: OverlayEnv): void {
  const screen = toScreen(env.camera, item)
  if (screen.w < 28 || screen.h < 28) return
  // Bottom right, clear of the text (top left) and of vote badges (top right); a frame's at
  // its top right, level with its title.
  const x = screen.x + screen.w - 18
  const y = item.kind === 'frame' ? screen.y + 6 : screen.y + screen.h - 18
  const color =
    item.kind === 'sticky' ? inkOn(stickyFill(item.color, env.palette.dark)) : env.palette.textMuted
  ctx.globalAlpha = 0.65
  pen.stroke(color)
  pen.fill(color)
  pen.width(1.5)
  ctx.beginPath()
  ctx.arc(x + 6, y + 5, 3, Math.PI, 0)
  ctx.stroke()
  ctx.fillRect(x + 2, y + 5, 8, 7)
  ctx.globalAlpha = 1
}

function voteBadge(
  ctx: DrawContext,
  pen: Pen,
  item: BoardItem,
  badge: VoteBadge,
  env: OverlayEnv,
): void {
  const screen = toScreen(env.camera, item)
  if (screen.w < 12 || badge.count <= 0) return
  const { palette } = env
  const radius = screen.w < 40 ? 4 : 11
  const x = screen.x + screen.w - radius * 0.6
  const y = screen.y + radius * 0.6
  // Results: a filled accent badge. My dots in an open round: a ring, lighter, mine only.
  ctx.beginPath()
  ctx.arc(x, y, radius, 0, Math.PI * 2)
  pen.fill(badge.mine ? palette.frameFill : palette.accent)
  ctx.fill()
  if (badge.mine) {
    pen.stroke(palette.accent)
    pen.width(2)
    ctx.stroke()
  }
  if (radius < 10) return
  pen.fill(badge.mine ? palette.accent : palette.onAccent)
  pen.font(uiFont(env.palette, 12, 700))
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(String(badge.count), x, y + 0.5)
  ctx.textAlign = 'left'
  ctx.textBaseline = 'top'
}

function outline(ctx: DrawContext, pen: Pen, rect: Rect, color: string, width: number, gap = 0) {
  pen.stroke(color)
  pen.width(width)
  ctx.strokeRect(rect.x - gap, rect.y - gap, rect.w + gap * 2, rect.h + gap * 2)
}

/** A connector's line on screen, as drawn (its ends may be moving). */
function screenLine(item: BoardItem, env: OverlayEnv): [Point, Point] | undefined {
  const line = connectorLine(item, env.placement.get)
  if (line === undefined) return undefined
  return [pointToScreen(env.camera, line[0]), pointToScreen(env.camera, line[1])]
}

function lineOutline(ctx: DrawContext, pen: Pen, line: [Point, Point], color: string): void {
  pen.stroke(color)
  pen.fill(color)
  pen.width(2)
  ctx.beginPath()
  ctx.moveTo(line[0].x, line[0].y)
  ctx.lineTo(line[1].x, line[1].y)
  ctx.stroke()
  for (const end of line) {
    ctx.beginPath()
    ctx.arc(end.x, end.y, 4, 0, Math.PI * 2)
    ctx.fill()
  }
}

function itemOutline(
  ctx: DrawContext,
  pen: Pen,
  item: BoardItem,
  color: string,
  env: OverlayEnv,
  width = 1.5,
  gap = 0,
): Rect | undefined {
  if (item.kind === 'connector') {
    const line = screenLine(item, env)
    if (line !== undefined) lineOutline(ctx, pen, line, color)
    return undefined
  }
  const screen = toScreen(env.camera, item)
  if (!onScreen(screen, env.size)) return undefined
  outline(ctx, pen, screen, color, width, gap)
  return screen
}

function handles(ctx: DrawContext, pen: Pen, screen: Rect, palette: BoardPalette): void {
  pen.fill(palette.frameFill)
  pen.stroke(palette.accent)
  pen.width(1.5)
  const half = HANDLE_SIZE / 2
  for (const handle of visibleHandles(screen)) {
    const at = handlePoint(screen, handle)
    ctx.fillRect(at.x - half, at.y - half, HANDLE_SIZE, HANDLE_SIZE)
    ctx.strokeRect(at.x - half, at.y - half, HANDLE_SIZE, HANDLE_SIZE)
  }
}

function selection(ctx: DrawContext, pen: Pen, env: OverlayEnv): void {
  const { interaction, placement, palette } = env
  const ids = interaction.selection
  if (ids.size === 0) return
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  let single: BoardItem | undefined
  for (const id of ids) {
    const item = placement.get(id)
    if (item === undefined) continue
    single = ids.size === 1 ? item : undefined
    itemOutline(ctx, pen, item, palette.accent, env)
    if (item.kind === 'connector') continue
    left = Math.min(left, item.x)
    top = Math.min(top, item.y)
    right = Math.max(right, item.x + item.w)
    bottom = Math.max(bottom, item.y + item.h)
  }
  if (single !== undefined) {
    if (single.kind !== 'connector' && !single.locked && env.canEdit) {
      handles(ctx, pen, toScreen(env.camera, single), palette)
    }
    return
  }
  if (left === Infinity) return
  ctx.setLineDash([4, 3])
  outline(
    ctx,
    pen,
    toScreen(env.camera, { x: left, y: top, w: right - left, h: bottom - top }),
    palette.accent,
    1,
    6,
  )
  ctx.setLineDash([])
}

function gesturePreviews(ctx: DrawContext, pen: Pen, env: OverlayEnv): void {
  const { interaction, camera, palette, placement } = env
  if (interaction.marquee !== undefined) {
    const rect = toScreen(camera, interaction.marquee)
    pen.fill(palette.accentSoft)
    ctx.fillRect(rect.x, rect.y, rect.w, rect.h)
    outline(ctx, pen, rect, palette.accent, 1)
  }
  if (interaction.creating !== undefined) {
    const rect = toScreen(camera, interaction.creating.rect)
    pen.fill(interaction.creating.kind === 'frame' ? palette.frameFill : palette.accentSoft)
    ctx.globalAlpha = 0.7
    ctx.fillRect(rect.x, rect.y, rect.w, rect.h)
    ctx.globalAlpha = 1
    ctx.setLineDash([6, 4])
    outline(ctx, pen, rect, palette.accent, 1.5)
    ctx.setLineDash([])
  }
  const connecting = interaction.connecting
  if (connecting !== undefined) {
    const from = placement.get(connecting.from)
    const target = connecting.target === undefined ? undefined : placement.get(connecting.target)
    if (from === undefined) return
    let line: [Point, Point]
    if (target !== undefined && target.id !== from.id) {
      const ends = connectorEnds(from, target)
      line = [ends.from, ends.to]
      itemOutline(ctx, pen, target, palette.accent, env, 2, 3)
    } else {
      const ends = connectorEnds(from, { ...connecting.to, w: 0, h: 0 })
      line = [ends.from, connecting.to]
    }
    const a = pointToScreen(camera, line[0])
    const b = pointToScreen(camera, line[1])
    pen.stroke(palette.accent)
    pen.fill(palette.accent)
    pen.width(2)
    ctx.setLineDash([6, 4])
    ctx.beginPath()
    ctx.moveTo(a.x, a.y)
    ctx.lineTo(b.x, b.y)
    ctx.stroke()
    ctx.setLineDash([])
    arrowHead(ctx, a, b, 12)
  }
}

function cursorLabel(ctx: DrawContext, pen: Pen, peer: BoardPeer, at: Point, env: OverlayEnv) {
  const { palette } = env
  // The pointer: the classic arrow, in the person's colour with a light edge.
  pen.fill(peer.color)
  pen.stroke('#ffffff')
  pen.width(1.25)
  ctx.beginPath()
  ctx.moveTo(at.x, at.y)
  ctx.lineTo(at.x, at.y + 16)
  ctx.lineTo(at.x + 4.5, at.y + 12)
  ctx.lineTo(at.x + 11, at.y + 12)
  ctx.closePath()
  ctx.fill()
  ctx.stroke()
  const block = env.layout.fit(ctx, peer.name, 160, 20, {
    family: palette.fontFamily,
    sizes: [12],
    weight: 600,
  })
  const label = block.lines[0] ?? ''
  pen.font(block.font)
  const width = (block.widths[0] ?? 0) + 12
  ctx.beginPath()
  ctx.roundRect(at.x + 10, at.y + 16, width, 20, 6)
  pen.fill(peer.color)
  ctx.fill()
  pen.fill(inkOn(peer.color))
  ctx.fillText(label, at.x + 16, at.y + 20)
}

function peerSelections(ctx: DrawContext, pen: Pen, env: OverlayEnv): void {
  for (const peer of env.peers) {
    for (const id of peer.board.selection) {
      const item = env.placement.get(id)
      if (item !== undefined) itemOutline(ctx, pen, item, peer.color, env, 2, 3)
    }
  }
}

function peerCursors(ctx: DrawContext, pen: Pen, env: OverlayEnv): void {
  for (const peer of env.peers) {
    const cursor = peer.board.cursor
    if (cursor === null) continue
    const at = pointToScreen(env.camera, cursor)
    if (!onScreen({ ...at, w: 0, h: 0 }, env.size, 8)) continue
    cursorLabel(ctx, pen, peer, at, env)
  }
}

/**
 * Draws the overlay. `drawn` are the items drawn this frame (as placed); the context's
 * transform maps CSS pixels to device pixels.
 */
export function drawOverlay(
  ctx: DrawContext,
  pen: Pen,
  drawn: readonly BoardItem[],
  env: OverlayEnv,
): void {
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'left'
  if (env.camera.zoom < FRAME_TITLE_LOD) {
    for (const item of drawn) {
      if (item.kind === 'frame') frameLabel(ctx, pen, item, env)
    }
  }
  ctx.textBaseline = 'top'
  for (const item of drawn) {
    if (item.locked && item.kind !== 'connector') lockMark(ctx, pen, item, env)
  }
  if (env.votes.size > 0) {
    for (const item of drawn) {
      const badge = env.votes.get(item.id)
      if (badge !== undefined) voteBadge(ctx, pen, item, badge, env)
    }
  }
  peerSelections(ctx, pen, env)
  if (!env.presenting) {
    const hover = env.interaction.hover
    if (hover !== undefined && !env.interaction.selection.has(hover)) {
      const item = env.placement.get(hover)
      if (item !== undefined) itemOutline(ctx, pen, item, env.palette.accent, env, 1.5)
    }
    selection(ctx, pen, env)
    gesturePreviews(ctx, pen, env)
  }
  peerCursors(ctx, pen, env)
}
