import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { boardSession, initBoard } from './boardDoc'
import { createItems, duplicateItems, groupIntoFrame, moveItems } from './commands'
import { getItem, readAllItems } from './items'
import {
  BoardPermissionError,
  endVotingRound,
  extendTimer,
  handOverFacilitator,
  isFacilitator,
  pauseTimer,
  readFacilitator,
  readPrivateMode,
  readTimer,
  readVotingRound,
  resumeTimer,
  startPrivateMode,
  startSession,
  startTimer,
  startVotingRound,
  stopTimer,
} from './session'
import { ANNE, BJORN, CARI, replicaOf, syncReplicas } from './testing'
import { endPrivateMode, hiddenCounts, revealItems, visibleItems } from './visibility'
import { closedRoundCounts, readVoting, unvote, vote } from './voting'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Workshop', actor: ANNE, now: 0 })
  startSession(doc, ANNE)
  return doc
}

describe('facilitator role', () => {
  it('goes to whoever starts the session, and can be handed over only by the facilitator', () => {
    const doc = new Y.Doc()
    expect(readFacilitator(doc)).toBeUndefined()
    expect(startSession(doc, BJORN)).toBe(true)
    expect(startSession(doc, ANNE)).toBe(false)
    expect(readFacilitator(doc)).toEqual({ id: 'u-bjorn', name: 'Bjørn' })
    expect(() => handOverFacilitator(doc, ANNE, ANNE)).toThrow(BoardPermissionError)
    handOverFacilitator(doc, BJORN, CARI)
    expect(isFacilitator(doc, 'u-cari')).toBe(true)
    expect(isFacilitator(doc, 'u-bjorn')).toBe(false)
  })

  it('two people starting at once end up with one facilitator everywhere', () => {
    const a = new Y.Doc()
    const b = replicaOf(a)
    startSession(a, ANNE)
    startSession(b, BJORN)
    syncReplicas(a, b)
    expect(readFacilitator(a)).toEqual(readFacilitator(b))
    expect(readFacilitator(a)?.name).toMatch(/Anne|Bjørn/)
  })
})

describe('timer', () => {
  it('starts, pauses, resumes, extends and finishes', () => {
    const doc = board()
    expect(readTimer(doc, 0)).toEqual({ status: 'idle' })
    startTimer(doc, ANNE, { durationMs: 60_000, now: 1000 })
    expect(readTimer(doc, 31_000)).toMatchObject({ status: 'running', remainingMs: 30_000 })
    pauseTimer(doc, ANNE, 31_000)
    expect(readTimer(doc, 500_000)).toMatchObject({ status: 'paused', remainingMs: 30_000 })
    resumeTimer(doc, ANNE, 100_000)
    expect(readTimer(doc, 110_000)).toMatchObject({ status: 'running', remainingMs: 20_000 })
    extendTimer(doc, ANNE, { ms: 60_000, now: 110_000 })
    expect(readTimer(doc, 110_000)).toMatchObject({
      status: 'running',
      remainingMs: 80_000,
      durationMs: 120_000,
    })
    expect(readTimer(doc, 190_000)).toEqual({ status: 'done', durationMs: 120_000 })
    extendTimer(doc, ANNE, { ms: 10_000, now: 200_000 })
    expect(readTimer(doc, 200_000)).toMatchObject({ status: 'running', remainingMs: 10_000 })
    stopTimer(doc, ANNE)
    expect(readTimer(doc, 200_000)).toEqual({ status: 'idle' })
  })

  it('is the facilitator’s, and everyone sees it', () => {
    const a = board()
    const b = replicaOf(a)
    expect(() => startTimer(b, BJORN, { durationMs: 1000, now: 0 })).toThrow(BoardPermissionError)
    startTimer(a, ANNE, { durationMs: 300_000, now: 0 })
    syncReplicas(a, b)
    expect(readTimer(b, 60_000)).toMatchObject({ status: 'running', remainingMs: 240_000 })
  })

  it('reads a malformed timer as idle', () => {
    const doc = board()
    boardSession(doc).set('timer', { running: 'yes' })
    expect(readTimer(doc, 0)).toEqual({ status: 'idle' })
  })
})

