import { describe, expect, it } from 'vitest'
import type { ItemId } from '../../../../shared/ids'
import { lockItems } from '../../../../shared/model/board/commands'
import { getItem } from '../../../../shared/model/board/items'
import { worldToScreen } from '../state/camera'
import { handlePoint } from '../state/handles'
import { at, click, drag, testBoards, add, sticky, selection } from './testRuntime'

const board = testBoards()

describe('select tool: clicks and marquee', () => {
  it('a click selects the top-most item, Shift+click adds and takes out, the background clears', () => {
    const b = board()
    const [below, above, other] = add(b, sticky(0, 0), sticky(100, 100), sticky(400, 0))
    click(b.controller, 150, 150)
    expect(selection(b)).toEqual([above])
    click(b.controller, 50, 50)
    expect(selection(b)).toEqual([below])
    click(b.controller, 450, 50, { shift: true })
    expect(selection(b)).toEqual([below, other])
    click(b.controller, 450, 50, { shift: true })
    expect(selection(b)).toEqual([below])
    click(b.controller, 800, 700)
    expect(selection(b)).toEqual([])
  })

  it('a click on one item of a selection keeps only that one; a press keeps all (to drag them)', () => {
    const b = board()
    const [first, second] = add(b, sticky(0, 0), sticky(300, 0))
    b.runtime.interaction.update({ selection: new Set([first, second]) as Set<ItemId> })
    b.controller.pointerDown(at(350, 50))
    expect(selection(b)).toEqual([first, second])
    b.controller.pointerUp(at(350, 50))
    expect(selection(b)).toEqual([second])
  })

  it('a background drag draws a marquee that selects what it touches; Shift adds to the selection', () => {
    const b = board()
    const [a, c, far] = add(b, sticky(0, 0), sticky(200, 0), sticky(600, 600))
    b.controller.pointerDown(at(-20, -20))
    b.controller.pointerMove(at(100, 100))
    expect(b.runtime.interaction.getSnapshot().marquee).toEqual({ x: -20, y: -20, w: 120, h: 120 })
    expect(selection(b)).toEqual([a])
    b.controller.pointerMove(at(250, 100))
    b.controller.pointerUp(at(250, 100))
    expect(b.runtime.interaction.getSnapshot().marquee).toBeUndefined()
    expect(new Set(selection(b))).toEqual(new Set([a, c]))
    drag(b.controller, { x: 550, y: 550 }, { x: 650, y: 650 }, { shift: true })
    expect(new Set(selection(b))).toEqual(new Set([a, c, far]))
  })

  it('a marquee inside a frame picks its stickies, not the frame; a click on its body selects it', () => {
    const b = board()
    const [frame] = add(b, { kind: 'frame', x: 0, y: 0, w: 800, h: 600 })
    const [inside] = add(b, sticky(100, 200, { frameId: frame }))
    drag(b.controller, { x: 50, y: 150 }, { x: 400, y: 450 })
    expect(selection(b)).toEqual([inside])
    click(b.controller, 600, 500)
    expect(selection(b)).toEqual([frame])
  })

  it('Esc during a marquee restores the selection it started from', () => {
    const b = board()
    const [first] = add(b, sticky(0, 0), sticky(300, 300))
    click(b.controller, 50, 50)
    b.controller.pointerDown(at(250, 250, { shift: true }))
    b.controller.pointerMove(at(600, 600, { shift: true }))
    expect(selection(b)).toHaveLength(2)
    expect(
      b.controller.keyDown({
        key: 'Escape',
        code: 'Escape',
        shift: false,
        alt: false,
        mod: false,
        repeat: false,
      }),
    ).toBe(true)
    expect(selection(b)).toEqual([first])
    expect(b.runtime.interaction.getSnapshot().marquee).toBeUndefined()
  })
})

