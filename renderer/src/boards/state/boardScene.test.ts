import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import { createItems, deleteItems, moveItems } from '../../../../shared/model/board/commands'
import { fillBoard } from '../../../../shared/model/board/fixtures'
import { startSession, startPrivateMode } from '../../../../shared/model/board/session'
import { ANNE, BJORN, syncReplicas } from '../../../../shared/model/board/testing'
import { revealItems, visibleItems } from '../../../../shared/model/board/visibility'
import type { BoardItem } from '../../../../shared/model/board/items'
import { boardPreviewJson, readBoardPreview } from '../../../../shared/model/board/preview'
import { createBoardScene } from './boardScene'

const stamp = (actor = ANNE) => ({ actor, now: 1 })

describe('board scene', () => {
  it('answers rectangle queries from the grid like a scan of every item would', () => {
    const doc = new Y.Doc()
    fillBoard(doc, { stickies: 600, seed: 3 })
    const scene = createBoardScene(doc, ANNE)
    const all = visibleItems(doc, ANNE)
    expect(scene.size).toBe(all.length)
    for (const rect of [
      { x: 0, y: 0, w: 400, h: 400 },
      { x: 900, y: 300, w: 1200, h: 700 },
      { x: -5000, y: -5000, w: 100_000, h: 100_000 },
    ]) {
      const expected = all
        .filter((item) => item.kind !== 'connector')
        .filter(
          (item) =>
            item.x <= rect.x + rect.w &&
            item.x + item.w >= rect.x &&
            item.y <= rect.y + rect.h &&
            item.y + item.h >= rect.y,
        )
        .map((item) => item.id)
      const found = scene
        .query(rect)
        .filter((item) => item.kind !== 'connector')
        .map((item) => item.id)
      expect(found).toEqual(expected)
    }
  })

  it('follows edits item by item, and tells which ids changed', () => {
    const doc = new Y.Doc()
    const scene = createBoardScene(doc, ANNE)
    const heard: ItemId[][] = []
    scene.subscribe((changed) => heard.push([...changed]))
    const [a, b] = createItems(
      doc,
      [
        { kind: 'sticky', x: 0, y: 0, text: 'a' },
        { kind: 'sticky', x: 400, y: 0, text: 'b' },
      ],
      stamp(),
    ) as [ItemId, ItemId]
    const [line] = createItems(doc, [{ kind: 'connector', x: 0, y: 0, from: a, to: b }], stamp())
    expect(scene.query({ x: 200, y: 75, w: 10, h: 10 }).map((item) => item.id)).toEqual([line])
    heard.length = 0

    moveItems(doc, { ids: [b], dx: 2000, dy: 0 })
    // The sticky moved, and the connector with it.
    expect(heard).toEqual([[b, line]])
    expect(scene.get(b)?.x).toBe(2400)
    expect(scene.query({ x: 1000, y: 75, w: 10, h: 10 }).map((item) => item.id)).toEqual([line])
    expect(scene.query({ x: 400, y: 0, w: 100, h: 50 })).toEqual([])

    deleteItems(doc, [a])
    expect(scene.get(a)).toBeUndefined()
    // A dangling connector is not shown.
    expect(scene.get(line as ItemId)).toBeUndefined()
    expect(scene.all().map((item) => item.id)).toEqual([b])
  })

  it('hits the top-most item under a point, and connectors near their line', () => {
    const doc = new Y.Doc()
    const scene = createBoardScene(doc, ANNE)
    const [frame, low, high] = createItems(
      doc,
      [
        { kind: 'frame', x: -100, y: -100, w: 800, h: 600 },
        { kind: 'sticky', x: 0, y: 0 },
        { kind: 'sticky', x: 80, y: 80 },
      ],
      stamp(),
    ) as [ItemId, ItemId, ItemId]
    expect(scene.hit({ x: 100, y: 100 })?.id).toBe(high)
    expect(scene.hit({ x: 20, y: 20 })?.id).toBe(low)
    expect(scene.hit({ x: 600, y: 400 })?.id).toBe(frame)
    expect(scene.hit({ x: 5000, y: 5000 })).toBeUndefined()
    const [far] = createItems(doc, [{ kind: 'sticky', x: 2000, y: 80 }], stamp())
    const [line] = createItems(
      doc,
      [{ kind: 'connector', x: 0, y: 0, from: high, to: far }],
      stamp(),
    )
    expect(scene.hit({ x: 1500, y: 161 })?.id).toBe(line)
    expect(scene.hit({ x: 1500, y: 175 })).toBeUndefined()
    expect(scene.hit({ x: 600, y: 162 })?.id).toBe(line)
  })

  it('keeps others’ private stickies out until they are revealed, on a replica', () => {
    const facilitator = new Y.Doc()
    const participant = new Y.Doc()
    startSession(facilitator, ANNE)
    startPrivateMode(facilitator, ANNE, { now: 1 })
    syncReplicas(facilitator, participant)
    const sceneOfAnne = createBoardScene(facilitator, ANNE)
    const sceneOfBjorn = createBoardScene(participant, BJORN)
    const [idea] = createItems(participant, [{ kind: 'sticky', x: 0, y: 0, text: 'hemmelig' }], {
      actor: BJORN,
      now: 2,
    }) as [ItemId]
    syncReplicas(facilitator, participant)
    expect(sceneOfBjorn.get(idea)?.text).toBe('hemmelig')
    expect(sceneOfAnne.get(idea)).toBeUndefined()
    expect(sceneOfAnne.query({ x: -10, y: -10, w: 100, h: 100 })).toEqual([])
    revealItems(facilitator, ANNE)
    expect(sceneOfAnne.get(idea)?.text).toBe('hemmelig')
    syncReplicas(facilitator, participant)
    expect(sceneOfBjorn.get(idea)?.hidden).toBe(false)
  })

  it('reads 10k stickies and queries a screen of them', () => {
    const doc = new Y.Doc()
    fillBoard(doc, { stickies: 10_000, seed: 1 })
    const scene = createBoardScene(doc, ANNE)
    expect(scene.size).toBeGreaterThanOrEqual(10_000)
    const screen = scene.query({ x: 0, y: 0, w: 1600, h: 1000 })
    expect(screen.length).toBeGreaterThan(0)
    expect(screen.length).toBeLessThan(200)
    expect(scene.bounds()?.w).toBeGreaterThan(1600)
  })
})

