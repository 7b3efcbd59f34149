import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardRuntime } from '../boardRuntime'
import { visibleRect } from '../state/camera'
import {
  cameraCentredAt,
  drawMinimapItems,
  drawMinimapView,
  minimapToWorld,
  minimapTransform,
  minimapWorld,
  type MinimapTransform,
} from './minimap'
import type { BoardPalette } from './palette'
import { createRenderLoop } from './renderLoop'

/** The minimap's size in CSS pixels. */
export const MINIMAP_SIZE = { width: 192, height: 128 } as const

/** The items are redrawn at most this often while the board changes (5,000 tiny rectangles). */
const ITEMS_INTERVAL_MS = 300

/**
 * The whole board in the corner: every item as a tiny rectangle, the part on screen outlined.
 * A click or a drag moves the view there. Two layers: the items, redrawn a few times a second
 * at most when the board changes, and the viewport, redrawn with the camera (one rectangle).
 */
export function Minimap({
  runtime,
  palette,
  subscribePalette,
}: {
  runtime: BoardRuntime
  palette: () => BoardPalette
  subscribePalette: (listener: () => void) => () => void
}) {
  const { t } = useTranslation()
  const itemsRef = useRef<HTMLCanvasElement>(null)
  const viewRef = useRef<HTMLCanvasElement>(null)

  useEffect(() => {
    const itemsCanvas = itemsRef.current
    const viewCanvas = viewRef.current
    const itemsCtx = itemsCanvas?.getContext('2d')
    const viewCtx = viewCanvas?.getContext('2d')
    if (!itemsCanvas || !viewCanvas || !itemsCtx || !viewCtx) return
    const size = MINIMAP_SIZE
    let transform: MinimapTransform = minimapTransform(minimapWorld(undefined), size)
    let dpr = 0

    const fitBacking = (): void => {
      const next = window.devicePixelRatio || 1
      if (next === dpr) return
      dpr = next
      for (const canvas of [itemsCanvas, viewCanvas]) {
        canvas.width = Math.round(size.width * dpr)
        canvas.height = Math.round(size.height * dpr)
      }
    }
    const paintView = (): void => {
      fitBacking()
      const view = visibleRect(runtime.camera.getSnapshot(), runtime.size.getSnapshot())
      drawMinimapView(viewCtx, view, transform, size, dpr, palette())
    }
    const viewLoop = createRenderLoop(paintView)
    const paintItems = (): void => {
      fitBacking()
      transform = minimapTransform(minimapWorld(runtime.scene.bounds()), size)
      drawMinimapItems(itemsCtx, runtime.scene.all(), transform, size, dpr, palette())
      viewLoop.invalidate()
    }

    let timer: ReturnType<typeof setTimeout> | undefined
    let last = 0
    const scheduleItems = (): void => {
      if (timer !== undefined) return
      const wait = Math.max(0, last + ITEMS_INTERVAL_MS - performance.now())
      timer = setTimeout(() => {
        timer = undefined
        last = performance.now()
        paintItems()
      }, wait)
    }
    paintItems()
    last = performance.now()

    const stops = [
      runtime.scene.subscribe(scheduleItems),
      runtime.camera.subscribe(viewLoop.invalidate),
      runtime.size.subscribe(viewLoop.invalidate),
      subscribePalette(paintItems),
    ]
    return () => {
      if (timer !== undefined) clearTimeout(timer)
      viewLoop.destroy()
      for (const stop of stops) stop()
    }
  }, [runtime, palette, subscribePalette])

  useEffect(() => {
    const canvas = viewRef.current
    if (!canvas) return
    let dragging: number | undefined
    const moveTo = (event: PointerEvent): void => {
      const bounds = canvas.getBoundingClientRect()
      const transform = minimapTransform(minimapWorld(runtime.scene.bounds()), MINIMAP_SIZE)
      const world = minimapToWorld(transform, {
        x: event.clientX - bounds.left,
        y: event.clientY - bounds.top,
      })
      runtime.camera.set(
        cameraCentredAt(runtime.camera.getSnapshot(), runtime.size.getSnapshot(), world),
      )
    }
    const onDown = (event: PointerEvent): void => {
      if (event.button !== 0) return
      event.preventDefault()
      dragging = event.pointerId
      canvas.setPointerCapture(event.pointerId)
      moveTo(event)
    }
    const onMove = (event: PointerEvent): void => {
      if (dragging === event.pointerId) moveTo(event)
    }
    const onUp = (event: PointerEvent): void => {
      if (dragging !== event.pointerId) return
      dragging = undefined
      if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId)
    }
    const listening = new AbortController()
    const { signal } = listening
    canvas.addEventListener('pointerdown', onDown, { signal })
    canvas.addEventListener('pointermove', onMove, { signal })
    canvas.addEventListener('pointerup', onUp, { signal })
    canvas.addEventListener('pointercancel', onUp, { signal })
    return () => listening.abort()
  }, [runtime])

  return (
    <div
      className="board-minimap"
      role="img"
      aria-label={t('boardCanvas.minimap')}
      title={t('boardCanvas.minimap')}
      data-testid="board-minimap"
    >
      <canvas ref={itemsRef} className="board-minimap-layer" aria-hidden />
      <canvas ref={viewRef} className="board-minimap-layer" aria-hidden />
    </div>
  )
}