describe('select tool: moving', () => {
  it('a drag previews the move here and for others, and writes exactly one update on the drop', () => {
    const b = board()
    const [id] = add(b, sticky(0, 0)) as [ItemId]
    b.frame()
    let updates = 0
    b.doc.on('update', () => updates++)
    b.controller.pointerDown(at(50, 50))
    b.controller.pointerMove(at(52, 51))
    // Within the 3 px threshold: still a click.
    expect(b.runtime.interaction.getSnapshot().drag).toBeUndefined()
    for (let x = 60; x <= 250; x += 10) b.controller.pointerMove(at(x, x))
    expect(b.runtime.interaction.getSnapshot().drag).toEqual({
      ids: new Set([id]),
      dx: 200,
      dy: 200,
    })
    b.frame()
    expect(b.sent().drag).toEqual({ ids: [id], dx: 200, dy: 200 })
    expect(b.sent().cursor).toEqual({ x: 250, y: 250 })
    expect(updates).toBe(0)
    b.controller.pointerUp(at(250, 250))
    expect(updates).toBe(1)
    expect(getItem(b.doc, id)).toMatchObject({ x: 200, y: 200 })
    expect(b.runtime.interaction.getSnapshot().drag).toBeUndefined()
    // The drop is sent at once (flush), not a frame later.
    expect(b.sent().drag).toBeNull()
  })

  it('dragging a frame by its header carries the stickies inside it, in the preview and the drop', () => {
    const b = board()
    const [frame] = add(b, { kind: 'frame', x: 0, y: 0, w: 600, h: 400 }) as [ItemId]
    const [inside, outside] = add(b, sticky(100, 100, { frameId: frame }), sticky(800, 100)) as [
      ItemId,
      ItemId,
    ]
    b.controller.pointerDown(at(300, 20))
    b.controller.pointerMove(at(340, 60))
    expect(b.runtime.interaction.getSnapshot().drag?.ids).toEqual(new Set([frame, inside]))
    const updates = b.updatesDuring(() => b.controller.pointerUp(at(400, 120)))
    expect(updates).toBe(1)
    expect(getItem(b.doc, frame)).toMatchObject({ x: 100, y: 100 })
    expect(getItem(b.doc, inside)).toMatchObject({ x: 200, y: 200, frameId: frame })
    expect(getItem(b.doc, outside)).toMatchObject({ x: 800, y: 100 })
  })

  it('a sticky dragged into a frame joins it', () => {
    const b = board()
    const [frame] = add(b, { kind: 'frame', x: 400, y: 0, w: 600, h: 600 }) as [ItemId]
    const [id] = add(b, sticky(0, 0)) as [ItemId]
    drag(b.controller, { x: 50, y: 50 }, { x: 550, y: 250 })
    expect(getItem(b.doc, id)?.frameId).toBe(frame)
  })

  it('locked items stay; a selection of only locked items does not move or write', () => {
    const b = board()
    const [locked, free] = add(b, sticky(0, 0), sticky(200, 0)) as [ItemId, ItemId]
    lockItems(b.doc, [locked])
    click(b.controller, 50, 50)
    expect(b.updatesDuring(() => drag(b.controller, { x: 50, y: 50 }, { x: 150, y: 350 }))).toBe(0)
    expect(getItem(b.doc, locked)).toMatchObject({ x: 0, y: 0 })
    b.runtime.interaction.update({ selection: new Set([locked, free]) })
    drag(b.controller, { x: 250, y: 50 }, { x: 250, y: 150 })
    expect(getItem(b.doc, locked)).toMatchObject({ x: 0, y: 0 })
    expect(getItem(b.doc, free)).toMatchObject({ x: 200, y: 100 })
  })

  it('drags in world units at any zoom', () => {
    const b = board({ camera: { x: 100, y: 100, zoom: 2 } })
    const [id] = add(b, sticky(100, 100)) as [ItemId]
    drag(b.controller, { x: 20, y: 20 }, { x: 120, y: 220 })
    expect(getItem(b.doc, id)).toMatchObject({ x: 150, y: 200 })
  })
})

