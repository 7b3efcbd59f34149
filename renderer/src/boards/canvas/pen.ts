import type { DrawContext } from './drawContext'

/**
 * Sets fill, stroke, font and line width only when they change. Assigning a style string makes
 * the context parse it, and a frame of a thousand stickies would otherwise parse the same few
 * colours and fonts thousands of times. Call `forget` after `ctx.restore()`.
 */
export type Pen = {
  fill(style: string): void
  stroke(style: string): void
  font(font: string): void
  width(width: number): void
  forget(): void
}

export function createPen(ctx: DrawContext): Pen {
  let fill: string | undefined
  let stroke: string | undefined
  let font: string | undefined
  let width: number | undefined
  return {
    fill(style) {
      if (style === fill) return
      ctx.fillStyle = style
      fill = style
    },
    stroke(style) {
      if (style === stroke) return
      ctx.strokeStyle = style
      stroke = style
    },
    font(next) {
      if (next === font) return
      ctx.font = next
      font = next
    },
    width(next) {
      if (next === width) return
      ctx.lineWidth = next
      width = next
    },
    forget() {
      fill = stroke = font = undefined
      width = undefined
    },
  }
}
