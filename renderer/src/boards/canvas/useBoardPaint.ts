import { useEffect, type RefObject } from 'react'
import type { i18n as I18n } from 'i18next'
import type { ItemId } from '../../../../shared/ids'
import type { ExternalStore } from '../../lib/externalStore'
import type { BoardRuntime } from '../boardRuntime'
import type { BoardPainter } from './boardPainter'
import type { VoteBadge } from './drawOverlay'
import { boardImages } from './imageCache'
import type { BoardPalette } from './palette'
import { recordPaint } from './paintProbe'
import { createRenderLoop } from './renderLoop'

/**
 * Paints the board on its canvas at most once per animation frame, whenever a store it draws
 * from changes: the scene, camera, size, interaction, others' presence, votes, present mode,
 * view-only, theme and language, and a picture becoming ready. React is not involved after mount.
 */
export function useBoardPaint(input: {
  runtime: BoardRuntime
  canvasRef: RefObject<HTMLCanvasElement | null>
  painter: BoardPainter
  palette: ExternalStore<BoardPalette>
  votes: ExternalStore<ReadonlyMap<ItemId, VoteBadge>>
  i18n: I18n
}): void {
  const { runtime, canvasRef, painter, palette, votes, i18n } = input
  useEffect(() => {
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d', { alpha: false })
    if (!canvas || !ctx) return
    const images = boardImages(runtime.doc)
    const picture = (fileId: string): ImageBitmap | undefined => images.get(fileId)
    const paint = (): void => {
      const size = runtime.size.getSnapshot()
      const dpr = window.devicePixelRatio || 1
      const width = Math.max(1, Math.round(size.width * dpr))
      const height = Math.max(1, Math.round(size.height * dpr))
      // Resizing the backing store clears it; the paint below fills it again at once.
      if (canvas.width !== width) canvas.width = width
      if (canvas.height !== height) canvas.height = height
      if (size.width === 0 || size.height === 0) return
      const startedAt = performance.now()
      const peers = runtime.peers.getSnapshot()
      const camera = runtime.camera.getSnapshot()
      const stats = painter.paint(ctx, {
        camera,
        size,
        dpr,
        palette: palette.getSnapshot(),
        scene: runtime.scene,
        interaction: runtime.interaction.getSnapshot(),
        peers,
        votes: votes.getSnapshot(),
        presenting: runtime.presenting.getSnapshot(),
        canEdit: runtime.canEdit(),
        imageLabel: i18n.t('boardCanvas.imageLabel'),
        picture,
      })
      recordPaint({
        startedAt,
        drawn: stats.items,
        items: runtime.scene.size,
        pictures: stats.pictures,
        peers,
        camera,
      })
      runtime.paints.set(runtime.paints.getSnapshot() + 1)
      images.sweep()
      if (stats.incomplete) loop.invalidate()
    }
    const loop = createRenderLoop(paint)
    const invalidate = (): void => loop.invalidate()
    const stops = [
      runtime.scene.subscribe(invalidate),
      runtime.camera.subscribe(invalidate),
      runtime.size.subscribe(invalidate),
      runtime.interaction.subscribe(invalidate),
      runtime.peers.subscribe(invalidate),
      runtime.presenting.subscribe(invalidate),
      runtime.viewOnly.subscribe(invalidate),
      runtime.previewing.subscribe(invalidate),
      votes.subscribe(invalidate),
      images.subscribe(invalidate),
      palette.subscribe(() => {
        painter.layout.clear()
        invalidate()
      }),
    ]
    // The device pixel ratio changes with the browser's zoom and between screens.
    window.addEventListener('resize', invalidate)
    i18n.on('languageChanged', invalidate)
    invalidate()
    return () => {
      loop.destroy()
      for (const stop of stops) stop()
      window.removeEventListener('resize', invalidate)
      i18n.off('languageChanged', invalidate)
      images.destroy()
    }
  }, [runtime, canvasRef, painter, palette, votes, i18n])
}
