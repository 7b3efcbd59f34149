import { exportJsonCanvas, serializeJsonCanvas } from '../../../../shared/model/board/jsonCanvas'
import { visibleItems } from '../../../../shared/model/board/visibility'
import { closedRoundCounts } from '../../../../shared/model/board/voting'
import { downloadBlob } from '../../transfer/download'
import type { BoardRuntime } from '../boardRuntime'
import { BOARD_FILE_TYPES, boardFileName, pngScale, type BoardFileType } from './boardFiles'
import { renderBoardSvg, svgBounds } from './boardSvg'
import { boardImageHrefs } from './imageHrefs'
import { canvasTextMeasure, svgToPng } from './rasterize'

export type ExportWords = {
  /** The board's title, for the file name and the picture's title. */
  title: string
  /** The file name stem of a board without a title. */
  untitled: string
  labels: { image: string; locked: string }
}

/** The file's bytes: what I may see of the board (others' private items left out). */
async function boardBlob(
  runtime: BoardRuntime,
  type: BoardFileType,
  words: ExportWords,
): Promise<Blob> {
  const { mime } = BOARD_FILE_TYPES[type]
  if (type === 'canvas') {
    return new Blob([serializeJsonCanvas(exportJsonCanvas(runtime.doc, runtime.actor))], {
      type: mime,
    })
  }
  const items = visibleItems(runtime.doc, runtime.actor)
  const bounds = svgBounds(items)
  const scale = type === 'png' ? pngScale(bounds.w, bounds.h) : 1
  const { svg, width, height } = renderBoardSvg(items, {
    votes: closedRoundCounts(runtime.doc),
    measure: canvasTextMeasure(),
    pixelScale: scale,
    title: words.title,
    labels: words.labels,
    imageHref: boardImageHrefs(runtime.doc),
  })
  if (type === 'svg') return new Blob([svg], { type: mime })
  return svgToPng(svg, width * scale, height * scale)
}

/** The file name an export of this board gets. */
export function exportFileName(type: BoardFileType, words: ExportWords): string {
  return boardFileName(words.title, type, words.untitled)
}

/** Makes the file and hands it to the browser's download. */
export async function downloadBoard(
  runtime: BoardRuntime,
  type: BoardFileType,
  words: ExportWords,
): Promise<void> {
  const blob = await boardBlob(runtime, type, words)
  downloadBlob(blob, exportFileName(type, words))
}
