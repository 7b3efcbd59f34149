import { describe, expect, it } from 'vitest'
import type { ItemId } from '../../../../shared/ids'
import { createItems, lockItems } from '../../../../shared/model/board/commands'
import { startSession, startVotingRound } from '../../../../shared/model/board/session'
import { ANNE, BJORN } from '../../../../shared/model/board/testing'
import { testBoards } from './testRuntime'
import {
  selectionBarPlacement,
  selectionBounds,
  selectionSummaryStore,
  sessionFactsStore,
  undoStateStore,
} from './toolbarStores'
import { at, click, drag } from './testRuntime'

const board = testBoards()

describe('selection bar placement', () => {
  const bar = { width: 200, height: 40 }
  const viewport = { width: 1000, height: 800 }

  it('goes centred above the selection, below it without room above, inside the canvas', () => {
    expect(selectionBarPlacement({ x: 400, y: 300, w: 100, h: 100 }, bar, viewport)).toEqual({
      x: 350,
      y: 248,
    })
    expect(selectionBarPlacement({ x: 400, y: 20, w: 100, h: 100 }, bar, viewport)).toEqual({
      x: 350,
      y: 132,
    })
    expect(selectionBarPlacement({ x: -50, y: 300, w: 100, h: 100 }, bar, viewport)).toEqual({
      x: 8,
      y: 248,
    })
    expect(selectionBarPlacement({ x: -50, y: -50, w: 1100, h: 900 }, bar, viewport)).toEqual({
      x: 400,
      y: 8,
    })
  })

  it('is nowhere when the selection is off screen', () => {
    expect(
      selectionBarPlacement({ x: 1200, y: 300, w: 100, h: 100 }, bar, viewport),
    ).toBeUndefined()
    expect(selectionBarPlacement({ x: 0, y: -300, w: 100, h: 100 }, bar, viewport)).toBeUndefined()
  })
})

describe('tool bar stores', () => {
  it('the selection summary counts what the bar offers and changes only when that does', () => {
    const b = board()
    const [sticky, text, other] = createItems(
      b.doc,
      [
        { kind: 'sticky', x: 0, y: 0, color: 'blue' },
        { kind: 'text', x: 300, y: 0 },
        { kind: 'sticky', x: 600, y: 0 },
      ],
      { actor: ANNE, now: 1 },
    ) as [ItemId, ItemId, ItemId]
    const store = selectionSummaryStore(b.runtime)
    let renders = 0
    const stop = store.subscribe(() => renders++)
    const first = store.getSnapshot()
    expect(first).toMatchObject({ count: 0, busy: false })

    b.runtime.interaction.update({ selection: new Set([sticky, text]) })
    expect(store.getSnapshot()).toMatchObject({
      count: 2,
      stickies: 1,
      arrangeable: 2,
      locked: 0,
      stickyColor: 'blue',
    })
    const chosen = store.getSnapshot()
    // Hovering and moving the pointer change the interaction store, not the summary.
    b.controller.pointerMove(at(10, 10))
    b.controller.pointerMove(at(700, 10))
    expect(store.getSnapshot()).toBe(chosen)

    lockItems(b.doc, [text])
    expect(store.getSnapshot()).toMatchObject({ locked: 1, unlocked: 1, arrangeable: 1 })
    b.runtime.interaction.update({ selection: new Set([sticky, other]) })
    expect(store.getSnapshot().stickyColor).toBeUndefined()

    b.controller.pointerDown(at(50, 50))
    b.controller.pointerMove(at(150, 150))
    expect(store.getSnapshot().busy).toBe(true)
    b.controller.pointerUp(at(150, 150))
    expect(store.getSnapshot().busy).toBe(false)
    expect(renders).toBeGreaterThan(0)
    stop()
  })

  it('selection bounds cover the selected items', () => {
    const b = board()
    createItems(
      b.doc,
      [
        { kind: 'sticky', x: 0, y: 0 },
        { kind: 'sticky', x: 400, y: 300 },
      ],
      { actor: ANNE, now: 1 },
    )
    drag(b.controller, { x: -10, y: -10 }, { x: 900, y: 700 })
    expect(selectionBounds(b.runtime)).toEqual({ x: 0, y: 0, w: 560, h: 460 })
  })

  it('undo state and session facts follow the undo manager and the session', () => {
    const b = board()
    const undo = undoStateStore(b.runtime.undo)
    const facts = sessionFactsStore(b.doc, ANNE.id)
    const stops = [undo.subscribe(() => {}), facts.subscribe(() => {})]
    expect(undo.getSnapshot()).toEqual({ canUndo: false, canRedo: false })
    b.controller.setTool('sticky')
    click(b.controller, 100, 100)
    expect(undo.getSnapshot()).toEqual({ canUndo: true, canRedo: false })
    b.runtime.undo.undo()
    expect(undo.getSnapshot()).toEqual({ canUndo: false, canRedo: true })

    expect(facts.getSnapshot()).toEqual({ votingOpen: false, facilitator: false })
    startSession(b.doc, ANNE)
    startVotingRound(b.doc, ANNE, { budget: 3, anonymous: true, now: 1 })
    expect(facts.getSnapshot()).toEqual({ votingOpen: true, facilitator: true })
    expect(sessionFactsStore(b.doc, BJORN.id).getSnapshot().facilitator).toBe(false)
    for (const stop of stops) stop()
  })
})
