import type { ComponentProps } from 'react'
import { preloadable } from '../lib/preloadable'
import type { NoteView } from './NoteView'

/**
 * The note view and the editor (TipTap, ProseMirror: most of the bundle), loaded after the
 * note list shows, with the first note opened. One chunk holds all three: the view, the shelf
 * that keeps warm editors mounted (editor/EditorShelf.tsx) and the one formatting toolbar
 * moved from note to note (editor/ToolbarShelf.tsx).
 */
const load = () => import('./NoteView')

export const noteView = preloadable<ComponentProps<typeof NoteView>>(() =>
  load().then((module) => ({ default: module.NoteView })),
)
export const editorShelf = preloadable<object>(() =>
  load().then((module) => ({ default: module.EditorShelf })),
)
export const toolbarShelf = preloadable<object>(() =>
  load().then((module) => ({ default: module.ToolbarShelf })),
)
