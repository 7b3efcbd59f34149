import type { Editor } from '@tiptap/react'
import type * as Y from 'yjs'

/**
 * Editors kept with their note bodies. Building a TipTap editor (schema, plugins, node views,
 * the Yjs binding rendering the whole body) is most of what opening a note costs; a body that
 * is kept warm (sync/bodyCache.ts) keeps its editor too, so coming back to a note only moves
 * the editor's DOM back on screen — with its undo history and selection where they were.
 * The editor is destroyed with its body document.
 */
const editors = new WeakMap<Y.Doc, Editor>()

export function warmEditor(bodyDoc: Y.Doc, create: () => Editor): Editor {
  const existing = editors.get(bodyDoc)
  if (existing !== undefined && !existing.isDestroyed) return existing
  const editor = create()
  editors.set(bodyDoc, editor)
  bodyDoc.once('destroy', () => {
    editors.delete(bodyDoc)
    if (!editor.isDestroyed) editor.destroy()
  })
  return editor
}
