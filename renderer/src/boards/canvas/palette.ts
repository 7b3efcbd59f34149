import { isStickyColor, STICKY_COLORS } from '../../../../shared/model/board/items'

/**
 * The colours the canvas paints with, read from the design tokens (tokens.css) so the board
 * follows the theme like the rest of the app. Sticky fills are the document's colour names
 * resolved per theme: the palette's pastel in light, a deeper shade of it in dark.
 */
export type BoardPalette = {
  readonly dark: boolean
  readonly board: string
  readonly grid: string
  readonly frameFill: string
  readonly frameBorder: string
  readonly frameTitle: string
  readonly text: string
  readonly textMuted: string
  readonly textFaint: string
  readonly accent: string
  readonly accentSoft: string
  readonly onAccent: string
  readonly connector: string
  readonly shadow: string
  readonly placeholderFill: string
  readonly placeholderBorder: string
  readonly fontFamily: string
}

type Tokens = (name: string) => string

/** The palette of the theme whose token values `read` returns (`getPropertyValue`). */
export function readPalette(read: Tokens, dark: boolean): BoardPalette {
  const token = (name: string, fallback: string): string => read(name).trim() || fallback
  return {
    dark,
    board: token('--bg-sidebar', dark ? '#131417' : '#f7f7f8'),
    grid: dark ? 'rgb(255 255 255 / 0.09)' : 'rgb(20 20 40 / 0.13)',
    frameFill: token('--bg', dark ? '#18191d' : '#ffffff'),
    frameBorder: token('--border-strong', dark ? '#383a41' : '#d7d7dd'),
    frameTitle: token('--text-muted', dark ? '#a0a1aa' : '#5f6069'),
    text: token('--text', dark ? '#e8e8ec' : '#1b1c20'),
    textMuted: token('--text-muted', dark ? '#a0a1aa' : '#5f6069'),
    textFaint: token('--text-faint', dark ? '#6e6f78' : '#94959e'),
    accent: token('--accent', dark ? '#7474e8' : '#5b5bd6'),
    accentSoft: token('--accent-soft', dark ? 'rgb(116 116 232 / 0.16)' : 'rgb(91 91 214 / 0.1)'),
    onAccent: token('--on-accent', '#ffffff'),
    connector: dark ? '#9a9ba6' : '#6b6c76',
    shadow: dark ? 'rgb(0 0 0 / 0.45)' : 'rgb(16 16 24 / 0.13)',
    placeholderFill: token('--bg-muted', dark ? '#222328' : '#f1f1f3'),
    placeholderBorder: token('--border-strong', dark ? '#383a41' : '#d7d7dd'),
    fontFamily:
      read('--font-sans').trim() ||
      "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  }
}

function parseHex(hex: string): [number, number, number] | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (match === null) return undefined
  return [
    parseInt(match[1] as string, 16),
    parseInt(match[2] as string, 16),
    parseInt(match[3] as string, 16),
  ]
}

function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(v ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

/** `a` moved toward `b` by `amount` (0–1). */
export function mixHex(a: string, b: string, amount: number): string {
  const from = parseHex(a)
  const to = parseHex(b)
  if (from === undefined || to === undefined) return a
  return toHex(from.map((v, i) => v + ((to[i] as number) - v) * amount))
}

/** Relative luminance (WCAG) of `#rrggbb`; 1 for anything else. */
export function luminance(hex: string): number {
  const rgb = parseHex(hex)
  if (rgb === undefined) return 1
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

const fills = new Map<string, string>()

/** A sticky's fill for its document colour (a palette name or `#rrggbb`) in this theme. */
export function stickyFill(color: string | undefined, dark: boolean): string {
  const key = `${dark ? 'd' : 'l'}${color ?? ''}`
  let fill = fills.get(key)
  if (fill === undefined) {
    const base = isStickyColor(color)
      ? STICKY_COLORS[color]
      : color !== undefined && parseHex(color) !== undefined
        ? color
        : STICKY_COLORS.yellow
    // Dark theme: the same hue, deeper, so a board of stickies does not glare; the text on it
    // stays dark enough to read (inkOn picks it by luminance).
    fill = dark ? mixHex(base, '#000000', 0.16) : base
    fills.set(key, fill)
  }
  return fill
}

/** Text colour on a fill: near-black on light fills, near-white on dark ones. */
export function inkOn(fill: string): string {
  return luminance(fill) > 0.22 ? '#1b1c20' : '#f4f4f6'
}
