import { Maximize, Minus, Plus } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { IconButton } from '../../ui/IconButton'
import { Tooltip } from '../../ui/Tooltip'
import type { BoardRuntime } from '../boardRuntime'
import { zoomAt } from '../state/camera'
import { atActualSize, ZOOM_STEP } from '../tools/viewActions'
import { MOD_LABEL } from './domInput'
import { showWholeBoard } from './wholeBoard'

/** Zooms about the middle of the view. */
function zoomAboutCentre(runtime: BoardRuntime, factor: number): void {
  const camera = runtime.camera.getSnapshot()
  const { width, height } = runtime.size.getSnapshot()
  runtime.camera.set(zoomAt(camera, { x: width / 2, y: height / 2 }, factor))
}

/**
 * −, the zoom in percent (a click goes back to 100 %), +, and "show the whole board". The
 * percentage is written straight into its element as the camera changes: a pinch must not
 * re-render React every frame.
 */
export function ZoomControls({ runtime }: { runtime: BoardRuntime }) {
  const { t } = useTranslation()
  const percentRef = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    let shown = -1
    const show = (): void => {
      const percent = Math.round(runtime.camera.getSnapshot().zoom * 100)
      if (percent === shown || percentRef.current === null) return
      shown = percent
      percentRef.current.textContent = t('boardCanvas.percent', { value: percent })
    }
    show()
    return runtime.camera.subscribe(show)
  }, [runtime, t])

  return (
    <div className="board-zoom" role="group" aria-label={t('boardCanvas.zoomControls')}>
      <IconButton
        size="sm"
        label={t('boardCanvas.zoomOut')}
        hint="−"
        onClick={() => zoomAboutCentre(runtime, 1 / ZOOM_STEP)}
        data-testid="board-zoom-out"
      >
        <Minus size={15} aria-hidden />
      </IconButton>
      <Tooltip
        content={
          <>
            {t('boardCanvas.zoomReset')} <kbd className="tooltip-kbd">{`${MOD_LABEL}0`}</kbd>
          </>
        }
      >
        <button
          type="button"
          className="board-zoom-percent"
          aria-label={t('boardCanvas.zoomReset')}
          onClick={() => {
            const { width, height } = runtime.size.getSnapshot()
            runtime.camera.set(
              atActualSize(runtime.camera.getSnapshot(), { x: width / 2, y: height / 2 }),
            )
          }}
          data-testid="board-zoom-percent"
        >
          <span ref={percentRef} aria-hidden />
        </button>
      </Tooltip>
      <IconButton
        size="sm"
        label={t('boardCanvas.zoomIn')}
        hint="+"
        onClick={() => zoomAboutCentre(runtime, ZOOM_STEP)}
        data-testid="board-zoom-in"
      >
        <Plus size={15} aria-hidden />
      </IconButton>
      <IconButton
        size="sm"
        label={t('boardCanvas.zoomFit')}
        hint="Shift+1"
        onClick={() => showWholeBoard(runtime)}
        data-testid="board-zoom-fit"
      >
        <Maximize size={15} aria-hidden />
      </IconButton>
    </div>
  )
}
