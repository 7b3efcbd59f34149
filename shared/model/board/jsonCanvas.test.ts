import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { initBoard } from './boardDoc'
import { createItems } from './commands'
import { getItem, readAllItems } from './items'
import {
  exportJsonCanvas,
  importJsonCanvas,
  parseJsonCanvas,
  serializeJsonCanvas,
  type JsonCanvas,
} from './jsonCanvas'
import { startPrivateMode, startSession } from './session'
import { ANNE, BJORN, CARI } from './testing'

const stamp = { actor: ANNE, now: 5 }

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Workshop', actor: ANNE, now: 0 })
  startSession(doc, ANNE)
  return doc
}

function filledBoard(): Y.Doc {
  const doc = board()
  const [frame] = createItems(
    doc,
    [{ kind: 'frame', x: 0, y: 0, w: 800, h: 600, text: 'Side streams', color: 'green' }],
    stamp,
  )
  const [a, b] = createItems(
    doc,
    [
      { kind: 'sticky', x: 40, y: 80, text: 'Bark → binder', color: 'orange', frameId: frame },
      {
        kind: 'sticky',
        x: 300,
        y: 80,
        text: 'Whey *as* feed\nsecond line',
        color: 'pink',
        frameId: frame,
      },
      { kind: 'text', x: 1000, y: 0.6, w: 300, h: 40, text: '# Heading text' },
      { kind: 'image', x: 1000, y: 200, fileId: 'file-abc' },
      { kind: 'sticky', x: 1000, y: 600, text: 'custom colour', color: '#0A0B0C' },
    ],
    stamp,
  )
  createItems(
    doc,
    [
      {
        kind: 'connector',
        x: 0,
        y: 0,
        from: a,
        to: b,
        fromSide: 'right',
        toSide: 'left',
        text: 'feeds',
      },
    ],
    stamp,
  )
  return doc
}

describe('JSON Canvas export', () => {
  it('maps items to nodes and edges in paint order with integer geometry and colours', () => {
    const canvas = exportJsonCanvas(filledBoard(), ANNE)
    const nodes = canvas.nodes ?? []
    expect(nodes.map((node) => node.type)).toEqual([
      'group',
      'text',
      'text',
      'text',
      'file',
      'text',
    ])
    expect(nodes[0]).toMatchObject({ type: 'group', label: 'Side streams', color: '4', width: 800 })
    const sticky = nodes.find((node) => node.type === 'text' && node.text === 'Bark → binder')
    expect(sticky).toMatchObject({ color: '2', x: 40, y: 80, width: 160, height: 160 })
    const pink = nodes.find((node) => node.type === 'text' && node.text.startsWith('Whey'))
    expect(pink?.color).toBe('#f9a8d4')
    const heading = nodes.find((node) => node.type === 'text' && node.text === '# Heading text')
    expect(heading).toMatchObject({ y: 1 })
    expect(heading?.color).toBeUndefined()
    expect(nodes.find((node) => node.type === 'file')).toMatchObject({
      file: 'kryss-files/file-abc',
    })
    expect(canvas.edges).toEqual([
      expect.objectContaining({ fromSide: 'right', toSide: 'left', label: 'feeds' }),
    ])
    // What we write is valid by our own reader.
    expect(parseJsonCanvas(serializeJsonCanvas(canvas)).ok).toBe(true)
  })

  it('leaves out others’ private items and edges to them', () => {
    const doc = board()
    const [prompt] = createItems(doc, [{ kind: 'text', x: 0, y: 0, text: 'Q' }], stamp)
    startPrivateMode(doc, ANNE, { now: 1 })
    const [secret] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0, text: 'secret' }], {
      actor: BJORN,
      now: 2,
    })
    createItems(doc, [{ kind: 'connector', x: 0, y: 0, from: prompt, to: secret }], {
      actor: BJORN,
      now: 3,
    })
    const forCari = exportJsonCanvas(doc, CARI)
    expect(forCari.nodes?.map((node) => node.id)).toEqual([prompt])
    expect(forCari.edges).toEqual([])
    expect(exportJsonCanvas(doc, BJORN).edges).toHaveLength(1)
  })
})

