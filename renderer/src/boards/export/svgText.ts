/**
 * Text for the board's SVG export: escaping, and laying text out in a box. SVG has no text
 * wrapping of its own, so lines are broken here with a width measure — the browser's canvas
 * `measureText` when exporting, an estimate in tests (and wherever no canvas exists).
 */

/** Width of `text` at `fontSize` px in the export's sans-serif font. */
export type TextMeasure = (text: string, fontSize: number) => number

// Characters XML 1.0 does not allow at all (a file holding one fails to parse, and the PNG
// made from it with it): C0 controls other than tab and line breaks, lone surrogates, U+FFFE/F.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const NARROW = new Set([...'iljtfr.,:;!|\'"()[]{} '])
const WIDE = new Set([...'mwMWÆæŒœ@%'])

/**
 * A width estimate for system sans-serif fonts (about half an em per character, narrower and
 * wider letters apart); within ~10% for Latin text, good enough to wrap where no canvas is.
 */
export const estimateTextWidth: TextMeasure = (text, fontSize) => {
  let ems = 0
  for (const char of text) {
    if (NARROW.has(char)) ems += 0.3
    else if (WIDE.has(char)) ems += 0.85
    else if (char >= 'A' && char <= 'Z') ems += 0.65
    else ems += 0.55
  }
  return ems * fontSize
}

/** Breaks one word that is wider than the line into pieces that fit. */
function breakWord(word: string, maxWidth: number, fontSize: number, measure: TextMeasure) {
  const pieces: string[] = []
  let piece = ''
  for (const char of word) {
    if (piece !== '' && measure(piece + char, fontSize) > maxWidth) {
      pieces.push(piece)
      piece = ''
    }
    piece += char
  }
  if (piece !== '') pieces.push(piece)
  return pieces
}

/**
 * Lines of `text` no wider than `maxWidth`: line breaks kept, words moved to the next line
 * whole, a word longer than a line broken where it must be.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  measure: TextMeasure = estimateTextWidth,
): string[] {
  const lines: string[] = []
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = paragraph.split(/[ \t]+/).filter((word) => word !== '')
    if (words.length === 0) {
      lines.push('')
      continue
    }
    let line = ''
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`
      if (measure(candidate, fontSize) <= maxWidth) {
        line = candidate
        continue
      }
      if (line !== '') lines.push(line)
      if (measure(word, fontSize) <= maxWidth) {
        line = word
        continue
      }
      const pieces = breakWord(word, maxWidth, fontSize, measure)
      line = pieces.pop() ?? ''
      lines.push(...pieces)
    }
    lines.push(line)
  }
  return lines
}

/** Shortens `line` with an ellipsis until it fits `maxWidth`. */
export function ellipsize(
  line: string,
  maxWidth: number,
  fontSize: number,
  measure: TextMeasure = estimateTextWidth,
): string {
  if (measure(line, fontSize) <= maxWidth) return line
  const chars = [...line]
  while (chars.length > 0 && measure(`${chars.join('').trimEnd()}…`, fontSize) > maxWidth) {
    chars.pop()
  }
  return `${chars.join('').trimEnd()}…`
}

export type TextBlock = { lines: string[]; fontSize: number; lineHeight: number }

/** Font sizes tried, largest first, until the text fits its box. */
export const FONT_SIZES = [16, 14, 12, 11, 10] as const
export const LINE_HEIGHT = 1.3

/**
 * The text of an item laid out in a `width` × `height` box: the largest of
 * {@link FONT_SIZES} at which every line fits; at the smallest, the lines that do not fit are
 * cut and the last one kept ends with an ellipsis. Blank lines at either end are dropped.
 */
export function fitText(
  text: string,
  width: number,
  height: number,
  measure: TextMeasure = estimateTextWidth,
  sizes: readonly number[] = FONT_SIZES,
): TextBlock {
  const trimmed = text.trim()
  let block: TextBlock = { lines: [], fontSize: sizes[0] ?? 16, lineHeight: 0 }
  if (trimmed === '' || width <= 0) return block
  for (const fontSize of sizes) {
    const lineHeight = fontSize * LINE_HEIGHT
    const lines = wrapText(trimmed, width, fontSize, measure)
    block = { lines, fontSize, lineHeight }
    if (lines.length * lineHeight <= height) return block
  }
  const fitting = Math.max(1, Math.floor(height / block.lineHeight))
  if (block.lines.length <= fitting) return block
  const kept = block.lines.slice(0, fitting)
  const last = kept.length - 1
  kept[last] = ellipsize(`${kept[last] ?? ''}…`, width, block.fontSize, measure)
  return { ...block, lines: kept }
}
