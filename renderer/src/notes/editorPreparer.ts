import type { NoteId } from '../../../shared/ids'

/**
 * Lets the note list (in the app's first bundle) ask the editor (loaded with the first note
 * opened) to build a note's editor ahead of a click. The open note view registers how; before
 * any note has been opened there is nobody to ask, and only the body is prefetched.
 */
let preparer: ((noteId: NoteId) => void) | undefined

export function setEditorPreparer(prepare: (noteId: NoteId) => void): () => void {
  preparer = prepare
  return () => {
    if (preparer === prepare) preparer = undefined
  }
}

export function prepareEditor(noteId: NoteId): void {
  preparer?.(noteId)
}
