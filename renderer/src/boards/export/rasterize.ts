import { FONT_FAMILY } from './boardSvg'
import type { TextMeasure } from './svgText'

/** Text widths from the browser's own font metrics, so the SVG's lines break as they render. */
export function canvasTextMeasure(): TextMeasure | undefined {
  const context = document.createElement('canvas').getContext('2d')
  if (context === null) return undefined
  const widths = new Map<string, number>()
  return (text, fontSize) => {
    const key = `${fontSize}\u0000${text}`
    let width = widths.get(key)
    if (width === undefined) {
      context.font = `${fontSize}px ${FONT_FAMILY}`
      width = context.measureText(text).width
      widths.set(key, width)
    }
    return width
  }
}

/** Why a PNG could not be made. */
export class RasterError extends Error {
  constructor(readonly reason: 'no-canvas' | 'unreadable' | 'too-large') {
    super(`The PNG could not be made (${reason}).`)
    this.name = 'RasterError'
  }
}

/**
 * Draws an SVG (whose width and height are already in output pixels) onto a white canvas and
 * encodes it as PNG. The SVG goes in through a Blob URL as an image, so nothing in it can run.
 */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode().catch(() => {
      throw new RasterError('unreadable')
    })
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(width))
    canvas.height = Math.max(1, Math.round(height))
    const context = canvas.getContext('2d')
    // A canvas larger than the browser allows has no context.
    if (context === null) throw new RasterError('no-canvas')
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => {
        if (blob === null) reject(new RasterError('too-large'))
        else resolve(blob)
      }, 'image/png')
    })
  } finally {
    URL.revokeObjectURL(url)
  }
}
