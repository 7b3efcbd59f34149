import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import { initBoard } from '../../../../shared/model/board/boardDoc'
import { createItems, lockItems } from '../../../../shared/model/board/commands'
import { readAllItems } from '../../../../shared/model/board/items'
import {
  endVotingRound,
  startPrivateMode,
  startSession,
  startVotingRound,
} from '../../../../shared/model/board/session'
import { ANNE, BJORN } from '../../../../shared/model/board/testing'
import { visibleItems } from '../../../../shared/model/board/visibility'
import { vote } from '../../../../shared/model/board/voting'
import { SVG_MARGIN, boardSvg, inkOn, renderBoardSvg, svgBounds } from './boardSvg'

const NOW = Date.UTC(2026, 10, 27, 9)

/**
 * Checks that `xml` is well-formed enough for a browser's XML parser: one root, every tag
 * closed in order, attributes quoted, no bare `<` or `&` in text or attributes. Returns the
 * element names in document order.
 */
function parseXml(xml: string): string[] {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '').trimEnd()
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy
  const stack: string[] = []
  const names: string[] = []
  let roots = 0
  let at = 0
  while (at < body.length) {
    token.lastIndex = at
    const match = token.exec(body)
    if (match === null) throw new Error(`not XML at ${at}: ${body.slice(at, at + 40)}`)
    at = token.lastIndex
    const [, closing, name, attributes, selfClosing, text] = match
    const checked = text ?? attributes ?? ''
    const badAmp = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.exec(checked)
    if (badAmp !== null) throw new Error(`bare & in ${checked.slice(0, 60)}`)
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root')
      continue
    }
    if (closing === '/') {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`)
      continue
    }
    if (stack.length === 0) roots++
    names.push(name as string)
    if (selfClosing !== '/') stack.push(name as string)
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`)
  if (roots !== 1) throw new Error(`${roots} root elements`)
  return names
}

function board(): { doc: Y.Doc; ids: Record<string, ItemId> } {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Sidestrømmer', actor: ANNE, now: NOW })
  startSession(doc, ANNE)
  const [frame, sticky, other, text] = createItems(
    doc,
    [
      { kind: 'frame', x: 0, y: 0, w: 600, h: 400, text: 'Ideer & <forslag>' },
      { kind: 'sticky', x: 40, y: 60, text: 'Bark som bindemiddel i plater', color: 'green' },
      { kind: 'sticky', x: 400, y: 60, text: 'Myse til fôr "nå"', color: '#1e3a8a' },
      { kind: 'text', x: 2000, y: 1500, w: 240, h: 48, text: "Neste steg: Tine's <b>" },
    ],
    { actor: ANNE, now: NOW },
  )
  const [arrow] = createItems(
    doc,
    [{ kind: 'connector', x: 0, y: 0, from: sticky, to: other, text: 'fører til' }],
    { actor: ANNE, now: NOW },
  )
  return {
    doc,
    ids: {
      frame: frame as ItemId,
      sticky: sticky as ItemId,
      other: other as ItemId,
      text: text as ItemId,
      arrow: arrow as ItemId,
    },
  }
}

