import type * as Y from 'yjs'
import type { BoardActor } from '../../../../shared/model/board/boardDoc'
import { connectorEnds, type Point } from '../../../../shared/model/board/geometry'
import {
  DEFAULT_STICKY_COLOR,
  STICKY_COLORS,
  boundsOf,
  isStickyColor,
  type BoardItem,
  type Rect,
} from '../../../../shared/model/board/items'
import { visibleItems } from '../../../../shared/model/board/visibility'
import { closedRoundCounts } from '../../../../shared/model/board/voting'
import { escapeXml, estimateTextWidth, fitText, ellipsize, type TextMeasure } from './svgText'

/**
 * The whole board as one SVG picture, for the SVG file and (drawn onto a canvas) the PNG.
 * Pure: items in, text out. Nothing is culled — an export is the whole board — so the caller
 * decides what is in it; {@link boardSvg} gives it what the viewer may see (private items of
 * others never reach a file). Always the light look, on white, whatever the theme: a file is
 * printed, mailed and pasted into slides.
 *
 * Items keep their board coordinates; the `viewBox` frames them with a margin.
 */

export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif"

/** Space around the content, in board units. */
export const SVG_MARGIN = 40
// Sizes as the canvas draws them (canvas/drawItems.ts), so a file looks like the board.
const STICKY_PADDING = 14
const STICKY_AUTHOR_SPACE = 20
const STICKY_SIZES = [22, 18, 15, 13, 11]
const AUTHOR_SIZE = 10
const TEXT_PADDING = 4
const TEXT_SIZES = [20, 16, 13, 11]
const FRAME_TITLE_SIZE = 20
const FRAME_PADDING = 16
const ARROW_LENGTH = 12
const ARROW_HALF_WIDTH = 6

const INK = '#1b1c20'
const INK_MUTED = '#5f6069'
const INK_LIGHT = '#ffffff'
const FRAME_FILL = '#f4f4f5'
const FRAME_STROKE = '#d4d4d8'
const CONNECTOR = '#5f6069'
const VOTE_FILL = '#5b5bd6'

export type BoardSvgOptions = {
  /** Dots per item from the last closed voting round, shown as a badge. */
  votes?: ReadonlyMap<string, number>
  /** Text widths; the browser's canvas when exporting, an estimate otherwise. */
  measure?: TextMeasure
  /** Pixels per board unit of the picture's width and height (the viewBox stays in units). */
  pixelScale?: number
  /** The picture's accessible title (the board's title). */
  title?: string
  /** An image's `href` (a data: URL) by file id; without one an image is a labelled box. */
  imageHref?: (fileId: string) => string | undefined
  /** Words in the picture: an image that cannot be shown, a lock's tooltip. */
  labels?: { image: string; locked: string }
}

const DEFAULT_LABELS = { image: 'Image', locked: 'Locked' }

/** What every item's drawing needs. */
type Paint = {
  measure: TextMeasure
  labels: { image: string; locked: string }
  votes: ReadonlyMap<string, number>
  imageHref: ((fileId: string) => string | undefined) | undefined
  byId: ReadonlyMap<string, BoardItem>
}

export type BoardSvg = {
  svg: string
  /** Size of the picture in board units, margin included. */
  width: number
  height: number
}

/** A number for an attribute: at most two decimals, no "-0". */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

function fillOf(color: string | undefined): string {
  const name = color ?? DEFAULT_STICKY_COLOR
  return isStickyColor(name) ? STICKY_COLORS[name] : name
}

/** Dark text on light fills, white on dark ones (imported colours can be anything). */
export function inkOn(fill: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill)
  if (match === null) return INK
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16) / 255) as [number, number, number]
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return luminance < 0.5 ? INK_LIGHT : INK
}

