import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import { createItems, setItemColor } from '../../../../shared/model/board/commands'
import { getItem, readAllItems } from '../../../../shared/model/board/items'
import { BJORN, syncReplicas } from '../../../../shared/model/board/testing'
import { FIT_PADDING } from '../canvas/wholeBoard'
import { at, click, drag, key, testBoards, add, sticky, selection } from './testRuntime'

const board = testBoards()

describe('keys on the selection', () => {
  it('arrows move the selection one screen pixel (Shift: ten); a held arrow is one undo step', () => {
    const b = board({ camera: { x: 0, y: 0, zoom: 2 } })
    const [id] = add(b, sticky(0, 0)) as [ItemId]
    click(b.controller, 10, 10)
    expect(b.controller.keyDown(key('ArrowRight'))).toBe(true)
    expect(getItem(b.doc, id)).toMatchObject({ x: 0.5, y: 0 })
    b.controller.keyDown(key('ArrowDown', { shift: true }))
    expect(getItem(b.doc, id)).toMatchObject({ x: 0.5, y: 5 })
    b.controller.keyDown(key('ArrowLeft', { repeat: false }))
    b.controller.keyDown(key('ArrowLeft', { repeat: true }))
    b.controller.keyDown(key('ArrowLeft', { repeat: true }))
    expect(getItem(b.doc, id)?.x).toBe(-1)
    b.controller.keyDown(key('z', { mod: true }))
    expect(getItem(b.doc, id)).toMatchObject({ x: 0.5, y: 5 })
  })

  it('arrows with nothing selected move the view instead, writing nothing', () => {
    const b = board()
    add(b, sticky(0, 0))
    expect(b.updatesDuring(() => b.controller.keyDown(key('ArrowRight')))).toBe(0)
    expect(b.runtime.camera.getSnapshot()).toEqual({ x: 64, y: 0, zoom: 1 })
    b.controller.keyDown(key('ArrowUp', { shift: true }))
    expect(b.runtime.camera.getSnapshot()).toEqual({ x: 64, y: -256, zoom: 1 })
  })

  it('Delete removes the selection and Mod+D duplicates it, selecting the copies', () => {
    const b = board()
    const [one, two] = add(b, sticky(0, 0), sticky(300, 0)) as [ItemId, ItemId]
    b.runtime.interaction.update({ selection: new Set([one, two]) })
    expect(b.controller.keyDown(key('d', { mod: true }))).toBe(true)
    const copies = selection(b)
    expect(copies).toHaveLength(2)
    expect(copies).not.toContain(one)
    expect(getItem(b.doc, copies[0] as ItemId)).toMatchObject({ x: 24, y: 24 })
    expect(b.updatesDuring(() => b.controller.keyDown(key('Delete')))).toBe(1)
    expect(selection(b)).toEqual([])
    expect(
      readAllItems(b.doc)
        .map((item) => item.id)
        .sort(),
    ).toEqual([one, two].sort())
    click(b.controller, 50, 50)
    b.controller.keyDown(key('Backspace'))
    expect(getItem(b.doc, one)).toBeUndefined()
  })

  it('undo takes back my own gestures one at a time, never a second replica’s edit', () => {
    const b = board()
    const [id] = add(b, sticky(0, 0)) as [ItemId]
    const theirs = new Y.Doc()
    syncReplicas(b.doc, theirs)

    drag(b.controller, { x: 50, y: 50 }, { x: 150, y: 50 })
    // Another person recolours the same sticky in between.
    setItemColor(theirs, [id], 'pink')
    syncReplicas(b.doc, theirs)
    b.controller.keyDown(key('ArrowDown'))
    b.controller.keyDown(key('d', { mod: true }))
    const copy = selection(b)[0] as ItemId

    b.controller.keyDown(key('z', { mod: true }))
    expect(getItem(b.doc, copy)).toBeUndefined()
    // The copy was selected: undo leaves no selection of an item that is gone.
    expect(selection(b)).toEqual([])
    b.controller.keyDown(key('z', { mod: true }))
    expect(getItem(b.doc, id)).toMatchObject({ x: 100, y: 0 })
    b.controller.keyDown(key('z', { mod: true }))
    expect(getItem(b.doc, id)).toMatchObject({ x: 0, y: 0, color: 'pink' })
    b.controller.keyDown(key('z', { mod: true, shift: true }))
    expect(getItem(b.doc, id)).toMatchObject({ x: 100, y: 0, color: 'pink' })
    b.controller.keyDown(key('y', { mod: true }))
    expect(getItem(b.doc, id)).toMatchObject({ x: 100, y: 1 })
    syncReplicas(b.doc, theirs)
    expect(getItem(theirs, id)).toMatchObject({ x: 100, y: 1, color: 'pink' })
  })

  it('Mod+A selects everything; Esc cancels a gesture, then clears the selection', () => {
    const b = board()
    const ids = add(b, sticky(0, 0), sticky(3000, 3000), { kind: 'frame', x: -500, y: -500 })
    expect(b.controller.keyDown(key('a', { mod: true }))).toBe(true)
    expect(new Set(selection(b))).toEqual(new Set(ids))
    b.controller.pointerDown(at(50, 50))
    b.controller.pointerMove(at(150, 150))
    expect(b.runtime.interaction.getSnapshot().drag).toBeDefined()
    expect(b.controller.keyDown(key('Escape'))).toBe(true)
    expect(b.runtime.interaction.getSnapshot().drag).toBeUndefined()
    expect(selection(b)).toHaveLength(3)
    // The release after a cancelled drag writes nothing.
    expect(b.updatesDuring(() => b.controller.pointerUp(at(150, 150)))).toBe(0)
    b.controller.keyDown(key('Escape'))
    expect(selection(b)).toEqual([])
    expect(b.controller.keyDown(key('Escape'))).toBe(false)
  })

  it('Enter edits a selected sticky; while editing, keys are the editor’s except Esc', () => {
    const b = board()
    const [id] = add(b, sticky(0, 0)) as [ItemId]
    click(b.controller, 50, 50)
    expect(b.controller.keyDown(key('Enter'))).toBe(true)
    expect(b.runtime.interaction.getSnapshot().editing).toBe(id)
    for (const name of ['Delete', 'Backspace', 'v', 's', 'ArrowLeft', 'Tab', ' ']) {
      expect(b.controller.keyDown(key(name))).toBe(false)
    }
    expect(b.controller.keyDown(key('a', { mod: true }))).toBe(false)
    expect(getItem(b.doc, id)).toMatchObject({ x: 0 })
    expect(b.controller.keyDown(key('Escape'))).toBe(true)
    expect(b.runtime.interaction.getSnapshot()).toMatchObject({
      editing: undefined,
      selection: new Set([id]),
    })
  })

  it('tool keys without modifiers; zoom keys', () => {
    const b = board()
    add(b, sticky(1000, 1000), sticky(3000, 2000))
    const tools: [string, string][] = [
      ['h', 'hand'],
      ['s', 'sticky'],
      ['t', 'text'],
      ['f', 'frame'],
      ['c', 'connector'],
      ['v', 'select'],
    ]
    for (const [name, tool] of tools) {
      expect(b.controller.keyDown(key(name))).toBe(true)
      expect(b.runtime.interaction.getSnapshot().tool).toBe(tool)
    }
    expect(b.controller.keyDown(key('s', { alt: true }))).toBe(false)
    expect(b.runtime.interaction.getSnapshot().tool).toBe('select')

    b.controller.keyDown(key('+'))
    expect(b.runtime.camera.getSnapshot().zoom).toBe(1.25)
    b.controller.keyDown(key('-'))
    expect(b.runtime.camera.getSnapshot().zoom).toBe(1)
    // Shift+1: everything in view.
    b.controller.keyDown({ ...key('!', { shift: true }), code: 'Digit1' })
    const fit = b.runtime.camera.getSnapshot()
    expect(fit.zoom).toBeLessThan(0.5)
    expect(fit.x).toBeLessThanOrEqual(1000)
    expect(fit.x + 1000 / fit.zoom).toBeGreaterThanOrEqual(3160)
    // With the room the fit button leaves: the tool rail does not cover the left edge.
    expect((1000 - fit.x) * fit.zoom).toBeGreaterThanOrEqual(FIT_PADDING - 0.01)
    b.controller.keyDown(key('0', { mod: true }))
    expect(b.runtime.camera.getSnapshot().zoom).toBe(1)
    // Exactly 100 %, also from a zoom whose inverse does not multiply back to 1, with the
    // middle of the view kept.
    b.runtime.camera.set({ x: 10, y: 20, zoom: 0.042 })
    b.controller.keyDown(key('0', { mod: true }))
    expect(b.runtime.camera.getSnapshot()).toEqual({
      x: 10 + 500 / 0.042 - 500,
      y: 20 + 400 / 0.042 - 400,
      zoom: 1,
    })
  })
})