describe('board SVG', () => {
  it('is well-formed XML with every item drawn, far-away ones too', () => {
    const { doc } = board()
    const { svg, width, height } = boardSvg(doc, ANNE, { title: 'Sidestrømmer' })
    const names = parseXml(svg)
    expect(names[0]).toBe('svg')
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(svg.match(/<g class="frame">/g)).toHaveLength(1)
    expect(svg.match(/<g class="sticky">/g)).toHaveLength(2)
    expect(svg.match(/<g class="text">/g)).toHaveLength(1)
    expect(svg.match(/<g class="connector">/g)).toHaveLength(1)
    expect(names).toContain('polygon') // the arrowhead
    // The text item 2,000 units away is inside the picture, not culled.
    expect(width).toBe(2240 + 2 * SVG_MARGIN)
    expect(height).toBe(1548 + 2 * SVG_MARGIN)
    expect(svg).toContain(`viewBox="-40 -40 ${width} ${height}"`)
  })

  it('escapes text, so markup in a sticky stays text', () => {
    const { doc } = board()
    const { svg } = boardSvg(doc, ANNE)
    expect(svg).toContain('Ideer &amp; &lt;forslag&gt;')
    expect(svg).toContain('&quot;nå&quot;')
    expect(svg).toContain('Tine&apos;s &lt;b&gt;')
    expect(svg).not.toContain('<b>')
    expect(svg).not.toContain('<forslag>')
  })

  it('drops characters XML cannot hold instead of writing a broken file', () => {
    const doc = new Y.Doc()
    createItems(doc, [{ kind: 'sticky', x: 0, y: 0, text: 'a\u0001b\u000bc \ud800 d' }], {
      actor: ANNE,
      now: NOW,
    })
    const { svg } = boardSvg(doc, ANNE)
    expect(() => parseXml(svg)).not.toThrow()
    expect(svg).toContain('>abc  d<')
  })

  it('leaves out the private stickies of others, but shows my own', () => {
    const { doc } = board()
    startPrivateMode(doc, ANNE, { now: NOW })
    createItems(doc, [{ kind: 'sticky', x: 0, y: 500, text: 'Bjørns hemmelige idé' }], {
      actor: BJORN,
      now: NOW,
    })
    expect(readAllItems(doc).some((item) => item.hidden)).toBe(true)
    expect(boardSvg(doc, ANNE).svg).not.toContain('hemmelige')
    expect(boardSvg(doc, BJORN).svg).toContain('hemmelige')
  })

  it('shows authors, lock marks and the votes of a closed round', () => {
    const { doc, ids } = board()
    lockItems(doc, [ids.sticky as ItemId])
    startVotingRound(doc, ANNE, { budget: 3, anonymous: false, now: NOW })
    vote(doc, BJORN, ids.other as ItemId, NOW)
    vote(doc, ANNE, ids.other as ItemId, NOW)
    const open = boardSvg(doc, ANNE).svg
    expect(open).not.toContain('class="votes"')
    endVotingRound(doc, ANNE, NOW)
    const { svg } = boardSvg(doc, ANNE, { labels: { image: 'Bilde', locked: 'Låst' } })
    expect(svg.match(/<g class="lock"/g)).toHaveLength(1)
    expect(svg).toContain('<title>Låst</title>')
    expect(svg).toMatch(/<g class="votes">.*>2<\/text><\/g>/)
    expect(svg).toContain('>Anne<')
  })

  it('wraps sticky text inside the sticky', () => {
    const doc = new Y.Doc()
    createItems(
      doc,
      [{ kind: 'sticky', x: 0, y: 0, text: 'Felles innkjøp av emballasje for flere bedrifter' }],
      { actor: ANNE, now: NOW },
    )
    const { svg } = renderBoardSvg(visibleItems(doc, ANNE))
    // The first <text> of the sticky is its text; the second is the author.
    const text = /<g class="sticky">.*?(<text .*?<\/text>)/.exec(svg)?.[1] ?? ''
    const lines = [...text.matchAll(/<tspan x="14" y="[\d.]+">([^<]*)<\/tspan>/g)].map(
      (match) => match[1],
    )
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join(' ')).toBe('Felles innkjøp av emballasje for flere bedrifter')
  })

  it('draws an empty board as a blank picture', () => {
    const { svg, width, height } = renderBoardSvg([])
    expect(parseXml(svg)).toEqual(['svg', 'rect'])
    expect(width).toBeGreaterThan(0)
    expect(height).toBeGreaterThan(0)
  })

  it('sizes the picture in pixels by the scale, keeping board units in the viewBox', () => {
    const { doc } = board()
    const plain = boardSvg(doc, ANNE)
    const { svg } = boardSvg(doc, ANNE, { pixelScale: 2 })
    expect(svg).toContain(`width="${plain.width * 2}" height="${plain.height * 2}"`)
    expect(svg).toContain(`viewBox="-40 -40 ${plain.width} ${plain.height}"`)
  })

  it('picks readable text on dark fills', () => {
    expect(inkOn('#fde68a')).toBe('#1b1c20')
    expect(inkOn('#1e3a8a')).toBe('#ffffff')
  })

  it('leaves connectors out of the bounds (they have no box of their own)', () => {
    const { doc } = board()
    const items = visibleItems(doc, ANNE).filter((item) => item.kind !== 'text')
    expect(svgBounds(items)).toEqual({
      x: -SVG_MARGIN,
      y: -SVG_MARGIN,
      w: 600 + 2 * SVG_MARGIN,
      h: 400 + 2 * SVG_MARGIN,
    })
  })
})