describe('JSON Canvas import', () => {
  it('round-trips a board: export → import → export gives the same canvas', () => {
    const first = exportJsonCanvas(filledBoard(), ANNE)
    const target = board()
    const result = importJsonCanvas(target, serializeJsonCanvas(first), stamp)
    expect(result.ok).toBe(true)
    expect(exportJsonCanvas(target, ANNE)).toEqual(first)
    // Membership and kinds come back too.
    const items = readAllItems(target)
    const frame = items.find((item) => item.kind === 'frame')
    expect(items.filter((item) => item.frameId === frame?.id).map((item) => item.text)).toEqual([
      'Bark → binder',
      'Whey *as* feed\nsecond line',
    ])
    expect(items.map((item) => item.kind).sort()).toEqual(
      ['connector', 'frame', 'image', 'sticky', 'sticky', 'sticky', 'text'].sort(),
    )
    expect(items.find((item) => item.text === 'custom colour')?.color).toBe('#0a0b0c')
  })

  it('reads a canvas written elsewhere: links, foreign files, nested groups, fresh ids on clash', () => {
    const doc = board()
    const [clash] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0, id: 'n1' as ItemId }], stamp)
    const canvas: JsonCanvas = {
      nodes: [
        { id: 'outer', type: 'group', x: 0, y: 0, width: 1000, height: 1000 },
        { id: 'inner', type: 'group', x: 100, y: 100, width: 400, height: 400, label: 'Inner' },
        { id: 'n1', type: 'text', x: 150, y: 150, width: 100, height: 100, text: 'hi', color: '3' },
        {
          id: 'f',
          type: 'file',
          x: 600,
          y: 600,
          width: 100,
          height: 100,
          file: 'Notes/Plan.md',
          subpath: '#Goals',
        },
        {
          id: 'l',
          type: 'link',
          x: 2000,
          y: 0,
          width: 100,
          height: 100,
          url: 'https://jsoncanvas.org',
        },
      ],
      edges: [{ id: 'e', fromNode: 'n1', toNode: 'l', toEnd: 'arrow' }],
    }
    const result = importJsonCanvas(doc, JSON.stringify(canvas), {
      ...stamp,
      offset: { x: 10, y: 0 },
    })
    if (!result.ok) throw new Error(result.error)
    expect(result.ids).toHaveLength(6)
    const items = readAllItems(doc)
    const hi = items.find((item) => item.text === 'hi')
    expect(hi?.id).not.toBe(clash)
    expect(hi).toMatchObject({ kind: 'sticky', color: 'yellow', x: 160, frameId: 'inner' })
    expect(getItem(doc, 'inner' as ItemId)?.frameId).toBe('outer')
    expect(getItem(doc, 'outer' as ItemId)?.frameId).toBeUndefined()
    expect(getItem(doc, 'f' as ItemId)).toMatchObject({
      kind: 'text',
      text: '[[Notes/Plan.md#Goals]]',
      frameId: 'outer',
    })
    expect(getItem(doc, 'l' as ItemId)).toMatchObject({
      kind: 'text',
      text: 'https://jsoncanvas.org',
    })
    expect(getItem(doc, 'e' as ItemId)).toMatchObject({ kind: 'connector', from: hi?.id, to: 'l' })
  })

  it('reports a bad file with the reason and imports nothing', () => {
    const cases: [string, RegExp][] = [
      ['{ nope', /Not JSON/],
      ['[]', /file/],
      [
        JSON.stringify({ nodes: [{ id: 'a', type: 'text', x: 0, y: 0, width: 1, height: 1 }] }),
        /nodes\[0\]\.text/,
      ],
      [
        JSON.stringify({ nodes: [{ id: 'a', type: 'blob', x: 0, y: 0, width: 1, height: 1 }] }),
        /nodes\[0\]\.type/,
      ],
      [
        JSON.stringify({
          nodes: [{ id: 'a', type: 'text', text: '', x: 0, y: 0, width: -1, height: 1 }],
        }),
        /nodes\[0\]\.width/,
      ],
      [
        JSON.stringify({
          nodes: [
            { id: 'a', type: 'text', text: '', x: 0, y: 0, width: 1, height: 1, color: 'red' },
          ],
        }),
        /nodes\[0\]\.color/,
      ],
      [
        JSON.stringify({
          nodes: [
            { id: 'a', type: 'text', text: '', x: 0, y: 0, width: 1, height: 1 },
            { id: 'a', type: 'text', text: '', x: 0, y: 0, width: 1, height: 1 },
          ],
        }),
        /nodes\[1\]\.id: "a" is used twice/,
      ],
      [
        JSON.stringify({
          nodes: [{ id: 'a', type: 'text', text: '', x: 0, y: 0, width: 1, height: 1 }],
          edges: [{ id: 'e', fromNode: 'a', toNode: 'missing' }],
        }),
        /edges\[0\]\.toNode: no node "missing"/,
      ],
      [
        JSON.stringify({ edges: [{ id: 'e', fromNode: 'a', toNode: 'b', fromSide: 'middle' }] }),
        /edges\[0\]\.fromSide/,
      ],
    ]
    for (const [text, reason] of cases) {
      const doc = board()
      let updates = 0
      doc.on('update', () => updates++)
      const result = importJsonCanvas(doc, text, stamp)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toMatch(reason)
      expect(updates).toBe(0)
      expect(readAllItems(doc)).toEqual([])
    }
  })

  it('accepts an empty canvas', () => {
    expect(importJsonCanvas(board(), '{}', stamp)).toEqual({ ok: true, ids: [] })
  })
})
