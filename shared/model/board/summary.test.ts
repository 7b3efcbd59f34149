import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { initBoard } from './boardDoc'
import { createItems } from './commands'
import { endVotingRound, startPrivateMode, startSession, startVotingRound } from './session'
import { boardSummary } from './summary'
import { ANNE, BJORN, CARI } from './testing'
import { vote } from './voting'

const DAY = Date.UTC(2026, 10, 26, 9, 0)

function workshop(): { doc: Y.Doc; ids: Record<string, ItemId> } {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Sidestrømmer i Innlandet', actor: ANNE, now: DAY })
  startSession(doc, ANNE)
  const [waste, energy] = createItems(
    doc,
    [
      { kind: 'frame', x: 0, y: 0, w: 800, h: 600, text: 'Avfall' },
      { kind: 'frame', x: 900, y: 0, w: 800, h: 600, text: '' },
    ],
    { actor: ANNE, now: DAY },
  )
  const [bark, whey, heat] = createItems(
    doc,
    [
      { kind: 'sticky', x: 20, y: 100, text: 'Bark som bindemiddel', frameId: waste },
      { kind: 'sticky', x: 300, y: 100, text: 'Myse til fôr\nsjekk med Tine', frameId: waste },
      { kind: 'sticky', x: 950, y: 100, text: 'Spillvarme *fra* ovner', frameId: energy },
    ],
    { actor: BJORN, now: DAY },
  )
  const [loose] = createItems(doc, [{ kind: 'sticky', x: 0, y: 900, text: 'Felles innkjøp' }], {
    actor: CARI,
    now: DAY,
  })
  createItems(doc, [{ kind: 'sticky', x: 0, y: 1200, text: '   ' }], { actor: CARI, now: DAY })
  return {
    doc,
    ids: { waste, energy, bark, whey, heat, loose } as Record<string, ItemId>,
  }
}

describe('board summary', () => {
  it('has frames as sections, stickies sorted by votes, and contributors', () => {
    const { doc, ids } = workshop()
    startVotingRound(doc, ANNE, { budget: 3, anonymous: true, now: DAY })
    vote(doc, ANNE, ids.whey as ItemId, DAY)
    vote(doc, CARI, ids.whey as ItemId, DAY)
    vote(doc, CARI, ids.bark as ItemId, DAY)
    vote(doc, CARI, ids.whey as ItemId, DAY)
    endVotingRound(doc, ANNE, DAY)
    const summary = boardSummary(doc, ANNE, 'nb')
    expect(summary.title).toBe('Oppsummering: Sidestrømmer i Innlandet')
    expect(summary.blocks).toEqual([
      {
        type: 'paragraph',
        content: ['Workshop 2026-11-26 · 2 bidragsytere · 4 lapper'],
      },
      { type: 'heading', level: 2, content: ['Avfall'] },
      {
        type: 'bulletList',
        items: [
          [
            'Myse til fôr',
            { type: 'hardBreak' },
            'sjekk med Tine',
            { text: ' (Bjørn, 3 stemmer)', italic: true },
          ],
          ['Bark som bindemiddel', { text: ' (Bjørn, 1 stemme)', italic: true }],
        ],
      },
      { type: 'heading', level: 2, content: ['Ramme uten navn'] },
      {
        type: 'bulletList',
        items: [['Spillvarme *fra* ovner', { text: ' (Bjørn)', italic: true }]],
      },
      { type: 'heading', level: 2, content: ['Utenfor rammer'] },
      { type: 'bulletList', items: [['Felles innkjøp', { text: ' (Cari)', italic: true }]] },
      { type: 'heading', level: 2, content: ['Bidragsytere'] },
      { type: 'bulletList', items: [['Bjørn (3 lapper)'], ['Cari (1 lapp)']] },
    ])
    expect(summary.markdown).toContain('# Oppsummering: Sidestrømmer i Innlandet\n')
    expect(summary.markdown).toContain('## Avfall\n')
    expect(summary.markdown).toContain('Spillvarme \\*fra\\* ovner')
    expect(summary.markdown.indexOf('Myse')).toBeLessThan(summary.markdown.indexOf('Bark'))
  })

  it('speaks English, and leaves out private items the viewer may not see', () => {
    const { doc } = workshop()
    startPrivateMode(doc, ANNE, { now: DAY })
    createItems(doc, [{ kind: 'sticky', x: 0, y: 0, text: 'secret plan' }], {
      actor: CARI,
      now: DAY,
    })
    const summary = boardSummary(doc, ANNE, 'en')
    expect(summary.title).toBe('Summary: Sidestrømmer i Innlandet')
    expect(summary.markdown).not.toContain('secret plan')
    expect(summary.markdown).toContain('## Untitled frame')
    expect(summary.markdown).toContain('Workshop 2026-11-26 · 2 contributors · 4 stickies')
    expect(boardSummary(doc, CARI, 'en').markdown).toContain('secret plan')
  })

  it('says so when the board is empty', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Tom', actor: ANNE, now: DAY })
    expect(boardSummary(doc, ANNE, 'en').blocks).toEqual([
      { type: 'paragraph', content: ['Workshop 2026-11-26 · 0 contributors · 0 stickies'] },
      { type: 'paragraph', content: ['The board is empty.'] },
    ])
  })
})
