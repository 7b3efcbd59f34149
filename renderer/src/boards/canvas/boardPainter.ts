import type { ItemId } from '../../../../shared/ids'
import type { BoardItem, Rect } from '../../../../shared/model/board/items'
import { connectorLine } from '../state/boardScene'
import type { BoardPeer } from '../state/boardPresence'
import { visibleRect, type Camera, type Size } from '../state/camera'
import type { Interaction } from '../state/interaction'
import type { DrawContext } from './drawContext'
import { DETAIL_LOD, drawConnector, drawItem, type ItemEnv } from './drawItems'
import { drawOverlay, type VoteBadge } from './drawOverlay'
import { stickyFill, type BoardPalette } from './palette'
import { createPen } from './pen'
import { itemsToDraw, placeItems, type SceneView } from './placement'
import { createTextLayout, type TextLayout } from './textLayout'

/** Everything one frame of the board is drawn from: plain values, read from the stores. */
export type BoardFrame = {
  readonly camera: Camera
  /** The canvas in CSS pixels. */
  readonly size: Size
  readonly dpr: number
  readonly palette: BoardPalette
  readonly scene: SceneView
  readonly interaction: Interaction
  readonly peers: readonly BoardPeer[]
  readonly votes: ReadonlyMap<ItemId, VoteBadge>
  readonly presenting: boolean
  readonly canEdit: boolean
  /** Shown on an image without alt text. */
  readonly imageLabel: string
  /** An image's decoded picture, when it is there (canvas/imageCache.ts). */
  readonly picture: (fileId: string) => ImageBitmap | undefined
}

export type PaintStats = {
  readonly items: number
  /** Some texts were left as bars for want of time: paint again next frame. */
  readonly incomplete: boolean
  /** Images drawn as their picture (the others as placeholders). */
  readonly pictures: number
}

/** New text layouts per frame at most (a layout measures each word, a few µs per word). */
const LAYOUTS_PER_FRAME = 120

/**
 * Draws a board frame onto a 2D context. Holds what is worth keeping between frames: text
 * layouts and the list of connectors. Cost follows the
 * viewport: only items the scene finds on screen (plus a margin) are drawn.
 */
export type BoardPainter = {
  paint(ctx: DrawContext, frame: BoardFrame): PaintStats
  readonly layout: TextLayout
}

/** Screen pixels around the viewport drawn too (shadows, outlines, labels at the edge). */
const MARGIN = 48

function grid(ctx: DrawContext, frame: BoardFrame): void {
  const { camera, size } = frame
  if (camera.zoom < 0.15) return
  let step = 32
  while (step * camera.zoom < 20) step *= 4
  const spacing = step * camera.zoom
  const startX = (Math.ceil(camera.x / step) * step - camera.x) * camera.zoom
  const startY = (Math.ceil(camera.y / step) * step - camera.y) * camera.zoom
  const dot = camera.zoom < 0.4 ? 1.25 : 1.5
  ctx.fillStyle = frame.palette.grid
  ctx.beginPath()
  for (let x = startX; x < size.width; x += spacing) {
    for (let y = startY; y < size.height; y += spacing) {
      ctx.rect(x - dot / 2, y - dot / 2, dot, dot)
    }
  }
  ctx.fill()
}

export function createBoardPainter(): BoardPainter {
  const layout = createTextLayout()
  let connectorsVersion = -1
  let connectorList: readonly BoardItem[] = []

  return {
    layout,
    paint(ctx, frame) {
      const { camera, size, dpr, palette, scene, interaction } = frame
      const pen = createPen(ctx)
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
      pen.fill(palette.board)
      ctx.fillRect(0, 0, size.width, size.height)
      grid(ctx, frame)
      pen.forget()

      const connectors = (): readonly BoardItem[] => {
        if (connectorsVersion !== scene.version) {
          connectorsVersion = scene.version
          connectorList = scene.all().filter((item) => item.kind === 'connector')
        }
        return connectorList
      }
      const placement = placeItems(scene, interaction, frame.peers)
      const margin = MARGIN / camera.zoom
      const view: Rect = visibleRect(camera, size)
      const found = itemsToDraw(
        scene,
        { x: view.x - margin, y: view.y - margin, w: view.w + margin * 2, h: view.h + margin * 2 },
        placement,
        connectors,
      )

      const z = camera.zoom * dpr
      ctx.setTransform(z, 0, 0, z, -camera.x * z, -camera.y * z)
      ctx.textBaseline = 'middle'
      ctx.textAlign = 'left'
      const env: ItemEnv = {
        zoom: camera.zoom,
        palette,
        layout,
        editing: interaction.editing,
        imageLabel: frame.imageLabel,
        picture: frame.picture,
        budget: { left: LAYOUTS_PER_FRAME, deferred: 0 },
        pictures: { drawn: 0 },
      }
      const drawn: BoardItem[] = []
      const lifted: BoardItem[] = []
      // Zoomed far out, stickies are specks: one path per colour instead of a fill each.
      const specks = camera.zoom < DETAIL_LOD ? new Map<string, BoardItem[]>() : undefined
      for (const item of found) {
        if (item.kind === 'connector') continue
        const placed = placement.place(item)
        drawn.push(placed)
        if (placement.mine.has(item.id)) lifted.push(placed)
        else if (specks !== undefined && item.kind === 'sticky') {
          const fill = stickyFill(item.color, palette.dark)
          const list = specks.get(fill)
          if (list === undefined) specks.set(fill, [placed])
          else list.push(placed)
        } else drawItem(ctx, pen, placed, env)
      }
      for (const [fill, list] of specks ?? []) {
        ctx.beginPath()
        for (const item of list) ctx.rect(item.x, item.y, item.w, item.h)
        pen.fill(fill)
        ctx.fill()
      }
      // What I drag is drawn above what it passes over; connectors stay on top of all.
      for (const item of lifted) drawItem(ctx, pen, item, env)
      for (const item of found) {
        if (item.kind !== 'connector') continue
        const line = connectorLine(item, placement.get)
        if (line === undefined) continue
        drawConnector(ctx, pen, item, line, env)
        drawn.push(item)
      }

      ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
      drawOverlay(ctx, pen, drawn, {
        camera,
        size,
        palette,
        layout,
        placement,
        interaction,
        peers: frame.peers,
        votes: frame.votes,
        presenting: frame.presenting,
        canEdit: frame.canEdit,
      })
      return {
        items: found.length,
        incomplete: env.budget.deferred > 0,
        pictures: env.pictures.drawn,
      }
    },
  }
}