describe('select tool: resizing', () => {
  it('the handles of one selected item resize it, previewed, in one update; Shift keeps the aspect', () => {
    const b = board()
    const [id] = add(b, sticky(100, 100)) as [ItemId]
    click(b.controller, 150, 150)
    const se = handlePoint({ x: 100, y: 100, w: 160, h: 160 }, 'se')
    b.controller.pointerDown(at(se.x, se.y))
    b.controller.pointerMove(at(se.x + 40, se.y + 10))
    expect(b.runtime.interaction.getSnapshot().resize).toEqual({
      id,
      rect: { x: 100, y: 100, w: 200, h: 170 },
    })
    expect(b.updatesDuring(() => b.controller.pointerUp(at(se.x + 40, se.y + 10)))).toBe(1)
    expect(getItem(b.doc, id)).toMatchObject({ x: 100, y: 100, w: 200, h: 170 })
    expect(b.runtime.interaction.getSnapshot().resize).toBeUndefined()

    const corner = handlePoint({ x: 100, y: 100, w: 200, h: 170 }, 'se')
    drag(b.controller, corner, { x: corner.x + 200, y: corner.y }, { shift: true })
    expect(getItem(b.doc, id)).toMatchObject({ w: 400, h: 340 })
  })

  it('handles sit on screen: at 50 % zoom the handle is where the item is drawn', () => {
    const b = board({ camera: { x: 0, y: 0, zoom: 0.5 } })
    const [id] = add(b, { kind: 'text', x: 200, y: 200, w: 400, h: 100 }) as [ItemId]
    click(b.controller, 150, 125)
    const screen = worldToScreen(b.runtime.camera.getSnapshot(), { x: 600, y: 250 })
    drag(b.controller, screen, { x: screen.x + 50, y: screen.y })
    expect(getItem(b.doc, id)).toMatchObject({ x: 200, w: 500 })
  })

  it('no handles for two selected items, a connector or a locked item', () => {
    const b = board()
    const [one, two] = add(b, sticky(0, 0), sticky(300, 0)) as [ItemId, ItemId]
    b.runtime.interaction.update({ selection: new Set([one, two]) })
    // Dragging from the first one's corner moves both instead.
    drag(b.controller, { x: 158, y: 158 }, { x: 208, y: 158 })
    expect(getItem(b.doc, one)).toMatchObject({ x: 50, w: 160 })
    expect(getItem(b.doc, two)).toMatchObject({ x: 350, w: 160 })
  })
})

