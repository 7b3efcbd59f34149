import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { initBoard } from './boardDoc'
import { createItems, deleteItems, moveItems } from './commands'
import { getItem, itemText, readAllItems } from './items'
import { startSession, startTimer, takeOverFacilitator, readFacilitator } from './session'
import { ANNE, BJORN, CARI, replicaOf, syncReplicas } from './testing'
import { createBoardUndo } from './undo'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Angre', actor: ANNE, now: 0 })
  startSession(doc, ANNE)
  return doc
}

describe('undo on a board', () => {
  it('undoes and redoes one’s own commands one at a time', () => {
    const doc = board()
    const undo = createBoardUndo(doc, { captureTimeout: 0 })
    const [s] = createItems(doc, [{ kind: 'sticky', x: 0, y: 0 }], { actor: ANNE, now: 1 }) as [
      ItemId,
    ]
    moveItems(doc, { ids: [s], dx: 100, dy: 0 })
    deleteItems(doc, [s])
    undo.undo()
    expect(getItem(doc, s)?.x).toBe(100)
    undo.undo()
    expect(getItem(doc, s)?.x).toBe(0)
    undo.undo()
    expect(readAllItems(doc)).toEqual([])
    undo.redo()
    expect(getItem(doc, s)?.x).toBe(0)
    undo.destroy()
  })

  it('never undoes someone else’s edit, nor facilitation state', () => {
    const a = board()
    const [s] = createItems(a, [{ kind: 'sticky', x: 0, y: 0, text: 'bark' }], {
      actor: ANNE,
      now: 1,
    }) as [ItemId]
    const b = replicaOf(a)
    const undo = createBoardUndo(a, { captureTimeout: 0 })
    moveItems(a, { ids: [s], dx: 50, dy: 0 })
    startTimer(a, ANNE, { durationMs: 1000, now: 0 })
    itemText(b, s)?.insert(4, ' og myse')
    syncReplicas(a, b)
    undo.undo()
    expect(getItem(a, s)).toMatchObject({ x: 0, text: 'bark og myse' })
    expect(undo.canUndo()).toBe(false)
    undo.destroy()
  })
})

describe('taking over the facilitator role', () => {
  it('is possible only when the facilitator is not present', () => {
    const doc = board()
    expect(takeOverFacilitator(doc, BJORN, new Set(['u-anne', 'u-bjorn']))).toBe(false)
    expect(readFacilitator(doc)?.id).toBe('u-anne')
    expect(takeOverFacilitator(doc, BJORN, new Set(['u-bjorn', 'u-cari']))).toBe(true)
    expect(readFacilitator(doc)?.id).toBe('u-bjorn')
    expect(takeOverFacilitator(doc, BJORN, new Set())).toBe(true)
    expect(takeOverFacilitator(new Y.Doc(), CARI, new Set())).toBe(true)
  })
})
