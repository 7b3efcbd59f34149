import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../../../shared/model/board/boardDoc'
import { createItems } from '../../../../shared/model/board/commands'
import { exportJsonCanvas, serializeJsonCanvas } from '../../../../shared/model/board/jsonCanvas'
import { ANNE } from '../../../../shared/model/board/testing'
import {
  IMPORT_GAP,
  PNG_MAX_PIXELS,
  PNG_MAX_SIDE,
  PNG_SCALE,
  boardFileName,
  importOffset,
  pngScale,
  previewCanvas,
} from './boardFiles'

const NOW = Date.UTC(2026, 10, 27, 9)

describe('boardFileName', () => {
  it('names the file after the board', () => {
    expect(boardFileName('Retro uke 12', 'png', 'Tavle')).toBe('Retro uke 12.png')
    expect(boardFileName('Retro uke 12', 'canvas', 'Tavle')).toBe('Retro uke 12.canvas')
  })

  it('makes a title with path characters safe', () => {
    expect(boardFileName('Plan: A/B <test>?', 'svg', 'Tavle')).toBe('Plan A B test.svg')
    expect(boardFileName('..hidden.', 'svg', 'Tavle')).toBe('hidden.svg')
  })

  it('uses the fallback word for a board without a title', () => {
    expect(boardFileName('   ', 'svg', 'Board')).toBe('Board.svg')
  })
})

describe('pngScale', () => {
  it('is the full scale for an ordinary board', () => {
    expect(pngScale(3000, 2000)).toBe(PNG_SCALE)
  })

  it('shrinks a very wide board to the longest side browsers draw', () => {
    const scale = pngScale(40_000, 1000)
    expect(40_000 * scale).toBeCloseTo(PNG_MAX_SIDE)
  })

  it('shrinks a large square board to the pixel budget', () => {
    const scale = pngScale(8000, 8000)
    expect(8000 * scale * 8000 * scale).toBeLessThanOrEqual(PNG_MAX_PIXELS + 1)
    expect(scale).toBeLessThan(PNG_SCALE)
  })
})

function canvasText(): string {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Retro', actor: ANNE, now: NOW })
  const [, a, b] = createItems(
    doc,
    [
      { kind: 'frame', x: 100, y: 50, w: 600, h: 400, text: 'Bra' },
      { kind: 'sticky', x: 140, y: 100, text: 'Kaffe' },
      { kind: 'sticky', x: 400, y: 100, text: 'Tid' },
      { kind: 'text', x: 100, y: 600, text: 'Notat' },
    ],
    { actor: ANNE, now: NOW },
  )
  createItems(doc, [{ kind: 'connector', x: 0, y: 0, from: a, to: b }], { actor: ANNE, now: NOW })
  return serializeJsonCanvas(exportJsonCanvas(doc, ANNE))
}

describe('previewCanvas', () => {
  it('counts cards, groups and edges and finds where they lie', () => {
    expect(previewCanvas(canvasText())).toEqual({
      ok: true,
      cards: 3,
      groups: 1,
      edges: 1,
      bounds: { x: 100, y: 50, w: 600, h: 598 },
    })
  })

  it('says why a file cannot be imported', () => {
    const notJson = previewCanvas('{ nodes: ')
    expect(notJson.ok).toBe(false)
    expect(!notJson.ok && notJson.error).toMatch(/^Not JSON/)
    const dangling = previewCanvas(
      JSON.stringify({
        nodes: [{ id: 'a', type: 'text', text: 'x', x: 0, y: 0, width: 10, height: 10 }],
        edges: [{ id: 'e', fromNode: 'a', toNode: 'b' }],
      }),
    )
    expect(dangling).toEqual({ ok: false, error: 'edges[0].toNode: no node "b"' })
  })

  it('takes an empty canvas as nothing to import', () => {
    expect(previewCanvas('{}')).toEqual({
      ok: true,
      cards: 0,
      groups: 0,
      edges: 0,
      bounds: undefined,
    })
  })
})

describe('importOffset', () => {
  it('puts the import to the right of the board, tops aligned', () => {
    const offset = importOffset(
      { x: -200, y: 100, w: 1000, h: 500 },
      { x: 50, y: -30, w: 10, h: 10 },
    )
    expect(offset).toEqual({ x: -200 + 1000 + IMPORT_GAP - 50, y: 130 })
  })

  it('keeps the file coordinates on an empty board', () => {
    expect(importOffset(undefined, { x: 50, y: 50, w: 10, h: 10 })).toEqual({ x: 0, y: 0 })
  })
})
