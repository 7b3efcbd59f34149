import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardId, ItemId } from '../../ids'
import { appendBlocks, fragmentToBlocks } from '../richText'
import { initBoard } from './boardDoc'
import { createItems } from './commands'
import { promoteSticky, titleFromText } from './promote'
import { endVotingRound, startPrivateMode, startSession, startVotingRound } from './session'
import { ANNE, BJORN, CARI } from './testing'
import { vote } from './voting'

const BOARD = 'board-abc' as BoardId
const DAY = Date.UTC(2026, 10, 26, 12)

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Sidestrømmer', actor: ANNE, now: DAY })
  startSession(doc, ANNE)
  return doc
}

describe('promote a sticky', () => {
  it('gives a note title, body and provenance (board, date, author, frame, votes)', () => {
    const doc = board()
    const [frame] = createItems(doc, [{ kind: 'frame', x: 0, y: 0, text: 'Avfall' }], {
      actor: ANNE,
      now: DAY,
    })
    const [sticky] = createItems(
      doc,
      [
        {
          kind: 'sticky',
          x: 10,
          y: 10,
          frameId: frame,
          text: 'Bark som bindemiddel\ni sponplater\n\nSpør Moelven',
        },
      ],
      { actor: BJORN, now: DAY + 1 },
    )
    startVotingRound(doc, ANNE, { budget: 3, anonymous: false, now: DAY })
    vote(doc, CARI, sticky as ItemId, DAY)
    vote(doc, ANNE, sticky as ItemId, DAY)
    endVotingRound(doc, ANNE, DAY)
    const promoted = promoteSticky(doc, BOARD, sticky as ItemId, { viewer: ANNE, lang: 'nb' })
    expect(promoted).toEqual({
      title: 'Bark som bindemiddel',
      type: 'competence',
      blocks: [
        {
          type: 'paragraph',
          content: ['Bark som bindemiddel', { type: 'hardBreak' }, 'i sponplater'],
        },
        { type: 'paragraph', content: ['Spør Moelven'] },
        {
          type: 'paragraph',
          content: [
            {
              text: 'Fra workshoptavla «Sidestrømmer» 2026-11-26, skrevet av Bjørn. Gruppe: Avfall. 2 stemmer i avstemningen.',
              italic: true,
            },
          ],
        },
      ],
      provenance: {
        boardId: BOARD,
        itemId: sticky,
        boardTitle: 'Sidestrømmer',
        workshopDate: DAY,
        author: 'Bjørn',
        authorId: 'u-bjorn',
      },
    })
    // The blocks are a valid note body.
    const body = new Y.Doc().getXmlFragment('body')
    body.doc?.transact(() => appendBlocks(body, promoted?.blocks ?? []))
    expect(fragmentToBlocks(body)).toEqual(promoted?.blocks)
  })

  it('is refused for what the viewer cannot see and for non-text items', () => {
    const doc = board()
    const [frame] = createItems(doc, [{ kind: 'frame', x: 0, y: 0 }], { actor: ANNE, now: DAY })
    startPrivateMode(doc, ANNE, { now: DAY })
    const [secret] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0, text: 'x' }], {
      actor: CARI,
      now: DAY,
    })
    const opts = { viewer: ANNE, lang: 'en' as const }
    expect(promoteSticky(doc, BOARD, frame as ItemId, opts)).toBeUndefined()
    expect(promoteSticky(doc, BOARD, secret as ItemId, opts)).toBeUndefined()
    expect(promoteSticky(doc, BOARD, 'gone' as ItemId, opts)).toBeUndefined()
    expect(promoteSticky(doc, BOARD, secret as ItemId, { ...opts, viewer: CARI })?.title).toBe('x')
  })

  it('names an empty sticky, and cuts long titles at a word', () => {
    const doc = board()
    const [empty] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], { actor: BJORN, now: DAY })
    expect(promoteSticky(doc, BOARD, empty as ItemId, { viewer: ANNE, lang: 'en' })?.title).toBe(
      'Idea from a workshop',
    )
    const long = 'Automatisert sortering av returemballasje '.repeat(4)
    const title = titleFromText(`\n\n${long}`)
    expect(title.length).toBeLessThanOrEqual(80)
    expect(title.endsWith('…')).toBe(true)
    expect(title).toMatch(/^Automatisert sortering av returemballasje Automatisert/)
    expect(title).not.toMatch(/ …$/)
  })
})
