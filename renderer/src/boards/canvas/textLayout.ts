import type { DrawContext } from './drawContext'

/** Text laid out in a box: the lines to draw, at which size, and whether some was cut off. */
export type TextBlock = {
  readonly lines: readonly string[]
  /** Each line's measured width. */
  readonly widths: readonly number[]
  readonly fontSize: number
  readonly lineHeight: number
  readonly font: string
  /** The text did not fit: the last line ends in an ellipsis. */
  readonly clipped: boolean
}

export type TextStyle = {
  readonly family: string
  /** Sizes to try, largest first: the first at which the text fits is used. */
  readonly sizes: readonly number[]
  readonly weight?: number
  /** Line height as a multiple of the size. */
  readonly leading?: number
}

export function fontOf(size: number, family: string, weight = 400): string {
  return `${weight} ${size}px ${family}`
}

/**
 * Lines of `text` no wider than `width` as `measure` sees them: paragraphs kept, words wrapped
 * greedily, a word longer than a line broken between characters. Stops after `maxLines + 1`
 * lines (enough to know the text does not fit).
 */
export function wrapText(
  text: string,
  width: number,
  measure: (text: string) => number,
  maxLines = Infinity,
  /** Called when a word had to be broken between characters. */
  onBreak?: () => void,
): string[] {
  const lines: string[] = []
  const push = (line: string): boolean => {
    lines.push(line)
    return lines.length > maxLines
  }
  for (const paragraph of text.split('\n')) {
    let line = ''
    // Spaces are kept as typed (the editor shows them so: `white-space: pre-wrap`).
    let started = false
    for (const word of paragraph.split(' ')) {
      const candidate = started ? `${line} ${word}` : word
      started = true
      if (measure(candidate) <= width) {
        line = candidate
        continue
      }
      if (line !== '' && push(line)) return lines
      line = ''
      if (measure(word) <= width) {
        line = word
        continue
      }
      // A word wider than the line: as many characters per line as fit (at least one).
      onBreak?.()
      let rest = word
      while (rest !== '') {
        let take = 1
        while (take < rest.length && measure(rest.slice(0, take + 1)) <= width) take++
        const piece = rest.slice(0, take)
        rest = rest.slice(take)
        if (rest === '') line = piece
        else if (push(piece)) return lines
      }
    }
    if (push(line)) return lines
  }
  return lines
}

function ellipsize(line: string, width: number, measure: (text: string) => number): string {
  let cut = line.trimEnd()
  while (cut !== '' && measure(`${cut}…`) > width) cut = cut.slice(0, -1).trimEnd()
  return `${cut}…`
}

/**
 * Lays out text in boxes, remembering each result (keyed by text, box and font), so a frame
 * of a few hundred stickies measures nothing it measured before. `ctx.measureText` runs only
 * for text not seen yet.
 */
export type TextLayout = {
  fit(ctx: DrawContext, text: string, width: number, height: number, style: TextStyle): TextBlock
  /** The layout if it was made before; never measures. */
  peek(text: string, width: number, height: number, style: TextStyle): TextBlock | undefined
  /** How many layouts are remembered (for tests). */
  readonly size: number
  clear(): void
}

/** Beyond this many layouts the cache starts over (a long session panning a huge board). */
const MAX_ENTRIES = 20_000

export function createTextLayout(): TextLayout {
  const cache = new Map<string, TextBlock>()
  // A style's part of the key: a short id per distinct style, remembered per style object so
  // the painter's shared styles are not serialised for every item of every frame.
  const styleIds = new Map<string, number>()
  const styleKeys = new WeakMap<TextStyle, number>()
  const styleKey = (style: TextStyle): number => {
    let id = styleKeys.get(style)
    if (id === undefined) {
      const full = `${style.family}|${style.sizes.join(',')}|${style.weight ?? 400}|${style.leading ?? 1.3}`
      id = styleIds.get(full)
      if (id === undefined) styleIds.set(full, (id = styleIds.size))
      styleKeys.set(style, id)
    }
    return id
  }
  const keyOf = (text: string, width: number, height: number, style: TextStyle): string =>
    `${styleKey(style)}|${width}|${height}|${text}`
  return {
    peek: (text, width, height, style) => cache.get(keyOf(text, width, height, style)),
    fit(ctx, text, width, height, style) {
      const weight = style.weight ?? 400
      const key = keyOf(text, width, height, style)
      const cached = cache.get(key)
      if (cached !== undefined) return cached
      const leading = style.leading ?? 1.3
      // Measuring sets the font; callers tracking the font they set (pen.ts) get theirs back.
      const previousFont = ctx.font
      let block: TextBlock | undefined
      // The largest size at which the text fits with every word whole ("Hjørnebeskyttere", not
      // "Hjørnebeskyt/tere"); failing that, the largest at which it fits at all; failing that,
      // the smallest, cut with an ellipsis.
      for (const wholeWords of [true, false]) {
        for (let i = 0; i < style.sizes.length && block === undefined; i++) {
          const size = style.sizes[i] as number
          const font = fontOf(size, style.family, weight)
          ctx.font = font
          const lineHeight = Math.round(size * leading)
          const maxLines = Math.max(1, Math.floor(height / lineHeight))
          const measure = (s: string): number => ctx.measureText(s).width
          let broken = false
          const lines = wrapText(text, width, measure, maxLines, () => (broken = true))
          const last = i === style.sizes.length - 1
          if (lines.length <= maxLines && !(wholeWords && broken)) {
            block = {
              lines,
              widths: lines.map(measure),
              fontSize: size,
              lineHeight,
              font,
              clipped: false,
            }
          } else if (last && !wholeWords) {
            const kept = lines.slice(0, maxLines)
            kept[maxLines - 1] = ellipsize(kept[maxLines - 1] ?? '', width, measure)
            const widths = kept.map(measure)
            block = { lines: kept, widths, fontSize: size, lineHeight, font, clipped: true }
          }
        }
      }
      ctx.font = previousFont
      const result = block ?? {
        lines: [],
        widths: [],
        fontSize: 0,
        lineHeight: 0,
        font: '',
        clipped: false,
      }
      if (cache.size >= MAX_ENTRIES) cache.clear()
      cache.set(key, result)
      return result
    },
    get size() {
      return cache.size
    },
    clear: () => cache.clear(),
  }
}
