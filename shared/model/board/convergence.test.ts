import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import type { BoardActor } from './boardDoc'
import { initBoard } from './boardDoc'
import {
  createItems,
  deleteItems,
  duplicateItems,
  groupIntoFrame,
  lockItems,
  moveItems,
  setItemColor,
  unlockItems,
} from './commands'
import { bringToFront, sendToBack } from './arrange'
import { compareZ, itemText, readAllItems } from './items'
import { endVotingRound, startSession, startVotingRound } from './session'
import { ANNE, BJORN, CARI, replicaOf, syncReplicas } from './testing'
import { visibleItems } from './visibility'
import { readVoting, unvote, vote } from './voting'

/**
 * Seeded convergence: three replicas (facilitator and two participants) apply random
 * commands while updates travel between random pairs, sometimes not at all for a while
 * (offline). After everyone has met, every replica must hold the same board, the same stacking
 * order and the same vote results, and each voter's counted dots must be within budget.
 */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const BUDGET = 3
const ACTORS = [ANNE, BJORN, CARI] as const

function pick<T>(random: () => number, list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[Math.floor(random() * list.length)]
}

function randomOp(doc: Y.Doc, actor: BoardActor, random: () => number, step: number): void {
  const ids = readAllItems(doc).map((item) => item.id)
  const some = (): ItemId[] => ids.filter(() => random() < 0.2).slice(0, 5)
  const one = (): ItemId | undefined => pick(random, ids)
  const stamp = { actor, now: step }
  const roll = random()
  try {
    if (roll < 0.2 || ids.length < 3) {
      createItems(
        doc,
        [{ kind: random() < 0.15 ? 'frame' : 'sticky', x: random() * 2000, y: random() * 2000 }],
        stamp,
      )
    } else if (roll < 0.35) {
      moveItems(doc, { ids: some(), dx: random() * 400 - 200, dy: random() * 400 - 200 })
    } else if (roll < 0.42) {
      bringToFront(doc, some())
    } else if (roll < 0.46) {
      sendToBack(doc, some())
    } else if (roll < 0.55) {
      const id = one()
      const text = id === undefined ? undefined : itemText(doc, id)
      text?.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + (step % 26)))
    } else if (roll < 0.6) {
      setItemColor(doc, some(), pick(random, ['blue', 'green', '#abcdef']) ?? 'blue')
    } else if (roll < 0.64) {
      deleteItems(doc, some())
    } else if (roll < 0.68) {
      duplicateItems(doc, some(), stamp)
    } else if (roll < 0.72) {
      groupIntoFrame(doc, some(), { ...stamp, title: `group ${step}` })
    } else if (roll < 0.76) {
      lockItems(doc, some())
    } else if (roll < 0.8) {
      if (actor === ANNE) unlockItems(doc, actor, some())
    } else if (roll < 0.83) {
      const [from, to] = [one(), one()]
      if (from !== undefined && to !== undefined && from !== to) {
        createItems(doc, [{ kind: 'connector', x: 0, y: 0, from, to }], stamp)
      }
    } else if (roll < 0.95) {
      const id = one()
      if (id !== undefined) vote(doc, actor, id, step)
    } else {
      const id = one()
      if (id !== undefined) unvote(doc, actor, id)
    }
  } catch (error) {
    // Only the documented refusals may happen: a connector to a vanished item.
    expect(String(error)).toMatch(/both ends/)
  }
}

function snapshot(doc: Y.Doc): unknown {
  return {
    items: readAllItems(doc),
    stack: readAllItems(doc)
      .sort(compareZ)
      .map((item) => item.id),
    results: readVoting(doc, ANNE)?.results,
    visibleToBjorn: visibleItems(doc, BJORN).map((item) => item.id),
  }
}

describe('board convergence (seeded)', () => {
  for (const seed of [1, 2, 3, 42, 1234]) {
    it(`three replicas converge after random commands and deliveries (seed ${seed})`, () => {
      const random = seeded(seed)
      const origin = new Y.Doc()
      initBoard(origin, { title: 'Konvergens', actor: ANNE, now: 0 })
      startSession(origin, ANNE)
      startVotingRound(origin, ANNE, { budget: BUDGET, anonymous: false, now: 0 })
      const replicas = ACTORS.map(() => replicaOf(origin))
      for (let step = 1; step <= 300; step++) {
        const i = Math.floor(random() * replicas.length)
        randomOp(replicas[i] as Y.Doc, ACTORS[i] as BoardActor, random, step)
        if (random() < 0.3) {
          const a = pick(random, replicas) as Y.Doc
          const b = pick(random, replicas) as Y.Doc
          if (a !== b) syncReplicas(a, b)
        }
      }
      for (let round = 0; round < 2; round++) {
        for (const a of replicas) for (const b of replicas) if (a !== b) syncReplicas(a, b)
      }
      endVotingRound(replicas[0] as Y.Doc, ANNE, 1000)
      for (const b of replicas.slice(1)) syncReplicas(replicas[0] as Y.Doc, b)

      const expected = snapshot(replicas[0] as Y.Doc)
      for (const replica of replicas.slice(1)) expect(snapshot(replica)).toEqual(expected)
      const results = readVoting(replicas[0] as Y.Doc, ANNE)?.results ?? []
      const perVoter = new Map<string, number>()
      for (const result of results) {
        for (const voter of result.voters) perVoter.set(voter, (perVoter.get(voter) ?? 0) + 1)
      }
      for (const count of perVoter.values()) expect(count).toBeLessThanOrEqual(BUDGET)
      expect(readAllItems(replicas[0] as Y.Doc).length).toBeGreaterThan(5)
    })
  }
})
