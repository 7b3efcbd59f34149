/**
 * Fractional indices: order keys that are plain strings, compared with `<`, such that a key
 * can always be made between any two others. Board items keep their stacking order in one
 * (`z`), so "bring to front" writes one field of one item instead of renumbering the board,
 * and two people reordering at once never overwrite each other's unrelated changes.
 *
 * A key is an integer part followed by a fraction. The integer part starts with a head
 * letter telling how many base-62 digits follow (`a`: 1, `b`: 2, … `z`: 26 for positive
 * integers, `Z`: 1 … `A`: 26 for negative ones), so appending at either end grows keys by one
 * digit per 62^n steps instead of one character every few steps. The fraction (base-62
 * digits, never ending in `0`) is only used to squeeze a key between two neighbours.
 *
 * Two replicas asking for a key at the same spot get the same key; readers break such ties by
 * item id (see `compareZ` in items.ts), so every replica paints the same order.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const BASE = DIGITS.length
const ZERO = DIGITS[0] as string
const LAST = DIGITS[BASE - 1] as string
/** The smallest integer part; no key may be it alone, so there is always room below. */
const SMALLEST_INTEGER = `A${ZERO.repeat(26)}`

function digitValue(char: string): number {
  const value = DIGITS.indexOf(char)
  if (value < 0) throw new Error(`Bad fractional index digit ${JSON.stringify(char)}`)
  return value
}

function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2
  throw new Error(`Bad fractional index head ${JSON.stringify(head)}`)
}

function integerPart(key: string): string {
  const length = integerLength(key.charAt(0))
  if (length > key.length) throw new Error(`Bad fractional index ${JSON.stringify(key)}`)
  return key.slice(0, length)
}

/** Whether `key` is a well-formed fractional index. */
export function isFractionalIndex(key: unknown): key is string {
  if (typeof key !== 'string' || key === '' || key === SMALLEST_INTEGER) return false
  try {
    const integer = integerPart(key)
    for (const char of key.slice(1)) digitValue(char)
    return !key.slice(integer.length).endsWith(ZERO)
  } catch {
    return false
  }
}

function requireKey(key: string): void {
  if (!isFractionalIndex(key)) throw new Error(`Bad fractional index ${JSON.stringify(key)}`)
}

/** The next integer part, or null past the largest (`z` followed by 26 top digits). */
function incrementInteger(integer: string): string | null {
  const head = integer.charAt(0)
  const digits = integer.slice(1).split('')
  for (let i = digits.length - 1; i >= 0; i--) {
    const value = digitValue(digits[i] as string) + 1
    if (value < BASE) {
      digits[i] = DIGITS[value] as string
      return head + digits.join('')
    }
    digits[i] = ZERO
  }
  // Every digit carried: the next integer has one more digit (positive) or one fewer (negative).
  if (head === 'Z') return `a${ZERO}`
  if (head === 'z') return null
  const nextHead = String.fromCharCode(head.charCodeAt(0) + 1)
  if (nextHead > 'a') digits.push(ZERO)
  else digits.pop()
  return nextHead + digits.join('')
}

/** The previous integer part, or null below the smallest. */
function decrementInteger(integer: string): string | null {
  const head = integer.charAt(0)
  const digits = integer.slice(1).split('')
  for (let i = digits.length - 1; i >= 0; i--) {
    const value = digitValue(digits[i] as string) - 1
    if (value >= 0) {
      digits[i] = DIGITS[value] as string
      return head + digits.join('')
    }
    digits[i] = LAST
  }
  if (head === 'a') return `Z${LAST}`
  if (head === 'A') return null
  const previousHead = String.fromCharCode(head.charCodeAt(0) - 1)
  if (previousHead < 'Z') digits.push(LAST)
  else digits.pop()
  return previousHead + digits.join('')
}

/**
 * A fraction strictly between `low` and `high` (null: 1), read as base-62 digits after the
 * point. Neither ends in the zero digit, and `low < high`.
 */
function fractionBetween(low: string, high: string | null): string {
  if (high !== null) {
    let shared = 0
    while ((low.charAt(shared) || ZERO) === high.charAt(shared)) shared++
    if (shared > 0) {
      return high.slice(0, shared) + fractionBetween(low.slice(shared), high.slice(shared))
    }
  }
  const lowDigit = low === '' ? 0 : digitValue(low.charAt(0))
  const highDigit = high === null ? BASE : digitValue(high.charAt(0))
  if (highDigit - lowDigit > 1) return DIGITS[Math.round((lowDigit + highDigit) / 2)] as string
  // Neighbouring digits: `high`'s first digit alone is between when `high` goes on after it;
  // otherwise keep `low`'s digit and find room after it.
  if (high !== null && high.length > 1) return high.charAt(0)
  return (DIGITS[lowDigit] as string) + fractionBetween(low.slice(1), null)
}

/**
 * A key strictly between `before` and `after` (null: open end). Throws when `before >= after`
 * or a key is malformed.
 */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null) requireKey(before)
  if (after !== null) requireKey(after)
  if (before !== null && after !== null && before >= after) {
    throw new Error(`keyBetween: ${before} is not before ${after}`)
  }
  if (before === null && after === null) return `a${ZERO}`
  if (before === null) {
    const integer = integerPart(after as string)
    const fraction = (after as string).slice(integer.length)
    if (integer === SMALLEST_INTEGER) return integer + fractionBetween('', fraction)
    if (fraction !== '') return integer
    const previous = decrementInteger(integer)
    if (previous === null) throw new Error('keyBetween: no room below')
    return previous
  }
  const integer = integerPart(before)
  const fraction = before.slice(integer.length)
  if (after === null) {
    const next = incrementInteger(integer)
    return next ?? integer + fractionBetween(fraction, null)
  }
  const afterInteger = integerPart(after)
  if (afterInteger === integer) {
    return integer + fractionBetween(fraction, after.slice(integer.length))
  }
  const next = incrementInteger(integer)
  if (next !== null && next < after) return next
  return integer + fractionBetween(fraction, null)
}

/**
 * `count` ascending keys strictly between `before` and `after`, spread so that the keys stay
 * short (bisection when both ends are bounded, consecutive integers at an open end).
 */
export function keysBetween(before: string | null, after: string | null, count: number): string[] {
  if (count <= 0) return []
  if (count === 1) return [keyBetween(before, after)]
  if (after === null) {
    const keys: string[] = []
    let previous = before
    for (let i = 0; i < count; i++) keys.push((previous = keyBetween(previous, null)))
    return keys
  }
  if (before === null) {
    const keys: string[] = []
    let next = after
    for (let i = 0; i < count; i++) keys.push((next = keyBetween(null, next)))
    return keys.reverse()
  }
  const middle = Math.floor(count / 2)
  const pivot = keyBetween(before, after)
  return [
    ...keysBetween(before, pivot, middle),
    pivot,
    ...keysBetween(pivot, after, count - middle - 1),
  ]
}
