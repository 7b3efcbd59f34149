const formatters = new Map<string, Intl.RelativeTimeFormat>()

function formatter(language: string): Intl.RelativeTimeFormat {
  let format = formatters.get(language)
  if (format === undefined) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'long' })
    formatters.set(language, format)
  }
  return format
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/**
 * "5 minutes ago" / "for 5 minutter siden", in the UI language. Under a minute it says
 * `justNow` when given (Intl's own word, "now", reads oddly in "edited now by …").
 */
export function formatRelativeTime(
  time: number,
  now: number,
  language: string,
  justNow?: string,
): string {
  // Another peer's clock may run ahead: a time "in the future" reads as "now".
  const seconds = Math.round((Math.min(time, now) - now) / 1000)
  const format = formatter(language)
  if (Math.abs(seconds) < 60) return justNow ?? format.format(0, 'second')
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit)
  }
  return format.format(0, 'second')
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** Full date and time, for tooltips next to relative times. */
export function formatDateTime(time: number, language: string): string {
  let format = dateFormats.get(language)
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' })
    dateFormats.set(language, format)
  }
  return format.format(time)
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/** "10 001" / "10,001", in the UI language. */
export function formatCount(count: number, language: string): string {
  let format = numberFormats.get(language)
  if (format === undefined) {
    format = new Intl.NumberFormat(language)
    numberFormats.set(language, format)
  }
  return format.format(count)
}
