import { useEffect, type RefObject } from 'react'
import type { Point } from '../../../../shared/model/board/geometry'
import type { BoardRuntime } from '../boardRuntime'
import { imageNotices, insertImages } from '../tools/insertImages'
import { createToolContext } from '../tools/toolContext'
import { boardPictureDecoder } from './imageCache'

function filesOf(data: DataTransfer | null): File[] {
  return data === null ? [] : [...data.files]
}

function carriesFiles(data: DataTransfer | null): boolean {
  return data !== null && [...data.types].includes('Files')
}

/**
 * Pictures pasted onto the board (Ctrl/Cmd+V while the board has focus) go where the pointer
 * is over the canvas, or in the middle of the view; pictures dropped onto it go where they
 * are dropped. Nothing happens for a view-only guest or while presenting. A refused file
 * adds nothing and is said by the tool bar's image notice.
 */
export function useImageInput(
  runtime: BoardRuntime,
  wrapperRef: RefObject<HTMLDivElement | null>,
  canvasRef: RefObject<HTMLCanvasElement | null>,
): void {
  useEffect(() => {
    const wrapper = wrapperRef.current
    const canvas = canvasRef.current
    if (wrapper === null || canvas === null) return
    const ctx = createToolContext(runtime, Date.now)
    const pictures = boardPictureDecoder(runtime.doc)
    /** The pointer over the canvas (CSS pixels from its corner), for a paste. */
    let pointer: Point | undefined

    const local = (event: { clientX: number; clientY: number }): Point => {
      const bounds = canvas.getBoundingClientRect()
      return { x: event.clientX - bounds.left, y: event.clientY - bounds.top }
    }
    const add = (files: File[], at: Point | undefined): void => {
      void insertImages(ctx, files, { at, pictures }).then((result) =>
        imageNotices(runtime).report(result),
      )
    }

    const onPointerMove = (event: PointerEvent): void => {
      pointer = local(event)
    }
    const onPointerLeave = (): void => {
      pointer = undefined
    }
    const onPaste = (event: ClipboardEvent): void => {
      // Text being edited in place takes its own pastes.
      if (event.target !== wrapper || !runtime.canEdit()) return
      const files = filesOf(event.clipboardData)
      if (files.length === 0) return
      // Copying from a word processor also puts a picture of the text on the clipboard:
      // when there is text, the text is what was meant (and a board does not paste text).
      if ((event.clipboardData?.getData('text/plain') ?? '').trim() !== '') return
      event.preventDefault()
      add(files, pointer)
    }
    // Files dragged over the board are always the board's: the browser would otherwise open
    // a dropped file in place of the app.
    const onDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event.dataTransfer)) return
      event.preventDefault()
      const allowed = runtime.canEdit()
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = allowed ? 'copy' : 'none'
      wrapper.classList.toggle('is-dropping', allowed)
    }
    const onDragLeave = (event: DragEvent): void => {
      if (event.relatedTarget instanceof Node && wrapper.contains(event.relatedTarget)) return
      wrapper.classList.remove('is-dropping')
    }
    const onDrop = (event: DragEvent): void => {
      wrapper.classList.remove('is-dropping')
      if (!carriesFiles(event.dataTransfer)) return
      event.preventDefault()
      const files = filesOf(event.dataTransfer)
      if (files.length === 0 || !runtime.canEdit()) return
      wrapper.focus({ preventScroll: true })
      add(files, local(event))
    }

    // One abort takes every listener away.
    const listening = new AbortController()
    const { signal } = listening
    canvas.addEventListener('pointermove', onPointerMove, { signal })
    canvas.addEventListener('pointerleave', onPointerLeave, { signal })
    wrapper.addEventListener('paste', onPaste, { signal })
    wrapper.addEventListener('dragover', onDragOver, { signal })
    wrapper.addEventListener('dragleave', onDragLeave, { signal })
    wrapper.addEventListener('drop', onDrop, { signal })
    return () => {
      listening.abort()
    }
  }, [runtime, wrapperRef, canvasRef])
}