describe('Tab', () => {
  it('walks items in reading order, a frame’s contents after the frame, and pans each on screen', () => {
    const b = board()
    const [frame] = add(b, { kind: 'frame', x: 0, y: 200, w: 600, h: 800 }) as [ItemId]
    const [title, inFrameLow, inFrameHigh, right, farRight] = add(
      b,
      { kind: 'text', x: 0, y: 0, w: 400, h: 60 },
      sticky(40, 500, { frameId: frame }),
      sticky(300, 290, { frameId: frame }),
      // Not level with the frame's top, but above its middle: the same row.
      sticky(800, 230),
      sticky(5000, 210),
    )
    const order: (ItemId | undefined)[] = []
    for (let i = 0; i < 6; i++) {
      expect(b.controller.keyDown(key('Tab'))).toBe(true)
      order.push(selection(b)[0])
    }
    expect(order).toEqual([title, frame, inFrameHigh, inFrameLow, right, farRight])
    // The last one was brought on screen.
    const camera = b.runtime.camera.getSnapshot()
    expect(camera.x).toBeGreaterThan(4000)
    expect(camera.x + 1000).toBeGreaterThanOrEqual(5160)
    // Past the end, Tab leaves the canvas (nothing selected, the browser moves focus on).
    expect(b.controller.keyDown(key('Tab'))).toBe(false)
    expect(selection(b)).toEqual([])
    expect(b.controller.keyDown(key('Tab', { shift: true }))).toBe(true)
    expect(selection(b)).toEqual([farRight])
    b.controller.keyDown(key('Tab', { shift: true }))
    expect(selection(b)).toEqual([right])
  })
})