/** The area the picture covers: every item but connectors (drawn between items), and a margin. */
export function svgBounds(items: readonly BoardItem[]): Rect {
  const content = boundsOf(items.filter((item) => item.kind !== 'connector')) ?? {
    x: 0,
    y: 0,
    w: 320,
    h: 200,
  }
  return {
    x: content.x - SVG_MARGIN,
    y: content.y - SVG_MARGIN,
    w: content.w + 2 * SVG_MARGIN,
    h: content.h + 2 * SVG_MARGIN,
  }
}

type Anchor = 'start' | 'middle'

function textLines(
  lines: readonly string[],
  at: { x: number; y: number; fontSize: number; lineHeight: number; anchor: Anchor },
  fill: string,
  extra = '',
): string {
  if (lines.length === 0) return ''
  const spans = lines
    .map((line, i) => {
      const y = at.y + at.fontSize * 0.8 + i * at.lineHeight
      return `<tspan x="${n(at.x)}" y="${n(y)}">${escapeXml(line)}</tspan>`
    })
    .join('')
  const anchor = at.anchor === 'middle' ? ' text-anchor="middle"' : ''
  return `<text font-size="${n(at.fontSize)}" fill="${fill}"${anchor}${extra}>${spans}</text>`
}

/** A small padlock: the item is locked (only the facilitator unlocks it). */
function lockMark(x: number, y: number, color: string, label: string): string {
  return (
    `<g class="lock" transform="translate(${n(x)} ${n(y)})" fill="none" stroke="${color}" ` +
    `stroke-width="1.5" stroke-linecap="round"><title>${escapeXml(label)}</title>` +
    `<rect x="0.75" y="5.75" width="10.5" height="7.5" rx="1.5" fill="${color}" stroke="none"/>` +
    `<path d="M3 5.75V3.75a3 3 0 0 1 6 0v2"/></g>`
  )
}

function voteBadge(x: number, y: number, count: number): string {
  return (
    `<g class="votes"><circle cx="${n(x)}" cy="${n(y)}" r="11" fill="${VOTE_FILL}"/>` +
    `<text x="${n(x)}" y="${n(y + 4)}" font-size="11" font-weight="700" fill="#ffffff" ` +
    `text-anchor="middle">${count}</text></g>`
  )
}

function renderFrame(item: BoardItem, { measure, labels }: Paint): string {
  const stroke = item.color === undefined ? FRAME_STROKE : fillOf(item.color)
  const fill = item.color === undefined ? FRAME_FILL : fillOf(item.color)
  const opacity = item.color === undefined ? '' : ' fill-opacity="0.22"'
  const title = item.text.replace(/\s+/g, ' ').trim()
  const lockSpace = item.locked ? 20 : 0
  const parts = [
    `<g class="frame">`,
    `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.w)}" height="${n(item.h)}" rx="8" ` +
      `fill="${fill}"${opacity} stroke="${stroke}"/>`,
  ]
  if (title !== '') {
    const width = Math.max(item.w - 2 * FRAME_PADDING - lockSpace, 0)
    parts.push(
      textLines(
        [ellipsize(title, width, FRAME_TITLE_SIZE, measure)],
        {
          x: item.x + FRAME_PADDING,
          y: item.y + 14,
          fontSize: FRAME_TITLE_SIZE,
          lineHeight: FRAME_TITLE_SIZE,
          anchor: 'start',
        },
        INK_MUTED,
        ' font-weight="600"',
      ),
    )
  }
  if (item.locked) {
    parts.push(
      lockMark(item.x + item.w - FRAME_PADDING - 12, item.y + 17, INK_MUTED, labels.locked),
    )
  }
  parts.push('</g>')
  return parts.join('')
}

