import { useCallback, useEffect, useId, useMemo, useRef, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { Rect } from '../../../../shared/model/board/items'
import { readBoardMeta } from '../../../../shared/model/board/boardDoc'
import { observeBoardState } from '../../../../shared/model/board/observe'
import type { BoardRuntime } from '../boardRuntime'
import { DEFAULT_CAMERA } from '../state/camera'
import { createBoardPainter } from './boardPainter'
import { InPlaceEditor } from './InPlaceEditor'
import { Minimap } from './Minimap'
import type { TextBlock, TextStyle } from './textLayout'
import { themePaletteStore } from './themePalette'
import { useBoardPaint } from './useBoardPaint'
import { useCanvasInput } from './useCanvasInput'
import { useImageInput } from './useImageInput'
import { useSelectionAnnouncer } from './useSelectionAnnouncer'
import { voteBadgesStore } from './voteBadges'
import { showWholeBoard } from './wholeBoard'
import { ZoomControls } from './ZoomControls'

/** The board's palette follows the app's theme; one store serves every open board. */
let sharedPalette: ReturnType<typeof themePaletteStore> | undefined
function boardPalette(): ReturnType<typeof themePaletteStore> {
  sharedPalette ??= themePaletteStore()
  return sharedPalette
}

function useBoardTitle(runtime: BoardRuntime): string {
  return useSyncExternalStore(
    useCallback((onChange: () => void) => observeBoardState(runtime.doc, onChange), [runtime]),
    () => readBoardMeta(runtime.doc).title,
  )
}

function useStoreValue<T>(store: {
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => T
}): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/**
 * The board's canvas: drawing (boardPainter.ts, once per animation frame from the stores),
 * pointer and keyboard input to the tool controller, pictures pasted or dropped onto it, the in-place text editor, the minimap and
 * zoom controls, and what a screen reader hears. It re-renders only when editing starts or
 * ends, the board becomes empty or not, or permissions change — never for a pan or a drag.
 */
export function BoardCanvas({ runtime }: { runtime: BoardRuntime }) {
  const { t, i18n } = useTranslation()
  const wrapperRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const liveRef = useRef<HTMLDivElement>(null)
  const hintId = useId()
  const painter = useMemo(() => createBoardPainter(), [])
  const palette = boardPalette()
  const votes = useMemo(() => voteBadgesStore(runtime.doc, runtime.actor), [runtime])

  useBoardPaint({ runtime, canvasRef, painter, palette, votes, i18n })
  useCanvasInput(runtime, wrapperRef, canvasRef, i18n)
  useImageInput(runtime, wrapperRef, canvasRef)
  useSelectionAnnouncer({ runtime, liveRef, votes, t })

  // The canvas's size, and a first view of the whole board when it opens.
  useEffect(() => {
    const wrapper = wrapperRef.current
    if (wrapper === null) return
    let placed = false
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return
      const size = { width: entry.contentRect.width, height: entry.contentRect.height }
      runtime.size.set(size)
      if (placed || size.width === 0 || size.height === 0) return
      placed = true
      // Only an untouched camera: a follow or a summon may have placed it already.
      if (runtime.camera.getSnapshot() === DEFAULT_CAMERA) showWholeBoard(runtime)
    })
    observer.observe(wrapper)
    return () => observer.disconnect()
  }, [runtime])

  const editing = useSyncExternalStore(
    runtime.interaction.subscribe,
    () => runtime.interaction.getSnapshot().editing,
  )
  const empty = useSyncExternalStore(
    useCallback((onChange: () => void) => runtime.scene.subscribe(onChange), [runtime]),
    () => runtime.scene.size === 0,
  )
  const viewOnly = useStoreValue(runtime.viewOnly)
  const presenting = useStoreValue(runtime.presenting)
  const title = useBoardTitle(runtime)

  const getPalette = palette.getSnapshot
  const fit = useCallback(
    (text: string, box: Rect & { style: TextStyle }): TextBlock => {
      const ctx = canvasRef.current?.getContext('2d')
      if (!ctx) {
        const size = box.style.sizes[0] ?? 16
        const lineHeight = size * 1.3
        return { lines: [text], widths: [0], fontSize: size, lineHeight, font: '', clipped: false }
      }
      return painter.layout.fit(ctx, text, box.w, box.h, box.style)
    },
    [painter],
  )
  const refocus = useCallback(() => wrapperRef.current?.focus({ preventScroll: true }), [])

  return (
    <div
      ref={wrapperRef}
      className="board-canvas"
      role="application"
      tabIndex={0}
      aria-label={t('boardCanvas.label', { title: title || t('boardCanvas.untitled') })}
      aria-describedby={hintId}
      data-testid="board-canvas"
    >
      <canvas ref={canvasRef} className="board-canvas-surface" data-testid="board-canvas-surface" />
      <p id={hintId} className="visually-hidden">
        {t('boardCanvas.hint')}
      </p>
      <div
        ref={liveRef}
        className="visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="board-announcer"
      />
      {empty && (
        <p className="board-empty-hint" data-testid="board-empty-hint">
          {viewOnly || presenting ? t('boardCanvas.emptyReadOnly') : t('boardCanvas.emptyHint')}
        </p>
      )}
      {editing !== undefined && (
        <InPlaceEditor
          key={editing}
          runtime={runtime}
          id={editing}
          palette={getPalette}
          fit={fit}
          onDone={refocus}
        />
      )}
      {!presenting && (
        <div className="board-navigator">
          <ZoomControls runtime={runtime} />
          {!empty && (
            <Minimap runtime={runtime} palette={getPalette} subscribePalette={palette.subscribe} />
          )}
        </div>
      )}
    </div>
  )
}
