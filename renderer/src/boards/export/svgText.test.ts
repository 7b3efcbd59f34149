import { describe, expect, it } from 'vitest'
import { ellipsize, escapeXml, fitText, wrapText, type TextMeasure } from './svgText'

/** Every character 10 px wide at any size: widths are easy to reason about. */
const mono: TextMeasure = (text) => [...text].length * 10

describe('wrapText', () => {
  it('moves whole words to the next line and keeps line breaks', () => {
    expect(wrapText('one two three\nfour', 80, 16, mono)).toEqual(['one two', 'three', 'four'])
  })

  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghijkl xy', 50, 16, mono)).toEqual(['abcde', 'fghij', 'kl xy'])
  })

  it('keeps blank lines between paragraphs', () => {
    expect(wrapText('a\n\nb', 100, 16, mono)).toEqual(['a', '', 'b'])
  })
})

describe('fitText', () => {
  it('uses the largest size at which the text fits', () => {
    // Three lines: 62.4 px high at 16 px, 54.6 at 14, 46.8 at 12.
    const block = fitText('one two three', 50, 50, mono)
    expect(block.fontSize).toBe(12)
    expect(block.lines).toEqual(['one', 'two', 'three'])
    expect(fitText('one two three', 50, 70, mono).fontSize).toBe(16)
  })

  it('cuts what does not fit at the smallest size and ends with an ellipsis', () => {
    const block = fitText('aa bb cc dd ee ff', 50, 26, mono)
    expect(block.fontSize).toBe(10)
    expect(block.lines).toEqual(['aa bb', 'cc d…'])
  })

  it('gives no lines for blank text', () => {
    expect(fitText('  \n ', 100, 100, mono).lines).toEqual([])
  })
})

describe('ellipsize and escapeXml', () => {
  it('shortens a line to fit with an ellipsis', () => {
    expect(ellipsize('abcdefgh', 50, 16, mono)).toBe('abcd…')
    expect(ellipsize('abc', 50, 16, mono)).toBe('abc')
  })

  it('escapes markup and quotes and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">&'\u0000`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;')
    expect(escapeXml('😀 æøå')).toBe('😀 æøå')
  })
})
