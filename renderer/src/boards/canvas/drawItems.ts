import type { ItemId } from '../../../../shared/ids'
import type { Point } from '../../../../shared/model/board/geometry'
import type { BoardItem, Rect } from '../../../../shared/model/board/items'
import type { DrawContext } from './drawContext'
import { inkOn, stickyFill, type BoardPalette } from './palette'
import type { Pen } from './pen'
import type { TextLayout, TextStyle } from './textLayout'

/** Below this zoom, text is drawn as grey bars (it would be too small to read). */
export const TEXT_LOD = 0.35
/** Below this zoom, items are plain rectangles: no shadows, no bars, no rounded corners. */
export const DETAIL_LOD = 0.1
/** Below this zoom, a sticky's author is left out (10 units would be under 5 px). */
const AUTHOR_LOD = 0.5

const STICKY_PADDING = 14
const STICKY_AUTHOR_SPACE = 20
const TEXT_PADDING = 4
const AUTHOR_SIZE = 10
/** A frame's title: this size at zoom ≥ ~0.55, never under FRAME_TITLE_MIN_PX on screen. */
const FRAME_TITLE_SIZE = 20
const FRAME_TITLE_MIN_PX = 11
/**
 * Below this zoom a frame's title no longer fits its top band at a readable size: the overlay
 * draws it as a label over the items instead (drawOverlay.ts).
 */
export const FRAME_TITLE_LOD = FRAME_TITLE_MIN_PX / FRAME_TITLE_SIZE

/**
 * The size a frame's title is laid out at, in world units. Below the zoom where 20 units
 * would read smaller than 11 px it grows, in steps of an eighth of an octave of zoom so that
 * zooming does not lay titles out anew every frame.
 */
function frameTitleSize(zoom: number): number {
  if (zoom * FRAME_TITLE_SIZE >= FRAME_TITLE_MIN_PX) return FRAME_TITLE_SIZE
  const stepped = 2 ** (Math.round(Math.log2(zoom) * 8) / 8)
  return FRAME_TITLE_MIN_PX / stepped
}

type ItemStyles = {
  readonly family: string
  readonly sticky: TextStyle
  readonly text: TextStyle
  readonly titles: Map<number, TextStyle>
}
let styles: ItemStyles | undefined

/** The text styles of items, made once per font family (text layouts are keyed by them). */
function stylesOf(family: string): ItemStyles {
  if (styles?.family !== family) {
    styles = {
      family,
      sticky: { family, sizes: [20, 17, 14, 12, 10] },
      text: { family, sizes: [20, 16, 13, 11] },
      titles: new Map(),
    }
  }
  return styles
}

function titleStyle(family: string, size: number): TextStyle {
  const { titles } = stylesOf(family)
  let style = titles.get(size)
  if (style === undefined) {
    if (titles.size > 64) titles.clear()
    titles.set(size, (style = { family, sizes: [size], weight: 600 }))
  }
  return style
}

/**
 * Where an item's text goes and at which sizes (world units): shared by the painter and the
 * in-place editor, so the editor's text sits where the canvas draws it.
 */
export function textBox(
  item: Pick<BoardItem, 'kind' | 'x' | 'y' | 'w' | 'h'>,
  family: string,
  zoom: number,
): (Rect & { style: TextStyle; singleLine: boolean }) | undefined {
  switch (item.kind) {
    case 'sticky':
      return {
        x: item.x + STICKY_PADDING,
        y: item.y + STICKY_PADDING,
        w: Math.max(1, item.w - STICKY_PADDING * 2),
        h: Math.max(1, item.h - STICKY_PADDING - STICKY_AUTHOR_SPACE),
        style: stylesOf(family).sticky,
        singleLine: false,
      }
    case 'text':
      return {
        x: item.x + TEXT_PADDING,
        y: item.y + TEXT_PADDING,
        w: Math.max(1, item.w - TEXT_PADDING * 2),
        h: Math.max(1, item.h - TEXT_PADDING * 2),
        style: stylesOf(family).text,
        singleLine: false,
      }
    case 'frame': {
      // The title sits in the frame's top band, where a press selects the frame.
      const size = frameTitleSize(zoom)
      const padX = Math.max(16, 8 / zoom)
      return {
        x: item.x + padX,
        y: item.y + Math.max(14, 6 / zoom),
        w: Math.max(1, item.w - padX * 2),
        h: Math.round(size * 1.3),
        style: titleStyle(family, size),
        singleLine: true,
      }
    }
    case 'connector':
    case 'image':
      return undefined
  }
}