describe('dot voting', () => {
  function votingBoard(): { doc: Y.Doc; ids: ItemId[] } {
    const doc = board()
    const ids = createItems(
      doc,
      ['a', 'b', 'c'].map((text) => ({ kind: 'sticky' as const, x: 0, y: 0, text })),
      { actor: ANNE, now: 0 },
    )
    return { doc, ids }
  }

  it('needs an open round, keeps to the budget, and hides counts until the round ends', () => {
    const { doc, ids } = votingBoard()
    const [a, b, c] = ids as [ItemId, ItemId, ItemId]
    expect(vote(doc, BJORN, a, 1)).toBe(false)
    expect(() => startVotingRound(doc, BJORN, { budget: 3, anonymous: false, now: 0 })).toThrow(
      BoardPermissionError,
    )
    startVotingRound(doc, ANNE, { budget: 3, anonymous: false, now: 0 })
    expect(vote(doc, BJORN, a, 1)).toBe(true)
    expect(vote(doc, BJORN, a, 2)).toBe(true)
    expect(vote(doc, BJORN, b, 3)).toBe(true)
    expect(vote(doc, BJORN, c, 4)).toBe(false)
    expect(vote(doc, CARI, b, 5)).toBe(true)
    expect(vote(doc, CARI, 'gone' as ItemId, 6)).toBe(false)
    const open = readVoting(doc, BJORN)
    expect(open?.remaining).toBe(0)
    expect(open?.mine.get(a)).toBe(2)
    expect(open?.voterCount).toBe(2)
    expect(open?.results).toBeUndefined()
    expect(unvote(doc, BJORN, a)).toBe(true)
    expect(readVoting(doc, BJORN)?.remaining).toBe(1)
    expect(unvote(doc, BJORN, c)).toBe(false)
    endVotingRound(doc, ANNE, 10)
    expect(vote(doc, BJORN, c, 11)).toBe(false)
    const closed = readVoting(doc, CARI)
    expect(closed?.round.status).toBe('closed')
    expect(closed?.results).toEqual([
      { item: b, count: 2, voters: ['Bjørn', 'Cari'] },
      { item: a, count: 1, voters: ['Bjørn'] },
    ])
    expect(closedRoundCounts(doc).get(b)).toBe(2)
  })

  it('anonymous rounds hide who voted', () => {
    const { doc, ids } = votingBoard()
    startVotingRound(doc, ANNE, { budget: 2, anonymous: true, now: 0 })
    vote(doc, BJORN, ids[0] as ItemId, 1)
    endVotingRound(doc, ANNE, 2)
    expect(readVoting(doc, ANNE)?.results).toEqual([{ item: ids[0], count: 1, voters: [] }])
  })

  it('concurrent votes never collide, and one voter on two devices cannot exceed the budget', () => {
    const { doc: a, ids } = votingBoard()
    startVotingRound(a, ANNE, { budget: 3, anonymous: false, now: 0 })
    const b = replicaOf(a)
    const [x, y] = ids as [ItemId, ItemId]
    // Bjørn votes on both devices while they are apart: 3 + 3 dots.
    for (let i = 0; i < 3; i++) vote(a, BJORN, x, 10 + i)
    for (let i = 0; i < 3; i++) vote(b, BJORN, y, 20 + i)
    vote(a, CARI, y, 30)
    vote(b, ANNE, y, 31)
    syncReplicas(a, b)
    endVotingRound(a, ANNE, 100)
    syncReplicas(a, b)
    const results = readVoting(a, ANNE)?.results
    expect(results).toEqual(readVoting(b, ANNE)?.results)
    // Bjørn's first three (by time) count: the three on x.
    expect(results).toEqual([
      { item: x, count: 3, voters: ['Bjørn', 'Bjørn', 'Bjørn'] },
      { item: y, count: 2, voters: ['Anne', 'Cari'] },
    ])
  })

  it('a new round starts from zero and a closed one keeps its results', () => {
    const { doc, ids } = votingBoard()
    const first = startVotingRound(doc, ANNE, { budget: 1, anonymous: false, now: 0 })
    vote(doc, BJORN, ids[0] as ItemId, 1)
    const second = startVotingRound(doc, ANNE, { budget: 1, anonymous: false, now: 2 })
    expect(second).not.toBe(first)
    expect(readVotingRound(doc)?.status).toBe('open')
    expect(readVoting(doc, BJORN)?.remaining).toBe(1)
  })
})

