import { boundsOf, type Rect } from '../../../../shared/model/board/items'
import { parseJsonCanvas, type JsonCanvas } from '../../../../shared/model/board/jsonCanvas'
import { safeFileStem } from '../../../../shared/model/markdown/fileNames'

/**
 * The plain decisions behind the board menu's files: what an export is called, how large the
 * PNG may be, what an import would bring in and where it goes. No DOM, so tests run in Node.
 */

export const BOARD_FILE_TYPES = {
  png: { extension: 'png', mime: 'image/png' },
  svg: { extension: 'svg', mime: 'image/svg+xml' },
  canvas: { extension: 'canvas', mime: 'application/json' },
} as const
export type BoardFileType = keyof typeof BOARD_FILE_TYPES

/**
 * A file name from the board's title, safe on every system (`Retro uke 12.png`); `fallback`
 * (the word for "board") when the title is blank.
 */
export function boardFileName(title: string, type: BoardFileType, fallback: string): string {
  const stem = safeFileStem(title.trim() === '' ? fallback : title)
  return `${stem}.${BOARD_FILE_TYPES[type].extension}`
}

/** Pixels per board unit wanted in a PNG: sharp on high-density screens and in print. */
export const PNG_SCALE = 2
/** Longest side of the PNG in pixels (browsers refuse larger canvases). */
export const PNG_MAX_SIDE = 16_384
/** Most pixels in the PNG (a canvas this large already takes ~160 MB of memory). */
export const PNG_MAX_PIXELS = 40_000_000

/**
 * Pixels per board unit for a picture `width` × `height` board units: {@link PNG_SCALE},
 * or less so that the canvas stays within what browsers draw.
 */
export function pngScale(width: number, height: number): number {
  if (width <= 0 || height <= 0) return PNG_SCALE
  return Math.min(
    PNG_SCALE,
    PNG_MAX_SIDE / Math.max(width, height),
    Math.sqrt(PNG_MAX_PIXELS / (width * height)),
  )
}

/** Largest `.canvas` file the import reads (a 20,000-node canvas is a few megabytes). */
export const MAX_CANVAS_FILE_BYTES = 20 * 1024 * 1024

export type CanvasPreview =
  | {
      ok: true
      /** Text, file and link nodes: what becomes stickies, text items and images. */
      cards: number
      /** Group nodes: what becomes frames. */
      groups: number
      edges: number
      /** Where the nodes lie in the file's own coordinates; undefined when there are none. */
      bounds: Rect | undefined
    }
  | { ok: false; error: string }

/** What importing a `.canvas` file's text would bring in, or why it cannot be imported. */
export function previewCanvas(text: string): CanvasPreview {
  const parsed = parseJsonCanvas(text)
  if (!parsed.ok) return parsed
  return { ok: true, ...countCanvas(parsed.canvas) }
}

function countCanvas(canvas: JsonCanvas): Omit<CanvasPreview & { ok: true }, 'ok'> {
  const nodes = canvas.nodes ?? []
  const groups = nodes.filter((node) => node.type === 'group').length
  return {
    cards: nodes.length - groups,
    groups,
    edges: (canvas.edges ?? []).length,
    bounds: boundsOf(
      nodes.map((node) => ({ x: node.x, y: node.y, w: node.width, h: node.height })),
    ),
  }
}

/** Space left between the board's content and what is imported beside it. */
export const IMPORT_GAP = 160

/**
 * How far to shift an import so it lands to the right of what is on the board, tops aligned;
 * on an empty board it keeps the file's own coordinates.
 */
export function importOffset(
  board: Rect | undefined,
  imported: Rect | undefined,
): { x: number; y: number } {
  if (board === undefined || imported === undefined) return { x: 0, y: 0 }
  return {
    x: Math.round(board.x + board.w + IMPORT_GAP - imported.x),
    y: Math.round(board.y - imported.y),
  }
}