export type ItemEnv = {
  readonly zoom: number
  readonly palette: BoardPalette
  readonly layout: TextLayout
  /** The item being edited in place: its text is the editor's, not drawn here. */
  readonly editing: ItemId | undefined
  readonly imageLabel: string
  /**
   * The decoded picture of an image's file, or undefined while it decodes or its bytes are
   * missing (a placeholder is drawn). Asking starts the decoding (canvas/imageCache.ts).
   */
  readonly picture: (fileId: string) => ImageBitmap | undefined
  /**
   * Texts not laid out before that may still be laid out this frame. Zooming in on a full
   * board brings hundreds of new texts at once: the rest show as bars for a frame or two
   * (`deferred` counts them, and the painter asks for another frame).
   */
  readonly budget: { left: number; deferred: number }
  /** Counts images drawn as their picture (not as a placeholder) this frame. */
  readonly pictures: { drawn: number }
}

/** Grey bars standing in for text too small to read: one per ~20 characters, three at most. */
function textBars(ctx: DrawContext, box: Rect, length: number): void {
  const bars = Math.min(3, Math.ceil(length / 20))
  const height = Math.min(10, box.h / 4)
  for (let i = 0; i < bars; i++) {
    const last = i === bars - 1
    const share = last ? 0.35 + ((length * 7) % 50) / 100 : 0.92
    if (box.y + i * height * 2 + height > box.y + box.h) break
    ctx.fillRect(box.x, box.y + i * height * 2, box.w * share, height)
  }
}

function drawTextBlock(
  ctx: DrawContext,
  pen: Pen,
  item: BoardItem,
  env: ItemEnv,
  ink: string,
): void {
  const box = textBox(item, env.palette.fontFamily, env.zoom)
  if (box === undefined || item.text === '' || env.editing === item.id) return
  if (env.zoom < DETAIL_LOD) return
  let block = env.zoom < TEXT_LOD ? undefined : env.layout.peek(item.text, box.w, box.h, box.style)
  if (block === undefined && env.zoom >= TEXT_LOD) {
    if (env.budget.left > 0) {
      env.budget.left--
      block = env.layout.fit(ctx, item.text, box.w, box.h, box.style)
    } else env.budget.deferred++
  }
  if (block === undefined) {
    ctx.globalAlpha = 0.22
    pen.fill(ink)
    textBars(ctx, box, item.text.length)
    ctx.globalAlpha = 1
    return
  }
  pen.font(block.font)
  pen.fill(ink)
  for (let i = 0; i < block.lines.length; i++) {
    ctx.fillText(block.lines[i] as string, box.x, box.y + (i + 0.5) * block.lineHeight)
  }
}

