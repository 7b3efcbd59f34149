import { useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItemId } from '../../../../shared/ids'
import { itemText, MAX_ITEM_TEXT, type Rect } from '../../../../shared/model/board/items'
import { BOARD_TEXT_ORIGIN, type BoardRuntime } from '../boardRuntime'
import { textBox } from './drawItems'
import { inkOn, stickyFill, type BoardPalette } from './palette'
import { applyTyping, moveCaret, observeOthers } from './textBinding'
import type { TextBlock, TextStyle } from './textLayout'

type EditorProps = {
  runtime: BoardRuntime
  id: ItemId
  palette: () => BoardPalette
  /** Lays text out as the canvas does (same cache, same measurements). */
  fit: (text: string, box: Rect & { style: TextStyle }) => TextBlock
  /** Editing ended from inside (Escape, Ctrl/Cmd+Enter): the board takes the keyboard back. */
  onDone: () => void
}

/**
 * The text of one item, edited in place: a textarea laid over the item where the canvas draws
 * its text (same box, font and size, following pans and zooms), bound to the item's Y.Text.
 * What I type goes in as one minimal edit per input event (undoable, origin
 * BOARD_TEXT_ORIGIN); what others type comes in with my caret kept where it was in the text.
 * Escape, Ctrl/Cmd+Enter (Enter for a frame's title) or a click elsewhere ends editing.
 */
export function InPlaceEditor({ runtime, id, palette, fit, onDone }: EditorProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLTextAreaElement>(null)
  const kind = runtime.scene.get(id)?.kind ?? 'sticky'

  useLayoutEffect(() => {
    const area = ref.current
    const text = itemText(runtime.doc, id)
    const end = (): void => {
      if (runtime.interaction.getSnapshot().editing === id) {
        runtime.interaction.update({ editing: undefined })
      }
    }
    if (area === null || text === undefined) {
      end()
      return
    }
    area.value = text.toJSON()

    const place = (): void => {
      const stored = runtime.scene.get(id)
      if (stored === undefined) return end()
      const resize = runtime.interaction.getSnapshot().resize
      const item = resize?.id === id ? { ...stored, ...resize.rect } : stored
      const camera = runtime.camera.getSnapshot()
      const colors = palette()
      const box = textBox(item, colors.fontFamily, camera.zoom)
      if (box === undefined) return end()
      const block = fit(area.value === '' ? ' ' : area.value, box)
      const style = area.style
      style.width = `${box.w}px`
      style.height = `${box.h}px`
      style.transform = `translate(${(box.x - camera.x) * camera.zoom}px, ${(box.y - camera.y) * camera.zoom}px) scale(${camera.zoom})`
      style.font = block.font
      style.lineHeight = `${block.lineHeight}px`
      style.color =
        item.kind === 'sticky'
          ? inkOn(stickyFill(item.color, colors.dark))
          : item.kind === 'frame'
            ? colors.frameTitle
            : colors.text
    }
    place()

    let focused = false
    let composing = false
    let stale = false
    let typed = false
    // A frame's title opens selected, as a name being renamed: a new frame's default title
    // ("Frame") goes as soon as one types. Other texts open with the caret at the end.
    const select = (): void => {
      if (kind === 'frame') area.select()
      else area.setSelectionRange(area.value.length, area.value.length)
    }
    // Focus at once, so that keys typed before the next frame land in the text (on a busy
    // machine a fast typist's first letters would otherwise be board shortcuts)…
    area.focus({ preventScroll: true })
    select()
    // …and again after the event that opened the editor has finished: a mouse press would
    // move focus to the board right after we gave it to the text.
    const focusFrame = requestAnimationFrame(() => {
      if (document.activeElement !== area) {
        area.focus({ preventScroll: true })
        if (!typed) select()
      }
      focused = true
    })

    const resync = (delta?: Parameters<typeof moveCaret>[1]): void => {
      const start = area.selectionStart
      const finish = area.selectionEnd
      area.value = text.toJSON()
      if (delta !== undefined && focused) {
        area.setSelectionRange(moveCaret(start, delta), moveCaret(finish, delta))
      }
      place()
    }
    const stopOthers = observeOthers(text, BOARD_TEXT_ORIGIN, (event) => {
      // Changing the value mid-composition (an accent, a CJK word) would break it.
      if (composing) stale = true
      else resync(event.delta)
    })

    const onInput = (): void => {
      typed = true
      if (!runtime.canEdit()) return resync()
      applyTyping(text, area.value, BOARD_TEXT_ORIGIN)
      place()
    }
    const onCompositionStart = (): void => {
      composing = true
    }
    const onCompositionEnd = (): void => {
      composing = false
      onInput()
      if (stale) {
        stale = false
        resync()
      }
    }
    const onKeyDown = (event: KeyboardEvent): void => {
      const mod = event.ctrlKey || event.metaKey
      const finish =
        event.key === 'Escape' ||
        (event.key === 'Enter' && (mod || kind === 'frame') && !event.isComposing)
      if (finish) {
        event.preventDefault()
        event.stopPropagation()
        end()
        onDone()
        return
      }
      // The browser's own undo knows nothing of the shared text: the board's undo does it.
      const key = event.key.toLowerCase()
      if (mod && (key === 'z' || key === 'y')) {
        event.preventDefault()
        if (key === 'y' || event.shiftKey) runtime.undo.redo()
        else runtime.undo.undo()
      }
    }
    const onBlur = (): void => {
      // The window losing focus (another app) is not a click elsewhere: keep editing.
      if (focused && document.hasFocus()) end()
    }

    const listening = new AbortController()
    const { signal } = listening
    area.addEventListener('input', onInput, { signal })
    area.addEventListener('compositionstart', onCompositionStart, { signal })
    area.addEventListener('compositionend', onCompositionEnd, { signal })
    area.addEventListener('keydown', onKeyDown, { signal })
    area.addEventListener('blur', onBlur, { signal })
    const stops = [
      runtime.camera.subscribe(place),
      runtime.size.subscribe(place),
      runtime.scene.subscribe((changed) => {
        if (changed.has(id)) place()
      }),
      runtime.interaction.subscribe(place),
      stopOthers,
    ]
    return () => {
      cancelAnimationFrame(focusFrame)
      listening.abort()
      for (const stop of stops) stop()
      // The next edit of this text is an undo step of its own.
      runtime.undo.stopCapturing()
    }
  }, [runtime, id, palette, fit, onDone, kind])

  return (
    <textarea
      ref={ref}
      className={`board-text-editor board-text-editor--${kind}`}
      aria-label={t('boardCanvas.editText', { kind: t(`boardCanvas.kind.${kind}`) })}
      maxLength={MAX_ITEM_TEXT}
      spellCheck
      rows={1}
      wrap={kind === 'frame' ? 'off' : 'soft'}
      data-testid="board-text-editor"
    />
  )
}
