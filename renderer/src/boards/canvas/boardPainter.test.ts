import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import { createItems } from '../../../../shared/model/board/commands'
import { fillBoard } from '../../../../shared/model/board/fixtures'
import { ANNE } from '../../../../shared/model/board/testing'
import { createBoardScene, type BoardScene } from '../state/boardScene'
import { EMPTY_BOARD_PRESENCE, type BoardPeer } from '../state/boardPresence'
import type { Camera } from '../state/camera'
import { INITIAL_INTERACTION, type Interaction } from '../state/interaction'
import { createBoardPainter, type BoardFrame } from './boardPainter'
import { readPalette } from './palette'
import { createRecordingContext } from './recordingContext'

const SIZE = { width: 800, height: 600 }
const PALETTE = readPalette(() => '', false)

function frame(scene: BoardScene, change: Partial<BoardFrame> = {}): BoardFrame {
  return {
    camera: { x: 0, y: 0, zoom: 1 },
    size: SIZE,
    dpr: 1,
    palette: PALETTE,
    scene,
    interaction: INITIAL_INTERACTION,
    peers: [],
    votes: new Map(),
    presenting: false,
    canEdit: true,
    imageLabel: 'Image',
    picture: () => undefined,
    ...change,
  }
}

function boardWith(items: Parameters<typeof createItems>[1]): {
  scene: BoardScene
  ids: ItemId[]
  doc: Y.Doc
} {
  const doc = new Y.Doc()
  const ids = createItems(doc, items, { actor: ANNE, now: 1 })
  return { scene: createBoardScene(doc, ANNE), ids, doc }
}

function paint(scene: BoardScene, change: Partial<BoardFrame> = {}) {
  const ctx = createRecordingContext()
  const painter = createBoardPainter()
  const stats = painter.paint(ctx, frame(scene, change))
  return { ctx, stats, painter }
}