function drawSticky(ctx: DrawContext, pen: Pen, item: BoardItem, env: ItemEnv): void {
  const { zoom, palette } = env
  const fill = stickyFill(item.color, palette.dark)
  if (zoom >= DETAIL_LOD) {
    // A soft edge below, cheaper than shadowBlur by far.
    pen.fill(palette.shadow)
    ctx.fillRect(item.x + 1, item.y + 3, item.w - 2, item.h)
  }
  pen.fill(fill)
  ctx.fillRect(item.x, item.y, item.w, item.h)
  const ink = inkOn(fill)
  drawTextBlock(ctx, pen, item, env, ink)
  if (zoom >= AUTHOR_LOD && item.author !== '' && item.h > STICKY_AUTHOR_SPACE * 2) {
    const block = env.layout.fit(ctx, item.author, item.w - STICKY_PADDING * 2, AUTHOR_SIZE * 2, {
      family: palette.fontFamily,
      sizes: [AUTHOR_SIZE],
    })
    pen.font(block.font)
    pen.fill(ink)
    ctx.globalAlpha = 0.6
    const y = item.y + item.h - 8 - block.lineHeight / 2
    ctx.fillText(block.lines[0] ?? '', item.x + STICKY_PADDING, y)
    ctx.globalAlpha = 1
  }
}

function drawFrame(ctx: DrawContext, pen: Pen, item: BoardItem, env: ItemEnv): void {
  const { zoom, palette } = env
  pen.fill(palette.frameFill)
  pen.stroke(palette.frameBorder)
  pen.width(1 / zoom)
  if (zoom < DETAIL_LOD) {
    ctx.fillRect(item.x, item.y, item.w, item.h)
    ctx.strokeRect(item.x, item.y, item.w, item.h)
    return
  }
  ctx.beginPath()
  ctx.roundRect(item.x, item.y, item.w, item.h, 8)
  ctx.fill()
  ctx.stroke()
  if (item.text === '' || env.editing === item.id || zoom < FRAME_TITLE_LOD) return
  const box = textBox(item, palette.fontFamily, zoom)
  if (box === undefined || box.w * zoom < 24) return
  const block = env.layout.fit(ctx, item.text, box.w, box.h, box.style)
  pen.font(block.font)
  pen.fill(palette.frameTitle)
  ctx.fillText(block.lines[0] ?? '', box.x, box.y + block.lineHeight / 2)
}

function drawTextItem(ctx: DrawContext, pen: Pen, item: BoardItem, env: ItemEnv): void {
  if (item.text === '' && env.editing !== item.id && env.zoom >= DETAIL_LOD) {
    // An empty text item would be invisible: a faint outline says where it is.
    pen.stroke(env.palette.textFaint)
    pen.width(1 / env.zoom)
    ctx.setLineDash([4 / env.zoom, 4 / env.zoom])
    ctx.strokeRect(item.x, item.y, item.w, item.h)
    ctx.setLineDash([])
    return
  }
  drawTextBlock(ctx, pen, item, env, env.palette.text)
}

/** The picture, as large as fits the item, centred (the export does the same). */
function drawPicture(ctx: DrawContext, item: BoardItem, picture: ImageBitmap): void {
  const scale = Math.min(item.w / picture.width, item.h / picture.height)
  const w = picture.width * scale
  const h = picture.height * scale
  ctx.drawImage(picture, item.x + (item.w - w) / 2, item.y + (item.h - h) / 2, w, h)
}

