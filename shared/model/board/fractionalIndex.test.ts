import { describe, expect, it } from 'vitest'
import { isFractionalIndex, keyBetween, keysBetween } from './fractionalIndex'

function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

describe('fractional index', () => {
  it('starts at a0 and appends and prepends with integers', () => {
    expect(keyBetween(null, null)).toBe('a0')
    expect(keyBetween('a0', null)).toBe('a1')
    expect(keyBetween(null, 'a0')).toBe('Zz')
    expect(keyBetween('az', null)).toBe('b00')
    expect(keyBetween(null, 'b00')).toBe('az')
    expect(keyBetween('Zz', null)).toBe('a0')
  })

  it('makes a key strictly between two neighbours', () => {
    expect(keyBetween('a0', 'a1')).toBe('a0V')
    const key = keyBetween('a0V', 'a0W')
    expect(key > 'a0V' && key < 'a0W').toBe(true)
    expect(isFractionalIndex(key)).toBe(true)
  })

  it('rejects malformed keys and reversed bounds', () => {
    expect(() => keyBetween('a1', 'a0')).toThrow()
    expect(() => keyBetween('a0', 'a0')).toThrow()
    expect(() => keyBetween('a00', null)).toThrow()
    expect(() => keyBetween('!', null)).toThrow()
    expect(isFractionalIndex('a')).toBe(false)
    expect(isFractionalIndex('b0')).toBe(false)
    expect(isFractionalIndex('b00')).toBe(true)
    expect(isFractionalIndex(42)).toBe(false)
  })

  it('keeps keys short when appending 10 000 times', () => {
    let key: string | null = null
    for (let i = 0; i < 10_000; i++) key = keyBetween(key, null)
    expect((key as string).length).toBeLessThanOrEqual(4)
  })

  it('keysBetween returns ascending keys inside the bounds', () => {
    for (const [low, high] of [
      [null, null],
      ['a0', null],
      [null, 'a0'],
      ['a0', 'a1'],
      ['a0', 'a0V'],
    ] as const) {
      const keys = keysBetween(low, high, 25)
      expect(keys).toHaveLength(25)
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string
        expect(isFractionalIndex(key)).toBe(true)
        if (i > 0) expect(key > (keys[i - 1] as string)).toBe(true)
        if (low !== null) expect(key > low).toBe(true)
        if (high !== null) expect(key < high).toBe(true)
      }
    }
  })

  it('random insertions keep a strict order (seeded)', () => {
    const random = seeded(7)
    const keys: string[] = [keyBetween(null, null)]
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * (keys.length + 1))
      const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null)
      keys.splice(at, 0, key)
    }
    const sorted = [...keys].sort()
    expect(keys).toEqual(sorted)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.every((key) => isFractionalIndex(key))).toBe(true)
  })
})