describe('hand, middle button, space, wheel, pinch', () => {
  it('the hand tool, the middle button and Space+drag pan without writing', () => {
    const b = board()
    add(b, sticky(0, 0))
    b.controller.setTool('hand')
    expect(b.updatesDuring(() => drag(b.controller, { x: 50, y: 50 }, { x: 150, y: 80 }))).toBe(0)
    expect(b.runtime.camera.getSnapshot()).toEqual({ x: -100, y: -30, zoom: 1 })
    b.controller.setTool('select')
    drag(b.controller, { x: 50, y: 50 }, { x: 60, y: 50 }, { button: 1 })
    expect(b.runtime.camera.getSnapshot().x).toBe(-110)
    expect(
      b.controller.keyDown({
        key: ' ',
        code: 'Space',
        shift: false,
        alt: false,
        mod: false,
        repeat: false,
      }),
    ).toBe(true)
    expect(b.runtime.interaction.getSnapshot().panning).toBe(true)
    expect(b.updatesDuring(() => drag(b.controller, { x: 120, y: 120 }, { x: 130, y: 120 }))).toBe(
      0,
    )
    expect(b.runtime.camera.getSnapshot().x).toBe(-120)
    b.controller.keyUp({
      key: ' ',
      code: 'Space',
      shift: false,
      alt: false,
      mod: false,
      repeat: false,
    })
    expect(b.runtime.interaction.getSnapshot().panning).toBe(false)
  })

  it('one finger on the background pans, on an item it drags it; two fingers pinch', () => {
    const b = board()
    const [id] = add(b, sticky(0, 0)) as [ItemId]
    const touch = { pointerType: 'touch' as const }
    drag(b.controller, { x: 500, y: 500 }, { x: 450, y: 500 }, touch)
    expect(b.runtime.camera.getSnapshot()).toMatchObject({ x: 50, y: 0 })
    drag(b.controller, { x: 0, y: 50 }, { x: 20, y: 50 }, touch)
    expect(getItem(b.doc, id)).toMatchObject({ x: 20, y: 0 })

    b.runtime.camera.set({ x: 0, y: 0, zoom: 1 })
    b.controller.pointerDown(at(400, 400, { ...touch, pointerId: 1 }))
    b.controller.pointerDown(at(600, 400, { ...touch, pointerId: 2 }))
    b.controller.pointerMove(at(300, 400, { ...touch, pointerId: 1 }))
    b.controller.pointerMove(at(700, 400, { ...touch, pointerId: 2 }))
    // Spread doubled about (500, 400): that point stays put, the zoom doubles.
    expect(b.runtime.camera.getSnapshot()).toEqual({ x: 250, y: 200, zoom: 2 })
    b.controller.pointerUp(at(300, 400, { ...touch, pointerId: 1 }))
    b.controller.pointerMove(at(200, 400, { ...touch, pointerId: 2 }))
    b.controller.pointerUp(at(200, 400, { ...touch, pointerId: 2 }))
    expect(b.runtime.camera.getSnapshot()).toEqual({ x: 250, y: 200, zoom: 2 })
  })

  it('a Ctrl+wheel zooms keeping the point under the pointer; a wheel pans, Shift sideways', () => {
    const b = board({ camera: { x: 10, y: 20, zoom: 1 } })
    const before = { x: 10 + 300, y: 20 + 200 }
    expect(
      b.updatesDuring(() => b.controller.wheel({ x: 300, y: 200, dx: 0, dy: -10, mod: true })),
    ).toBe(0)
    const zoomed = b.runtime.camera.getSnapshot()
    expect(zoomed.zoom).toBeCloseTo(Math.exp(0.1))
    expect(zoomed.x + 300 / zoomed.zoom).toBeCloseTo(before.x)
    expect(zoomed.y + 200 / zoomed.zoom).toBeCloseTo(before.y)
    // A mouse notch is one step, not a leap.
    b.controller.wheel({ x: 300, y: 200, dx: 0, dy: 100, mod: true })
    expect(b.runtime.camera.getSnapshot().zoom).toBeGreaterThan(zoomed.zoom * 0.75)

    b.runtime.camera.set({ x: 0, y: 0, zoom: 2 })
    b.controller.wheel({ x: 0, y: 0, dx: 10, dy: 40, mod: false })
    expect(b.runtime.camera.getSnapshot()).toEqual({ x: 5, y: 20, zoom: 2 })
    b.controller.wheel({ x: 0, y: 0, dx: 0, dy: 40, mod: false, shift: true })
    expect(b.runtime.camera.getSnapshot()).toEqual({ x: 25, y: 20, zoom: 2 })
  })
})

describe('presence', () => {
  it('sends my cursor in world units, my view when the camera or size changes, my selection', () => {
    const b = board({ camera: { x: 100, y: 0, zoom: 2 } })
    const [id] = add(b, sticky(100, 0)) as [ItemId]
    b.frame()
    expect(b.sent().view).toEqual({ x: 100, y: 0, w: 500, h: 400 })
    b.controller.pointerMove(at(40, 60))
    b.frame()
    expect(b.sent().cursor).toEqual({ x: 120, y: 30 })
    b.runtime.size.set({ width: 400, height: 400 })
    b.frame()
    expect(b.sent().view).toEqual({ x: 100, y: 0, w: 200, h: 200 })
    click(b.controller, 40, 60)
    b.frame()
    expect(b.sent().selection).toEqual([id])
    b.controller.pointerCancel()
    b.frame()
    expect(b.sent().cursor).toBeNull()
  })

  it('hover follows the pointer over items', () => {
    const b = board()
    const [id] = add(b, sticky(0, 0)) as [ItemId]
    b.controller.pointerMove(at(10, 10))
    expect(b.runtime.interaction.getSnapshot().hover).toBe(id)
    b.controller.pointerMove(at(500, 10))
    expect(b.runtime.interaction.getSnapshot().hover).toBeUndefined()
  })
})