describe('view-only and present mode', () => {
  it('a view-only guest selects, pans and zooms, and writes nothing', () => {
    const b = board({ viewOnly: true })
    const theirs = createItems(b.doc, [sticky(0, 0), sticky(300, 0)], { actor: BJORN, now: 1 })
    const [id] = theirs as [ItemId]
    const updates = b.updatesDuring(() => {
      click(b.controller, 50, 50)
      drag(b.controller, { x: 50, y: 50 }, { x: 250, y: 250 })
      drag(b.controller, { x: 600, y: 600 }, { x: 650, y: 650 })
      b.controller.doubleClick(at(700, 700))
      b.controller.doubleClick(at(50, 50))
      for (const name of ['Delete', 'Backspace', 'ArrowLeft', 'Enter'])
        b.controller.keyDown(key(name))
      b.controller.keyDown(key('d', { mod: true }))
      b.controller.keyDown(key('z', { mod: true }))
      for (const name of ['s', 't', 'f', 'c']) {
        b.controller.keyDown(key(name))
        click(b.controller, 800, 100)
      }
      b.controller.setTool('sticky')
      click(b.controller, 800, 100)
      b.controller.wheel({ x: 10, y: 10, dx: 0, dy: -20, mod: true })
      b.controller.keyDown(key('a', { mod: true }))
    })
    expect(updates).toBe(0)
    expect(getItem(b.doc, id)).toMatchObject({ x: 0, y: 0 })
    expect(b.runtime.interaction.getSnapshot().editing).toBeUndefined()
    expect(b.runtime.interaction.getSnapshot().tool).toBe('select')
    expect(new Set(selection(b))).toEqual(new Set(theirs))
    expect(b.runtime.camera.getSnapshot().zoom).toBeGreaterThan(1)
    b.controller.keyDown(key('h'))
    drag(b.controller, { x: 500, y: 500 }, { x: 400, y: 500 })
    expect(b.runtime.interaction.getSnapshot().tool).toBe('hand')
  })

  it('present mode starting mid-drag cancels it and leaves the tools that only look', () => {
    const b = board()
    add(b, sticky(0, 0))
    b.controller.setTool('select')
    b.controller.pointerDown(at(50, 50))
    b.controller.pointerMove(at(150, 150))
    b.runtime.presenting.set(true)
    expect(b.runtime.interaction.getSnapshot().drag).toBeUndefined()
    expect(b.updatesDuring(() => b.controller.pointerUp(at(150, 150)))).toBe(0)
  })
})
