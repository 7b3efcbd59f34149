import { describe, expect, it } from 'vitest'
import type { ItemId } from '../../../../shared/ids'
import { getItem, readAllItems } from '../../../../shared/model/board/items'
import {
  endVotingRound,
  startSession,
  startVotingRound,
} from '../../../../shared/model/board/session'
import { ANNE } from '../../../../shared/model/board/testing'
import { readVoting } from '../../../../shared/model/board/voting'
import { at, click, drag, testBoards, add } from './testRuntime'
import { toolSettings } from './toolSettings'

const board = testBoards()

describe('sticky and text tools', () => {
  it('a click places a sticky centred on the pointer in the last colour, selected, in edit, and goes back to select', () => {
    const b = board()
    toolSettings(b.runtime).stickyColor.set('blue')
    b.controller.setTool('sticky')
    expect(b.controller.cursor.getSnapshot()).toBe('crosshair')
    const updates = b.updatesDuring(() => click(b.controller, 300, 200))
    expect(updates).toBe(1)
    const [made] = readAllItems(b.doc)
    expect(made).toMatchObject({ kind: 'sticky', x: 220, y: 120, color: 'blue', author: 'Anne' })
    const state = b.runtime.interaction.getSnapshot()
    expect(state.selection).toEqual(new Set([made?.id]))
    expect(state.editing).toBe(made?.id)
    expect(state.tool).toBe('select')
  })

  it('a sticky placed in a frame belongs to it; a text is made the same way', () => {
    const b = board()
    const [frame] = add(b, { kind: 'frame', x: 0, y: 0, w: 800, h: 600 })
    b.controller.setTool('sticky')
    click(b.controller, 400, 300)
    b.controller.setTool('text')
    click(b.controller, 900, 700)
    const items = readAllItems(b.doc)
    expect(items.find((item) => item.kind === 'sticky')?.frameId).toBe(frame)
    expect(items.find((item) => item.kind === 'text')).toMatchObject({ x: 780, y: 676 })
    expect(items.find((item) => item.kind === 'text')?.frameId).toBeUndefined()
  })

  it('a double click on the background places a sticky in edit; on a sticky it opens its text', () => {
    const b = board()
    const [existing] = add(b, { kind: 'sticky', x: 0, y: 0 }) as [ItemId]
    b.controller.doubleClick(at(500, 500))
    const made = readAllItems(b.doc).find((item) => item.id !== existing)
    expect(made).toMatchObject({ x: 420, y: 420 })
    expect(b.runtime.interaction.getSnapshot().editing).toBe(made?.id)
    b.controller.doubleClick(at(50, 50))
    expect(b.runtime.interaction.getSnapshot()).toMatchObject({
      editing: existing,
      selection: new Set([existing]),
    })
  })

  it('a double click on a frame’s title edits it; on its body it places a sticky in the frame', () => {
    const b = board()
    const [frame] = add(b, { kind: 'frame', x: 0, y: 0, w: 800, h: 600, text: 'Ideer' }) as [ItemId]
    b.controller.doubleClick(at(100, 20))
    expect(b.runtime.interaction.getSnapshot().editing).toBe(frame)
    expect(readAllItems(b.doc)).toHaveLength(1)
    b.controller.keyDown({
      key: 'Escape',
      code: 'Escape',
      shift: false,
      alt: false,
      mod: false,
      repeat: false,
    })
    b.controller.doubleClick(at(400, 300))
    const made = readAllItems(b.doc).find((item) => item.kind === 'sticky')
    expect(made).toMatchObject({ frameId: frame, x: 320, y: 220 })
    expect(b.runtime.interaction.getSnapshot().editing).toBe(made?.id)
  })
})

