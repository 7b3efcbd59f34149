import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { initBoard } from './boardDoc'
import { createItems, deleteItems, moveItems } from './commands'
import { itemText } from './items'
import { observeBoardState, observeItems, type ItemChanges } from './observe'
import { startSession, startTimer } from './session'
import { ANNE, BJORN, replicaOf, syncReplicas } from './testing'
import { vote } from './voting'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Tavle', actor: ANNE, now: 0 })
  startSession(doc, ANNE)
  return doc
}

function record(doc: Y.Doc): { calls: ItemChanges[]; stop: () => void } {
  const calls: ItemChanges[] = []
  const stop = observeItems(doc, (changes) => calls.push(changes))
  return { calls, stop }
}

const sorted = (set: ReadonlySet<string>): string[] => [...set].sort()

describe('observing a board', () => {
  it('reports added, changed and removed items per transaction', () => {
    const doc = board()
    const { calls, stop } = record(doc)
    const [a, b] = createItems(
      doc,
      [
        { kind: 'sticky', x: 0, y: 0 },
        { kind: 'sticky', x: 0, y: 0 },
      ],
      { actor: ANNE, now: 1 },
    ) as [ItemId, ItemId]
    expect(sorted(calls[0]?.added ?? new Set())).toEqual([a, b].sort())
    expect(calls[0]?.changed.size).toBe(0)
    moveItems(doc, { ids: [a], dx: 1, dy: 1 })
    expect(sorted(calls[1]?.changed ?? new Set())).toEqual([a])
    itemText(doc, b)?.insert(0, 'hei')
    expect(sorted(calls[2]?.changed ?? new Set())).toEqual([b])
    deleteItems(doc, [a])
    expect(sorted(calls[3]?.removed ?? new Set())).toEqual([a])
    stop()
    moveItems(doc, { ids: [b], dx: 1, dy: 1 })
    expect(calls).toHaveLength(4)
  })

  it('reports remote changes too', () => {
    const a = board()
    const [s] = createItems(a, [{ kind: 'sticky', x: 0, y: 0 }], { actor: ANNE, now: 1 }) as [
      ItemId,
    ]
    const b = replicaOf(a)
    const { calls } = record(b)
    moveItems(a, { ids: [s], dx: 5, dy: 0 })
    syncReplicas(a, b)
    expect(calls.map((call) => sorted(call.changed))).toEqual([[s]])
  })

  it('tells the facilitation bar about session and vote changes', () => {
    const doc = board()
    const [s] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], { actor: ANNE, now: 1 }) as [
      ItemId,
    ]
    let calls = 0
    const stop = observeBoardState(doc, () => calls++)
    startTimer(doc, ANNE, { durationMs: 1000, now: 0 })
    expect(calls).toBe(1)
    moveItems(doc, { ids: [s], dx: 1, dy: 0 })
    expect(calls).toBe(1)
    vote(doc, BJORN, s, 1) // no round: nothing written
    expect(calls).toBe(1)
    stop()
    startTimer(doc, ANNE, { durationMs: 2000, now: 0 })
    expect(calls).toBe(1)
  })
})
