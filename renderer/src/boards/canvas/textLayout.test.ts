import { describe, expect, it } from 'vitest'
import { createRecordingContext } from './recordingContext'
import { createTextLayout, wrapText } from './textLayout'

/** One unit per character: widths are lengths. */
const length = (text: string): number => text.length

describe('text wrapping', () => {
  it('wraps words greedily and keeps paragraphs', () => {
    expect(wrapText('felles innkjøp av flis', 12, length)).toEqual(['felles', 'innkjøp av', 'flis'])
    expect(wrapText('a\n\nb', 10, length)).toEqual(['a', '', 'b'])
    expect(wrapText(' a  b', 10, length)).toEqual([' a  b'])
  })

  it('breaks a word longer than the line between characters', () => {
    expect(wrapText('laserkuttingsmaskin', 8, length)).toEqual(['laserkut', 'tingsmas', 'kin'])
  })

  it('stops once it knows the text does not fit', () => {
    expect(wrapText('a b c d e f g', 1, length, 2)).toEqual(['a', 'b', 'c'])
  })
})

describe('text layout', () => {
  const style = { family: 'sans-serif', sizes: [20, 14, 10] }

  it('uses the largest size at which the text fits', () => {
    const ctx = createRecordingContext()
    const layout = createTextLayout()
    const short = layout.fit(ctx, 'bark', 130, 130, style)
    expect(short.fontSize).toBe(20)
    expect(short.clipped).toBe(false)
    const long = layout.fit(
      ctx,
      'spillvarme fra tørka til drivhus og fjernvarme i bygda',
      130,
      60,
      style,
    )
    expect(long.fontSize).toBeLessThan(20)
    expect(long.lines.join(' ')).toBe('spillvarme fra tørka til drivhus og fjernvarme i bygda')
  })

  it('picks a smaller size over breaking a word, and breaks only when no size keeps it whole', () => {
    const ctx = createRecordingContext()
    const layout = createTextLayout()
    // At 20 px the long word is wider than the box, and would be broken in two: the lines
    // joined give the text back only when no word was broken.
    const word = 'Hjørnebeskyttere av returpapp'
    const fitted = layout.fit(ctx, word, 110, 130, style)
    expect(fitted.lines.join(' ')).toBe(word)
    expect(fitted.fontSize).toBeLessThan(20)
    // Too long for every size: broken, at the largest size that holds it.
    const huge = layout.fit(ctx, 'x'.repeat(60), 110, 130, style)
    expect(huge.lines.length).toBeGreaterThan(1)
    expect(huge.clipped).toBe(false)
  })

  it('cuts what does not fit at the smallest size with an ellipsis', () => {
    const ctx = createRecordingContext()
    const block = createTextLayout().fit(ctx, 'ord '.repeat(200), 100, 40, style)
    expect(block.fontSize).toBe(10)
    expect(block.clipped).toBe(true)
    expect(block.lines.at(-1)?.endsWith('…')).toBe(true)
    expect(block.lines.length).toBe(Math.floor(40 / block.lineHeight))
  })

  it('measures a text once for the same box and font, and gives the font back', () => {
    const ctx = createRecordingContext()
    ctx.font = '700 9px serif'
    const layout = createTextLayout()
    layout.fit(ctx, 'myse og fôr', 100, 100, style)
    const measured = ctx.measured
    layout.fit(ctx, 'myse og fôr', 100, 100, style)
    expect(ctx.measured).toBe(measured)
    expect(ctx.font).toBe('700 9px serif')
    layout.fit(ctx, 'myse og fôr', 50, 100, style)
    expect(ctx.measured).toBeGreaterThan(measured)
  })
})