function drawImage(ctx: DrawContext, pen: Pen, item: BoardItem, env: ItemEnv): void {
  const { zoom, palette } = env
  // Far out an image is a plain rectangle, like every other item: no picture is decoded.
  const picture =
    zoom >= DETAIL_LOD && item.fileId !== undefined ? env.picture(item.fileId) : undefined
  if (picture !== undefined && picture.width > 0 && picture.height > 0) {
    drawPicture(ctx, item, picture)
    env.pictures.drawn++
    return
  }
  pen.fill(palette.placeholderFill)
  ctx.fillRect(item.x, item.y, item.w, item.h)
  pen.stroke(palette.placeholderBorder)
  pen.width(1 / zoom)
  ctx.strokeRect(item.x, item.y, item.w, item.h)
  if (zoom < DETAIL_LOD) return
  // A picture glyph: a sun and a hill, in the middle.
  const size = Math.min(48, item.w / 3, item.h / 3)
  const cx = item.x + item.w / 2
  const cy = item.y + item.h / 2 - (zoom >= TEXT_LOD ? size / 2 : 0)
  pen.fill(palette.textFaint)
  ctx.beginPath()
  ctx.arc(cx + size * 0.25, cy - size * 0.2, size * 0.12, 0, Math.PI * 2)
  ctx.fill()
  ctx.beginPath()
  ctx.moveTo(cx - size / 2, cy + size * 0.3)
  ctx.lineTo(cx - size * 0.1, cy - size * 0.1)
  ctx.lineTo(cx + size * 0.15, cy + size * 0.12)
  ctx.lineTo(cx + size * 0.3, cy)
  ctx.lineTo(cx + size / 2, cy + size * 0.3)
  ctx.closePath()
  ctx.fill()
  if (zoom < TEXT_LOD) return
  const label = item.alt ?? env.imageLabel
  const width = item.w - 24
  const block = env.layout.fit(ctx, label, width, item.h / 2 - 12, {
    family: palette.fontFamily,
    sizes: [14, 12],
  })
  pen.font(block.font)
  pen.fill(palette.textMuted)
  ctx.textAlign = 'center'
  for (let i = 0; i < block.lines.length; i++) {
    const y = cy + size * 0.5 + 8 + (i + 0.5) * block.lineHeight
    ctx.fillText(block.lines[i] as string, cx, y)
  }
  ctx.textAlign = 'left'
}

/** An arrowhead at `tip`, pointing away from `from`. */
export function arrowHead(ctx: DrawContext, from: Point, tip: Point, size: number): void {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x)
  ctx.beginPath()
  ctx.moveTo(tip.x, tip.y)
  ctx.lineTo(tip.x - size * Math.cos(angle - 0.45), tip.y - size * Math.sin(angle - 0.45))
  ctx.lineTo(tip.x - size * Math.cos(angle + 0.45), tip.y - size * Math.sin(angle + 0.45))
  ctx.closePath()
  ctx.fill()
}

export function drawConnector(
  ctx: DrawContext,
  pen: Pen,
  item: BoardItem,
  line: readonly [Point, Point],
  env: ItemEnv,
  color: string = env.palette.connector,
): void {
  const { zoom, palette } = env
  const [a, b] = line
  pen.stroke(color)
  pen.fill(color)
  pen.width(Math.max(2, 1.25 / zoom))
  ctx.beginPath()
  ctx.moveTo(a.x, a.y)
  ctx.lineTo(b.x, b.y)
  ctx.stroke()
  if (zoom >= DETAIL_LOD) arrowHead(ctx, a, b, Math.max(12, 6 / zoom))
  if (item.text === '' || zoom < TEXT_LOD) return
  const block = env.layout.fit(ctx, item.text, 200, 40, { family: palette.fontFamily, sizes: [13] })
  const label = block.lines[0] ?? ''
  pen.font(block.font)
  const width = (block.widths[0] ?? 0) + 12
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
  pen.fill(palette.board)
  ctx.fillRect(mid.x - width / 2, mid.y - 10, width, 20)
  pen.fill(palette.textMuted)
  ctx.textAlign = 'center'
  ctx.fillText(label, mid.x, mid.y)
  ctx.textAlign = 'left'
}

/**
 * Draws one item (not a connector) in world units: the context's transform is the camera's,
 * text is drawn with `textBaseline = 'middle'` (lines centred in their line height, as CSS
 * lays out the editor's lines).
 */
export function drawItem(ctx: DrawContext, pen: Pen, item: BoardItem, env: ItemEnv): void {
  switch (item.kind) {
    case 'sticky':
      return drawSticky(ctx, pen, item, env)
    case 'frame':
      return drawFrame(ctx, pen, item, env)
    case 'text':
      return drawTextItem(ctx, pen, item, env)
    case 'image':
      return drawImage(ctx, pen, item, env)
    case 'connector':
      return
  }
}
