import type { i18n as I18n } from 'i18next'
import { useEffect, type RefObject } from 'react'
import type { BoardRuntime } from '../boardRuntime'
import { createBoardController } from '../tools/controller'
import { keyInput, pointerInput, wheelInput } from './domInput'

/**
 * Hands the canvas's pointer, wheel and keyboard events to the tool controller, made once per
 * runtime and destroyed with the canvas, and shows the controller's cursor. Listeners are
 * native: the wheel must be non-passive to keep the page from scrolling or zooming.
 */
export function useCanvasInput(
  runtime: BoardRuntime,
  wrapperRef: RefObject<HTMLDivElement | null>,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  i18n: I18n,
): void {
  useEffect(() => {
    const wrapper = wrapperRef.current
    const canvas = canvasRef.current
    if (wrapper === null || canvas === null) return
    const words = { frameTitle: () => i18n.t('boardTools.frameTitle') }
    const controller = createBoardController(runtime, { words })
    const origin = (): DOMRect => canvas.getBoundingClientRect()

    const onPointerDown = (event: PointerEvent): void => {
      wrapper.focus({ preventScroll: true })
      // The middle button would start the browser's autoscroll.
      if (event.button === 1) event.preventDefault()
      canvas.setPointerCapture(event.pointerId)
      controller.pointerDown(pointerInput(event, origin()))
    }
    const onPointerMove = (event: PointerEvent): void => {
      controller.pointerMove(pointerInput(event, origin()))
    }
    const onPointerUp = (event: PointerEvent): void => {
      if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId)
      controller.pointerUp(pointerInput(event, origin()))
    }
    const onPointerCancel = (event: PointerEvent): void => {
      controller.pointerCancel({ pointerId: event.pointerId })
    }
    const onPointerLeave = (event: PointerEvent): void => {
      // With a button down the pointer is captured and the gesture goes on outside.
      if (event.buttons === 0) controller.pointerCancel({ pointerId: event.pointerId })
    }
    const onDoubleClick = (event: MouseEvent): void => {
      controller.doubleClick(pointerInput(event, origin()))
    }
    const onWheel = (event: WheelEvent): void => {
      event.preventDefault()
      const bounds = origin()
      controller.wheel(wheelInput(event, bounds, bounds))
    }
    // Keys reach the board only when the board itself has focus: not the text being edited,
    // not the zoom buttons or the minimap inside it.
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.target !== wrapper) return
      if (controller.keyDown(keyInput(event))) event.preventDefault()
    }
    const onKeyUp = (event: KeyboardEvent): void => {
      if (event.target === wrapper) controller.keyUp(keyInput(event))
    }
    const onWindowBlur = (): void => controller.pointerCancel()
    const showCursor = (): void => {
      canvas.style.cursor = controller.cursor.getSnapshot()
    }

    // One abort takes every listener away.
    const listening = new AbortController()
    const { signal } = listening
    canvas.addEventListener('pointerdown', onPointerDown, { signal })
    canvas.addEventListener('pointermove', onPointerMove, { signal })
    canvas.addEventListener('pointerup', onPointerUp, { signal })
    canvas.addEventListener('pointercancel', onPointerCancel, { signal })
    canvas.addEventListener('pointerleave', onPointerLeave, { signal })
    canvas.addEventListener('dblclick', onDoubleClick, { signal })
    // On the wrapper: a wheel over the minimap, the zoom buttons or the text being edited
    // moves the board too, and never scrolls or zooms the page.
    wrapper.addEventListener('wheel', onWheel, { passive: false, signal })
    wrapper.addEventListener('keydown', onKeyDown, { signal })
    wrapper.addEventListener('keyup', onKeyUp, { signal })
    window.addEventListener('blur', onWindowBlur, { signal })
    const stopCursor = controller.cursor.subscribe(showCursor)
    showCursor()
    return () => {
      listening.abort()
      stopCursor()
      controller.destroy()
    }
  }, [runtime, wrapperRef, canvasRef, i18n])
}