function renderSticky(item: BoardItem, { measure, labels, votes }: Paint): string {
  const fill = fillOf(item.color)
  const ink = inkOn(fill)
  const box = {
    x: item.x + STICKY_PADDING,
    y: item.y + STICKY_PADDING,
    w: item.w - 2 * STICKY_PADDING,
    h: item.h - STICKY_PADDING - STICKY_AUTHOR_SPACE,
  }
  const block = fitText(item.text, box.w, box.h, measure, STICKY_SIZES)
  const parts = [
    `<g class="sticky">`,
    `<rect x="${n(item.x + 1)}" y="${n(item.y + 3)}" width="${n(item.w - 2)}" ` +
      `height="${n(item.h)}" fill="#101018" fill-opacity="0.13"/>`,
    `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.w)}" height="${n(item.h)}" ` +
      `fill="${fill}"/>`,
    textLines(block.lines, { ...box, ...block, anchor: 'start' }, ink),
  ]
  const author = item.author.trim()
  if (author !== '' && item.h > STICKY_AUTHOR_SPACE * 2) {
    const width = box.w - (item.locked ? 18 : 0)
    parts.push(
      textLines(
        [ellipsize(author, width, AUTHOR_SIZE, measure)],
        {
          x: box.x,
          y: item.y + item.h - 8 - AUTHOR_SIZE,
          fontSize: AUTHOR_SIZE,
          lineHeight: AUTHOR_SIZE,
          anchor: 'start',
        },
        ink,
        ' fill-opacity="0.6"',
      ),
    )
  }
  if (item.locked) {
    parts.push(
      lockMark(item.x + item.w - STICKY_PADDING - 12, item.y + item.h - 21, ink, labels.locked),
    )
  }
  const count = votes.get(item.id) ?? 0
  if (count > 0) parts.push(voteBadge(item.x + item.w - 6, item.y + 6, count))
  parts.push('</g>')
  return parts.join('')
}

function renderText(item: BoardItem, { measure, labels }: Paint): string {
  const box = {
    x: item.x + TEXT_PADDING,
    y: item.y + TEXT_PADDING,
    w: item.w - 2 * TEXT_PADDING,
    h: item.h - 2 * TEXT_PADDING,
  }
  const block = fitText(item.text, box.w, box.h, measure, TEXT_SIZES)
  const parts = [
    `<g class="text">`,
    textLines(block.lines, { ...box, ...block, anchor: 'start' }, INK),
  ]
  if (item.locked) {
    parts.push(lockMark(item.x + item.w - 12, item.y + item.h - 14, INK_MUTED, labels.locked))
  }
  parts.push('</g>')
  return parts.join('')
}

function renderImage(item: BoardItem, { measure, labels, imageHref }: Paint): string {
  const href = item.fileId === undefined ? undefined : imageHref?.(item.fileId)
  const box = `x="${n(item.x)}" y="${n(item.y)}" width="${n(item.w)}" height="${n(item.h)}"`
  const parts = [`<g class="image">`]
  if (href !== undefined) {
    parts.push(`<image ${box} href="${escapeXml(href)}" preserveAspectRatio="xMidYMid meet"/>`)
  } else {
    const label = ellipsize(labels.image, item.w - 16, 12, measure)
    parts.push(
      `<rect ${box} rx="4" fill="${FRAME_FILL}" stroke="${FRAME_STROKE}" stroke-dasharray="6 4"/>`,
      textLines(
        [label],
        {
          x: item.x + item.w / 2,
          y: item.y + item.h / 2 - 8,
          fontSize: 12,
          lineHeight: 12,
          anchor: 'middle',
        },
        INK_MUTED,
      ),
    )
  }
  if (item.locked) parts.push(lockMark(item.x + item.w - 18, item.y + 6, INK_MUTED, labels.locked))
  parts.push('</g>')
  return parts.join('')
}

