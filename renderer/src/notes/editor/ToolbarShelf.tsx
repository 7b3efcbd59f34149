import type { Editor } from '@tiptap/react'
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { afterNextPaint } from '../../lib/afterNextPaint'
import { createValueStore } from '../../lib/externalStore'
import { EditorToolbar } from '../EditorToolbar'

/**
 * The formatting toolbar outlives the note it serves. Mounting it costs more than a note's
 * text (seventeen buttons with tooltips), and every note switch used to mount it afresh, in
 * the frames right after the note appeared. Now one toolbar is rendered by <ToolbarShelf>
 * (mounted once, beside the note view) into an element of its own; the open note's
 * <ToolbarSlot> moves that element into its header and hands it its editor, so a switch only
 * re-renders the toolbar's pressed states.
 */
const current = createValueStore<Editor | null>(null)
let host: HTMLDivElement | undefined

function toolbarHost(): HTMLDivElement {
  host ??= Object.assign(document.createElement('div'), { className: 'note-toolbar-host' })
  return host
}

/** Renders the one formatting toolbar, for whichever note's slot holds it. */
export function ToolbarShelf() {
  const editor = useSyncExternalStore(current.subscribe, current.getSnapshot)
  if (editor === null || editor.isDestroyed) return null
  return createPortal(<EditorToolbar editor={editor} />, toolbarHost())
}

/** Where the open note's toolbar shows; empty for a view-only note. */
export function ToolbarSlot({ editor, show }: { editor: Editor; show: boolean }) {
  const slot = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const target = slot.current
    if (!show || target === null) return
    const element = toolbarHost()
    // The note's text first; the toolbar joins it in the frame after.
    const cancel = afterNextPaint(() => {
      current.set(editor)
      target.append(element)
    })
    return () => {
      cancel()
      if (element.parentNode === target) element.remove()
      // The toolbar stays mounted for the next note; a destroyed editor is let go of.
      if (current.getSnapshot() === editor && editor.isDestroyed) current.set(null)
    }
  }, [editor, show])
  return <div ref={slot} className="note-toolbar-slot" />
}