describe('board painter', () => {
  it('culls items outside the viewport: a 5,000-sticky board draws what is on screen', () => {
    const doc = new Y.Doc()
    fillBoard(doc, { stickies: 5000 })
    const scene = createBoardScene(doc, ANNE)
    const { ctx, stats } = paint(scene, { camera: { x: 0, y: 0, zoom: 1 } })
    // 800 × 600 at 100 % holds a few dozen stickies of one frame, not the board.
    expect(stats.items).toBeGreaterThan(5)
    expect(stats.items).toBeLessThan(60)
    const ideas = ctx.texts().filter((text) => text.includes('idé'))
    expect(ideas.length).toBeGreaterThan(0)
    expect(ideas.length).toBeLessThan(60)
  })

  it('draws no text below the text level of detail, grey bars instead', () => {
    const { scene } = boardWith([
      { kind: 'sticky', x: 0, y: 0, text: 'spillvarme og bark til tørking av flis' },
    ])
    const near = paint(scene, { camera: { x: 0, y: 0, zoom: 1 } })
    expect(near.ctx.texts().join(' ')).toContain('spillvarme')
    const far = paint(scene, { camera: { x: 0, y: 0, zoom: 0.2 } })
    expect(far.ctx.texts().join(' ')).not.toContain('spillvarme')
    expect(far.ctx.named('fillText')).toHaveLength(0)
    // Fill, shadow and at least one bar.
    expect(far.ctx.named('fillRect').length).toBeGreaterThanOrEqual(4)
  })

  it('draws plain rectangles without shadows below 10 %, one path per colour', () => {
    const { scene } = boardWith([
      { kind: 'sticky', x: 0, y: 0, text: 'a', color: 'blue' },
      { kind: 'sticky', x: 200, y: 0, text: 'b', color: 'green' },
      { kind: 'sticky', x: 400, y: 0, text: 'c', color: 'blue' },
    ])
    const { ctx } = paint(scene, { camera: { x: 0, y: 0, zoom: 0.05 } })
    // The background only: no shadows, no bars; the stickies as rectangles of two paths.
    expect(ctx.named('fillRect')).toHaveLength(1)
    expect(ctx.named('rect').filter((call) => call.args[2] === 160)).toHaveLength(3)
    expect(ctx.named('fill').map((call) => call.fillStyle)).toEqual(['#93c5fd', '#86efac'])
    expect(ctx.named('fillText')).toHaveLength(0)
  })

  it('measures a text once: the next frame reuses the layout', () => {
    const { scene } = boardWith([{ kind: 'sticky', x: 0, y: 0, text: 'felles innkjøp av flis' }])
    const ctx = createRecordingContext()
    const painter = createBoardPainter()
    painter.paint(ctx, frame(scene))
    const measured = ctx.measured
    expect(measured).toBeGreaterThan(0)
    painter.paint(ctx, frame(scene, { camera: { x: 10, y: 5, zoom: 1 } }))
    expect(ctx.measured).toBe(measured)
  })

  it('lays out a bounded number of new texts per frame, the rest in the next frames', () => {
    const stickies = Array.from({ length: 300 }, (_, i) => ({
      kind: 'sticky' as const,
      x: (i % 20) * 170,
      y: Math.floor(i / 20) * 170,
      text: `idé nummer ${i}`,
    }))
    const { scene } = boardWith(stickies)
    const ctx = createRecordingContext()
    const painter = createBoardPainter()
    const view = frame(scene, {
      camera: { x: 0, y: 0, zoom: 0.4 },
      size: { width: 1400, height: 1100 },
    })
    const first = painter.paint(ctx, view)
    expect(first.items).toBe(300)
    expect(first.incomplete).toBe(true)
    let paints = 1
    while (painter.paint(ctx, view).incomplete) paints++
    expect(paints).toBeGreaterThan(1)
    expect(paints).toBeLessThan(5)
    const last = createRecordingContext()
    painter.paint(last, view)
    expect(last.texts().filter((text) => text.startsWith('idé'))).toHaveLength(300)
  })

  it('leaves out the text of the item being edited (the editor shows it)', () => {
    const { scene, ids } = boardWith([{ kind: 'sticky', x: 0, y: 0, text: 'under arbeid' }])
    const editing: Interaction = { ...INITIAL_INTERACTION, editing: ids[0] }
    expect(paint(scene).ctx.texts().join(' ')).toContain('under arbeid')
    expect(paint(scene, { interaction: editing }).ctx.texts().join(' ')).not.toContain(
      'under arbeid',
    )
  })

  it('draws a dragged sticky at its preview position, even from off screen', () => {
    const { scene, ids } = boardWith([{ kind: 'sticky', x: 2000, y: 0, text: 'på vei' }])
    const id = ids[0] as ItemId
    expect(paint(scene).stats.items).toBe(0)
    const interaction: Interaction = {
      ...INITIAL_INTERACTION,
      drag: { ids: new Set([id]), dx: -1900, dy: 100 },
    }
    const { ctx, stats } = paint(scene, { interaction })
    expect(stats.items).toBe(1)
    // The sticky's fill lands at x = 100, y = 100.
    const fill = ctx.named('fillRect').find((call) => call.fillStyle === '#fde68a')
    expect(fill?.args.slice(0, 2)).toEqual([100, 100])
  })

  it('moves items someone else drags, and connectors follow them', () => {
    const { scene, ids, doc } = boardWith([
      { kind: 'sticky', x: 0, y: 0, text: 'a' },
      { kind: 'sticky', x: 400, y: 0, text: 'b' },
    ])
    const [a, b] = ids as [ItemId, ItemId]
    createItems(doc, [{ kind: 'connector', x: 0, y: 0, from: a, to: b }], { actor: ANNE, now: 2 })
    const peer: BoardPeer = {
      clientId: 7,
      name: 'Bjørn',
      color: '#0ea5e9',
      company: '',
      note: null,
      isSelf: false,
      personId: 'u-bjorn',
      board: { ...EMPTY_BOARD_PRESENCE, drag: { ids: [b], dx: 0, dy: 200 } },
    }
    const { ctx } = paint(scene, { peers: [peer] })
    const fills = ctx.named('fillRect').filter((call) => call.fillStyle === '#fde68a')
    expect(fills.map((call) => call.args.slice(0, 2))).toContainEqual([400, 200])
    // The line ends on the moved sticky's left side (y = 200 + 80), not where it was.
    const ends = ctx.named('lineTo').map((call) => call.args)
    expect(ends).toContainEqual([400, 280])
  })

  it("draws others' cursors with their name, and my selection's handles", () => {
    const { scene, ids } = boardWith([{ kind: 'sticky', x: 100, y: 100, text: 'valgt' }])
    const peer: BoardPeer = {
      clientId: 9,
      name: 'Cari Løvås',
      color: '#e11d48',
      company: '',
      note: null,
      isSelf: false,
      personId: 'u-cari',
      board: { ...EMPTY_BOARD_PRESENCE, cursor: { x: 300, y: 300 } },
    }
    const interaction: Interaction = {
      ...INITIAL_INTERACTION,
      selection: new Set([ids[0] as ItemId]),
    }
    const { ctx } = paint(scene, { peers: [peer], interaction })
    expect(ctx.texts()).toContain('Cari Løvås')
    // Eight handles around a 160 × 160 sticky at 100 %.
    expect(ctx.named('strokeRect').filter((call) => call.args[2] === 9)).toHaveLength(8)
    const presenting = paint(scene, { peers: [peer], interaction, presenting: true }).ctx
    expect(presenting.named('strokeRect').filter((call) => call.args[2] === 9)).toHaveLength(0)
  })

  it('previews gestures: marquee, a frame being drawn, a connector being pulled', () => {
    const { scene, ids } = boardWith([
      { kind: 'sticky', x: 0, y: 0 },
      { kind: 'sticky', x: 400, y: 0 },
    ])
    const [a, b] = ids as [ItemId, ItemId]
    const marquee = paint(scene, {
      interaction: { ...INITIAL_INTERACTION, marquee: { x: 10, y: 20, w: 100, h: 50 } },
    }).ctx
    const soft = marquee.named('fillRect').filter((call) => call.fillStyle === PALETTE.accentSoft)
    expect(soft.map((call) => call.args)).toEqual([[10, 20, 100, 50]])

    const creating = paint(scene, {
      interaction: {
        ...INITIAL_INTERACTION,
        creating: { kind: 'frame', rect: { x: 300, y: 300, w: 200, h: 100 } },
      },
    }).ctx
    expect(creating.named('strokeRect').map((call) => call.args)).toContainEqual([
      300, 300, 200, 100,
    ])

    const connecting = paint(scene, {
      interaction: {
        ...INITIAL_INTERACTION,
        connecting: { from: a, to: { x: 390, y: 80 }, target: b },
      },
    }).ctx
    // A line from a's right side to b's left side, and b outlined as the target.
    const accentLines = connecting
      .named('lineTo')
      .filter((call) => call.strokeStyle === PALETTE.accent)
      .map((call) => call.args)
    expect(accentLines).toContainEqual([400, 80])
    expect(connecting.named('strokeRect').map((call) => call.args)).toContainEqual([
      397, -3, 166, 166,
    ])
  })

  it('shows vote badges with their count', () => {
    const { scene, ids } = boardWith([{ kind: 'sticky', x: 0, y: 0, text: 'populær' }])
    const votes = new Map([[ids[0] as ItemId, { count: 3, mine: false }]])
    expect(paint(scene, { votes }).ctx.texts()).toContain('3')
  })

  it('draws an image as a placeholder with its alt text until its picture is decoded', () => {
    const { scene } = boardWith([
      { kind: 'image', x: 0, y: 0, w: 400, h: 200, fileId: 'f1', alt: 'Tørkeanlegg' },
      { kind: 'image', x: 0, y: 300, fileId: 'f2' },
    ])
    const asked: string[] = []
    const waiting = paint(scene, {
      picture: (fileId) => {
        asked.push(fileId)
        return undefined
      },
    })
    expect(asked.sort()).toEqual(['f1', 'f2'])
    expect(waiting.ctx.texts()).toEqual(expect.arrayContaining(['Tørkeanlegg', 'Image']))
    expect(waiting.ctx.named('drawImage')).toHaveLength(0)
    expect(waiting.stats.pictures).toBe(0)

    // Decoded: drawn as large as fits, centred (a 100 × 100 picture in a 400 × 200 item).
    const picture = { width: 100, height: 100 } as ImageBitmap
    const shown = paint(scene, { picture: (fileId) => (fileId === 'f1' ? picture : undefined) })
    expect(shown.ctx.named('drawImage').map((call) => call.args)).toEqual([
      [picture, 100, 0, 200, 200],
    ])
    expect(shown.ctx.texts()).not.toContain('Tørkeanlegg')
    expect(shown.stats.pictures).toBe(1)

    // Far out, a plain rectangle: nothing is asked for, nothing decoded.
    asked.length = 0
    const far = paint(scene, {
      camera: { x: 0, y: 0, zoom: 0.05 },
      picture: (fileId) => {
        asked.push(fileId)
        return picture
      },
    })
    expect(asked).toEqual([])
    expect(far.ctx.named('drawImage')).toHaveLength(0)
  })

  it('follows the camera: what is drawn is transformed by zoom and device pixels', () => {
    const { scene } = boardWith([{ kind: 'sticky', x: 0, y: 0 }])
    const camera: Camera = { x: -50, y: -20, zoom: 2 }
    const { ctx } = paint(scene, { camera, dpr: 2 })
    const transforms = ctx.named('setTransform').map((call) => call.args)
    expect(transforms).toContainEqual([4, 0, 0, 4, 200, 80])
  })
})