/** A line with an arrowhead at its end, the line stopping where the arrowhead starts. */
function arrow(from: Point, to: Point, color: string): string {
  const length = Math.hypot(to.x - from.x, to.y - from.y)
  if (length < 0.5) return ''
  const ux = (to.x - from.x) / length
  const uy = (to.y - from.y) / length
  const head = Math.min(ARROW_LENGTH, length)
  const base = { x: to.x - ux * head, y: to.y - uy * head }
  const left = { x: base.x - uy * ARROW_HALF_WIDTH, y: base.y + ux * ARROW_HALF_WIDTH }
  const right = { x: base.x + uy * ARROW_HALF_WIDTH, y: base.y - ux * ARROW_HALF_WIDTH }
  return (
    `<line x1="${n(from.x)}" y1="${n(from.y)}" x2="${n(base.x)}" y2="${n(base.y)}" ` +
    `stroke="${color}" stroke-width="2" stroke-linecap="round"/>` +
    `<polygon points="${n(to.x)},${n(to.y)} ${n(left.x)},${n(left.y)} ${n(right.x)},${n(right.y)}" ` +
    `fill="${color}"/>`
  )
}

function renderConnector(item: BoardItem, { measure, byId }: Paint): string {
  const from = item.from === undefined ? undefined : byId.get(item.from)
  const to = item.to === undefined ? undefined : byId.get(item.to)
  if (from === undefined || to === undefined) return ''
  const ends = connectorEnds(from, to, item)
  const color = item.color === undefined ? CONNECTOR : fillOf(item.color)
  const parts = [`<g class="connector">`, arrow(ends.from, ends.to, color)]
  const label = item.text.replace(/\s+/g, ' ').trim()
  if (label !== '') {
    const line = ellipsize(label, 240, 12, measure)
    const width = measure(line, 12) + 12
    const middle = { x: (ends.from.x + ends.to.x) / 2, y: (ends.from.y + ends.to.y) / 2 }
    parts.push(
      `<rect x="${n(middle.x - width / 2)}" y="${n(middle.y - 10)}" width="${n(width)}" ` +
        `height="20" rx="4" fill="#ffffff" stroke="${FRAME_STROKE}"/>`,
      textLines(
        [line],
        { x: middle.x, y: middle.y - 6, fontSize: 12, lineHeight: 12, anchor: 'middle' },
        INK,
      ),
    )
  }
  parts.push('</g>')
  return parts.join('')
}

/**
 * The SVG picture of `items` (taken as given: the caller passes what the viewer may see, in
 * paint order). Frames are drawn first, connectors last, as on the board.
 */
export function renderBoardSvg(
  items: readonly BoardItem[],
  options: BoardSvgOptions = {},
): BoardSvg {
  const paint: Paint = {
    measure: options.measure ?? estimateTextWidth,
    labels: options.labels ?? DEFAULT_LABELS,
    votes: options.votes ?? new Map<string, number>(),
    imageHref: options.imageHref,
    byId: new Map(items.map((item) => [item.id as string, item])),
  }
  const view = svgBounds(items)
  const scale = options.pixelScale ?? 1
  const body = items.map((item) => {
    switch (item.kind) {
      case 'frame':
        return renderFrame(item, paint)
      case 'sticky':
        return renderSticky(item, paint)
      case 'text':
        return renderText(item, paint)
      case 'image':
        return renderImage(item, paint)
      case 'connector':
        return renderConnector(item, paint)
    }
  })
  const title = options.title === undefined ? '' : `<title>${escapeXml(options.title)}</title>`
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" ` +
    `width="${n(view.w * scale)}" height="${n(view.h * scale)}" ` +
    `viewBox="${n(view.x)} ${n(view.y)} ${n(view.w)} ${n(view.h)}" ` +
    `font-family="${FONT_FAMILY}">` +
    title +
    `<rect x="${n(view.x)}" y="${n(view.y)}" width="${n(view.w)}" height="${n(view.h)}" fill="#ffffff"/>` +
    body.join('') +
    `</svg>\n`
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, width: view.w, height: view.h }
}

/** The board as `viewer` may see it (others' private items left out), with vote results. */
export function boardSvg(
  doc: Y.Doc,
  viewer: Pick<BoardActor, 'id'>,
  options: Omit<BoardSvgOptions, 'votes'> = {},
): BoardSvg {
  return renderBoardSvg(visibleItems(doc, viewer), { ...options, votes: closedRoundCounts(doc) })
}
