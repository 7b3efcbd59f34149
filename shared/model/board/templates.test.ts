import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard, readBoardMeta } from './boardDoc'
import { createItems } from './commands'
import { readAllItems } from './items'
import { startSession } from './session'
import { BOARD_TEMPLATES, applyTemplate, findBoardTemplate, templateItemId } from './templates'
import type { BoardId } from '../../ids'
import { ANNE } from './testing'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Ny tavle', actor: ANNE, now: 0 })
  startSession(doc, ANNE)
  return doc
}

const stamp = { actor: ANNE, now: 1 }

describe('board templates', () => {
  it('has the agreed templates, each with Bokmål and English labels', () => {
    expect(BOARD_TEMPLATES.map((template) => template.id)).toEqual([
      'brainstorm',
      'swot',
      'lean-coffee',
      'crazy-8s',
      'idea-to-project',
      'retrospective',
    ])
    for (const template of BOARD_TEMPLATES) {
      const labels = [
        template.name,
        template.description,
        ...template.frames.map((frame) => frame.title),
        ...template.texts.map((text) => text.text),
      ]
      for (const label of labels) {
        expect(label.nb.trim()).not.toBe('')
        expect(label.en.trim()).not.toBe('')
      }
      expect(template.frames.length).toBeGreaterThan(0)
    }
  })

  it('lays out SWOT in Bokmål in one update and remembers the template', () => {
    const doc = board()
    let updates = 0
    doc.on('update', () => updates++)
    const ids = applyTemplate(doc, findBoardTemplate('swot') ?? BOARD_TEMPLATES[0]!, 'nb', stamp)
    expect(updates).toBe(1)
    expect(ids).toHaveLength(5)
    const items = readAllItems(doc)
    expect(items.filter((item) => item.kind === 'frame').map((item) => item.text)).toEqual([
      'Styrker',
      'Svakheter',
      'Muligheter',
      'Trusler',
    ])
    expect(items.find((item) => item.kind === 'text')?.text).toBe('SWOT for …')
    expect(readBoardMeta(doc).template).toBe('swot')
  })

  it('the idea → project pipeline has idea, partners, needs and next step (English)', () => {
    const doc = board()
    applyTemplate(doc, findBoardTemplate('idea-to-project')!, 'en', stamp)
    expect(
      readAllItems(doc)
        .filter((item) => item.kind === 'frame')
        .map((item) => item.text),
    ).toEqual(['Idea', 'Partners', 'Needs', 'Next step'])
  })

  it('places a second template right of what is there, with no overlap', () => {
    const doc = board()
    createItems(doc, [{ kind: 'sticky', x: -100, y: 50, w: 100, h: 100 }], stamp)
    applyTemplate(doc, findBoardTemplate('retrospective')!, 'en', stamp)
    const first = readAllItems(doc).filter((item) => item.kind === 'frame')
    const firstRight = Math.max(...first.map((item) => item.x + item.w))
    expect(Math.min(...first.map((item) => item.x))).toBeGreaterThan(0)
    applyTemplate(doc, findBoardTemplate('crazy-8s')!, 'en', stamp)
    const crazy = readAllItems(doc).filter(
      (item) => item.kind === 'frame' && /^[1-8]$/.test(item.text),
    )
    expect(crazy).toHaveLength(8)
    expect(Math.min(...crazy.map((item) => item.x))).toBeGreaterThan(firstRight)
    expect(readBoardMeta(doc).template).toBe('retrospective')
  })

  it('puts a template text inside the frame under it', () => {
    const doc = board()
    const template = {
      id: 'custom',
      name: { nb: 'Egen', en: 'Own' },
      description: { nb: '-', en: '-' },
      frames: [{ x: 0, y: 0, w: 500, h: 500, title: { nb: 'Ramme', en: 'Frame' } }],
      texts: [{ x: 20, y: 20, w: 200, h: 40, text: { nb: 'Inni', en: 'Inside' } }],
    }
    const [frame, text] = applyTemplate(doc, template, 'nb', {
      ...stamp,
      origin: { x: 1000, y: 1000 },
    })
    const items = readAllItems(doc)
    expect(items.find((item) => item.id === text)).toMatchObject({
      frameId: frame,
      x: 1020,
      text: 'Inni',
    })
  })

  it('uses the ids it is given, and texts point at the frame ids given', () => {
    const doc = board()
    const boardId = 'board-abc123' as BoardId
    const ids = applyTemplate(doc, findBoardTemplate('swot')!, 'nb', {
      ...stamp,
      ids: (part) => templateItemId(boardId, part),
    })
    expect(ids).toEqual([
      'item-board-abc123-frame-0',
      'item-board-abc123-frame-1',
      'item-board-abc123-frame-2',
      'item-board-abc123-frame-3',
      'item-board-abc123-text-0',
    ])
    expect(
      readAllItems(doc)
        .map((item) => item.id)
        .sort(),
    ).toEqual([...ids].sort())
  })
})