describe('frame tool', () => {
  it('a drag draws a frame (previewed), a click makes a default one; then select, its title in edit', () => {
    const b = board({ words: { frameTitle: () => 'Ramme' } })
    b.controller.setTool('frame')
    b.controller.pointerDown(at(100, 100))
    b.controller.pointerMove(at(300, 250))
    expect(b.runtime.interaction.getSnapshot().creating).toEqual({
      kind: 'frame',
      rect: { x: 100, y: 100, w: 200, h: 150 },
    })
    expect(b.updatesDuring(() => b.controller.pointerUp(at(400, 300)))).toBe(1)
    expect(b.runtime.interaction.getSnapshot().creating).toBeUndefined()
    const [drawn] = readAllItems(b.doc)
    expect(drawn).toMatchObject({ kind: 'frame', x: 100, y: 100, w: 300, h: 200, text: 'Ramme' })
    expect(b.runtime.interaction.getSnapshot()).toMatchObject({
      tool: 'select',
      selection: new Set([drawn?.id]),
      editing: drawn?.id,
    })
    // The title is part of the one command: one undo takes the frame away.
    b.runtime.undo.undo()
    expect(readAllItems(b.doc)).toEqual([])
    b.runtime.undo.redo()

    b.controller.setTool('frame')
    click(b.controller, 2000, 2000)
    expect(readAllItems(b.doc).find((item) => item.x === 1680)).toMatchObject({
      kind: 'frame',
      y: 1760,
      w: 640,
      h: 480,
      text: 'Ramme',
    })
  })
})

describe('connector tool', () => {
  it('press on an item, pull to another, release: one connector; released elsewhere, nothing', () => {
    const b = board()
    const [a, c] = add(b, { kind: 'sticky', x: 0, y: 0 }, { kind: 'sticky', x: 400, y: 0 }) as [
      ItemId,
      ItemId,
    ]
    b.controller.setTool('connector')
    b.controller.pointerDown(at(80, 80))
    b.controller.pointerMove(at(250, 80))
    expect(b.runtime.interaction.getSnapshot().connecting).toEqual({
      from: a,
      to: { x: 250, y: 80 },
      target: undefined,
    })
    b.controller.pointerMove(at(450, 80))
    expect(b.runtime.interaction.getSnapshot().connecting?.target).toBe(c)
    expect(b.updatesDuring(() => b.controller.pointerUp(at(450, 80)))).toBe(1)
    expect(b.runtime.interaction.getSnapshot().connecting).toBeUndefined()
    const connector = readAllItems(b.doc).find((item) => item.kind === 'connector')
    expect(connector).toMatchObject({ from: a, to: c })

    expect(b.updatesDuring(() => drag(b.controller, { x: 80, y: 80 }, { x: 900, y: 700 }))).toBe(0)
    expect(b.updatesDuring(() => drag(b.controller, { x: 900, y: 700 }, { x: 80, y: 80 }))).toBe(0)
    expect(b.runtime.interaction.getSnapshot().tool).toBe('connector')
  })
})

describe('vote tool', () => {
  it('gives my dots to stickies within the budget while a round is open; Alt+click takes one back', () => {
    const b = board()
    const [first, second] = add(
      b,
      { kind: 'sticky', x: 0, y: 0 },
      { kind: 'sticky', x: 300, y: 0 },
    ) as [ItemId, ItemId]
    b.controller.setTool('vote')
    expect(b.runtime.interaction.getSnapshot().tool).toBe('select')

    startSession(b.doc, ANNE)
    startVotingRound(b.doc, ANNE, { budget: 3, anonymous: false, now: 1 })
    b.controller.setTool('vote')
    expect(b.runtime.interaction.getSnapshot().tool).toBe('vote')
    click(b.controller, 50, 50)
    click(b.controller, 50, 50)
    click(b.controller, 350, 50)
    // The budget is used up: the fourth dot is refused.
    click(b.controller, 350, 50)
    expect(readVoting(b.doc, ANNE)?.mine).toEqual(
      new Map([
        [first, 2],
        [second, 1],
      ]),
    )
    click(b.controller, 50, 50, { alt: true })
    expect(readVoting(b.doc, ANNE)?.mine.get(first)).toBe(1)
    // Clicks beside the stickies and drags give nothing.
    expect(b.updatesDuring(() => click(b.controller, 700, 700))).toBe(0)
    expect(b.updatesDuring(() => drag(b.controller, { x: 50, y: 50 }, { x: 150, y: 50 }))).toBe(0)
    expect(getItem(b.doc, first)).toMatchObject({ x: 0, y: 0 })

    endVotingRound(b.doc, ANNE, 2)
    expect(b.runtime.interaction.getSnapshot().tool).toBe('select')
  })
})
