import { EditorContent, type Editor } from '@tiptap/react'
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { createValueStore } from '../../lib/externalStore'

/**
 * Warm editors stay mounted. TipTap's EditorContent re-creates every node view when it mounts
 * an editor — ProseMirror then rebuilds the whole document's DOM — and resets them when it
 * unmounts (another rebuild). Unmounting on leaving a note and mounting on coming back paid
 * both on every switch. Instead each kept editor (editorCache.ts) gets one EditorContent of
 * its own, rendered by <EditorShelf> through a portal into an element that is not in the page;
 * opening the note moves that element into the note view (<EditorSlot>), leaving moves it out.
 *
 * Events from the editor bubble, in React, to the shelf rather than to the note view: nothing
 * around the editor in the note view listens for them.
 */
type Shelved = { readonly editor: Editor; readonly host: HTMLDivElement; readonly key: number }

const shelf = createValueStore<readonly Shelved[]>([])
let nextKey = 0

function hostOf(editor: Editor): HTMLDivElement | undefined {
  return shelf.getSnapshot().find((entry) => entry.editor === editor)?.host
}

/** Keeps `editor` mounted (off screen) until it is destroyed; returns the element it is in. */
export function shelveEditor(editor: Editor): HTMLDivElement {
  const existing = hostOf(editor)
  if (existing !== undefined) return existing
  const host = document.createElement('div')
  host.className = 'note-editor-host'
  shelf.set([...shelf.getSnapshot(), { editor, host, key: nextKey++ }])
  editor.on('destroy', () => {
    host.remove()
    shelf.set(shelf.getSnapshot().filter((entry) => entry.editor !== editor))
  })
  return host
}

/** Renders the shelved editors. Mount it once, beside the note view. */
export function EditorShelf() {
  const entries = useSyncExternalStore(shelf.subscribe, shelf.getSnapshot)
  return (
    <>
      {entries.map(({ editor, host, key }) =>
        createPortal(
          <EditorContent editor={editor} className="note-editor" data-testid="note-editor" />,
          host,
          String(key),
        ),
      )}
    </>
  )
}

/** Where the open note's editor shows: its shelved element is moved in here. */
export function EditorSlot({ editor }: { editor: Editor }) {
  const slot = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const host = shelveEditor(editor)
    slot.current?.append(host)
    return () => host.remove()
  }, [editor])
  return <div ref={slot} className="note-editor-slot" />
}