describe('board scene: a preview before the document', () => {
  function hostBoard(): Y.Doc {
    const doc = new Y.Doc()
    fillBoard(doc, { stickies: 40, seed: 5 })
    return doc
  }

  it('shows the preview, then the document replaces it item by item', () => {
    const host = hostBoard()
    const doc = new Y.Doc()
    const scene = createBoardScene(doc, ANNE)
    const changes: number[] = []
    scene.subscribe((changed) => changes.push(changed.size))

    const preview = readBoardPreview(boardPreviewJson(host))
    expect(scene.showPreview(preview)).toBe(true)
    expect(scene.size).toBe(visibleItems(host, ANNE).length)
    expect(scene.query({ x: -1e6, y: -1e6, w: 2e6, h: 2e6 }).length).toBe(scene.size)

    // The host deleted one sticky after it made the preview.
    const gone = visibleItems(host, ANNE).find((item) => item.kind === 'sticky')?.id as ItemId
    deleteItems(host, [gone])
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(host))
    expect(scene.get(gone)).toBeUndefined()
    expect(scene.all()).toEqual(visibleItems(host, ANNE))
    expect(changes.length).toBe(2)
  })

  it('is not shown over a document that has items', () => {
    const doc = hostBoard()
    const scene = createBoardScene(doc, ANNE)
    const before = scene.all()
    expect(scene.showPreview([{ ...(before[0] as BoardItem), id: 'x-preview' as ItemId }])).toBe(
      false,
    )
    expect(scene.get('x-preview' as ItemId)).toBeUndefined()
  })

  it('drops what only the preview had when the document synced without items', () => {
    const host = hostBoard()
    const scene = createBoardScene(new Y.Doc(), ANNE)
    scene.showPreview(readBoardPreview(boardPreviewJson(host)))
    expect(scene.size).toBeGreaterThan(0)
    scene.endPreview()
    expect(scene.size).toBe(0)
  })
})