describe('private mode', () => {
  it('hides participants’ new items from everyone else until reveal', () => {
    const doc = board()
    const [prompt] = createItems(doc, [{ kind: 'text', x: 0, y: 0, text: 'What bugs you?' }], {
      actor: ANNE,
      now: 0,
    })
    expect(() => startPrivateMode(doc, BJORN, { now: 1 })).toThrow(BoardPermissionError)
    startPrivateMode(doc, ANNE, { now: 1 })
    expect(readPrivateMode(doc).on).toBe(true)
    const [mine] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0, text: 'Bjørn’s idea' }], {
      actor: BJORN,
      now: 2,
    })
    const [theirs, line] = createItems(
      doc,
      [
        { kind: 'sticky', x: 0, y: 0, text: 'Cari’s idea', id: 'c1' as ItemId },
        { kind: 'connector', x: 0, y: 0, from: prompt, to: 'c1' as ItemId },
      ],
      { actor: CARI, now: 3 },
    )
    const [facilitators] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], {
      actor: ANNE,
      now: 4,
    })
    const ids = (viewer: typeof ANNE): string[] =>
      visibleItems(doc, viewer)
        .map((item) => item.id)
        .sort()
    expect(ids(BJORN)).toEqual([prompt, mine, facilitators].sort())
    expect(ids(CARI)).toEqual([prompt, theirs, line, facilitators].sort())
    // The facilitator is not primed either.
    expect(ids(ANNE)).toEqual([prompt, facilitators].sort())
    expect(hiddenCounts(doc)).toEqual(
      new Map([
        ['u-bjorn', 1],
        ['u-cari', 2],
      ]),
    )
    // Duplicating or framing in private mode keeps the new items private too.
    const [copy] = duplicateItems(doc, [mine as ItemId], { actor: BJORN, now: 5 })
    expect(getItem(doc, copy as ItemId)?.hidden).toBe(true)
    expect(
      groupIntoFrame(doc, [mine as ItemId], { actor: BJORN, now: 6, title: 'x' }),
    ).toBeDefined()
    expect(ids(CARI)).not.toContain(copy)
    // Nobody votes on what they cannot see.
    startVotingRound(doc, ANNE, { budget: 2, anonymous: false, now: 6 })
    expect(vote(doc, CARI, mine as ItemId, 6)).toBe(false)
    expect(vote(doc, BJORN, mine as ItemId, 6)).toBe(true)

    expect(() => revealItems(doc, BJORN)).toThrow(BoardPermissionError)
    revealItems(doc, ANNE)
    expect(visibleItems(doc, BJORN)).toHaveLength(readAllItems(doc).length)
    expect(readPrivateMode(doc).on).toBe(true)
    const [later] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], { actor: CARI, now: 7 })
    expect(getItem(doc, later as ItemId)?.hidden).toBe(true)
    endPrivateMode(doc, ANNE)
    expect(readPrivateMode(doc).on).toBe(false)
    expect(hiddenCounts(doc).size).toBe(0)
    const [open] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], { actor: CARI, now: 8 })
    expect(getItem(doc, open as ItemId)?.hidden).toBe(false)
  })

  it('someone else’s private frame is no drop target', () => {
    const doc = board()
    startPrivateMode(doc, ANNE, { now: 0 })
    const [frame] = createItems(doc, [{ kind: 'frame', x: 0, y: 0, w: 500, h: 500 }], {
      actor: BJORN,
      now: 1,
    }) as [ItemId]
    const [mine] = createItems(doc, [{ kind: 'sticky', x: 1000, y: 0 }], {
      actor: CARI,
      now: 2,
    }) as [ItemId]
    moveItems(doc, { ids: [mine], dx: -900, dy: 100, actor: CARI })
    expect(getItem(doc, mine)?.frameId).toBeUndefined()
    const [his] = createItems(doc, [{ kind: 'sticky', x: 1000, y: 0 }], {
      actor: BJORN,
      now: 3,
    }) as [ItemId]
    moveItems(doc, { ids: [his], dx: -900, dy: 100, actor: BJORN })
    expect(getItem(doc, his)?.frameId).toBe(frame)
  })

  it('visibility holds on another replica, and reveal reaches it', () => {
    const a = board()
    startPrivateMode(a, ANNE, { now: 0 })
    const b = replicaOf(a)
    const [secret] = createItems(b, [{ kind: 'sticky', x: 0, y: 0 }], { actor: BJORN, now: 1 })
    syncReplicas(a, b)
    expect(visibleItems(a, CARI).map((item) => item.id)).not.toContain(secret)
    expect(visibleItems(a, BJORN).map((item) => item.id)).toContain(secret)
    revealItems(a, ANNE)
    syncReplicas(a, b)
    expect(visibleItems(b, CARI).map((item) => item.id)).toContain(secret)
  })
})
