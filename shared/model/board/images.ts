import type { Point } from './geometry'
import { MIN_SIZE, type Rect } from './items'

/**
 * Images on a board. The bytes live in the board document's own `files` map, exactly as a
 * note's images live in its body document: use shared/model/noteFiles.ts on the board's Y.Doc
 * (`addNoteFile`, `getNoteFile`, `checkNoteFile`: content-addressed ids, 5 MB, PNG / JPEG /
 * GIF / WebP only). An `image` item names its file by `fileId` and says what it shows in
 * `alt`; the same picture added twice is stored once. Files stay when their item is deleted
 * (undo may bring the item back).
 *
 * What is here: the size a new image item gets, and where several dropped at once go.
 */

/** The longest side of a new image item, in board units (about three stickies). */
export const MAX_IMAGE_SIDE = 480

/** Room between images added together, in board units. */
export const IMAGE_GAP = 24

/**
 * The size of a new image item showing a picture of `natural` pixels: the picture's shape,
 * its longest side at most {@link MAX_IMAGE_SIDE} (a small picture keeps its own size), no
 * side under the board's minimum.
 */
export function imageItemSize(natural: { width: number; height: number }): {
  w: number
  h: number
} {
  const width = Number.isFinite(natural.width) && natural.width > 0 ? natural.width : MAX_IMAGE_SIDE
  const height =
    Number.isFinite(natural.height) && natural.height > 0 ? natural.height : MAX_IMAGE_SIDE
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(width, height))
  return {
    w: Math.max(MIN_SIZE, Math.round(width * scale)),
    h: Math.max(MIN_SIZE, Math.round(height * scale)),
  }
}

/**
 * Where images added together go: side by side, left to right, the row centred on `centre`
 * (the pointer, or the middle of the view), their middles on one line.
 */
export function imageRow(sizes: readonly { w: number; h: number }[], centre: Point): Rect[] {
  const total = sizes.reduce((sum, size) => sum + size.w, 0) + IMAGE_GAP * (sizes.length - 1)
  let x = centre.x - total / 2
  return sizes.map(({ w, h }) => {
    const rect = { x: Math.round(x), y: Math.round(centre.y - h / 2), w, h }
    x += w + IMAGE_GAP
    return rect
  })
}

/** An image's alt text from its file name: the name without its extension. */
export function altFromFileName(name: string): string {
  return name
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 200)
}
