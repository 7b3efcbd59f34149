import { useMemo } from 'react'
import type * as Y from 'yjs'
import { openNoteVersion, type NoteVersionId } from '../../../../shared/model/history'

/**
 * A version's body in a throwaway document of its own (null when the version is gone or
 * cannot be read). Each caller gets its own copy: a read-only editor may normalize what it
 * cannot show, and that must never touch another view, let alone the live note. The document
 * has no provider or observers beyond the view using it, so it is simply garbage once unused.
 */
export function useVersionDoc(bodyDoc: Y.Doc, id: NoteVersionId | undefined): Y.Doc | null {
  return useMemo(
    () => (id === undefined ? null : (openNoteVersion(bodyDoc, id) ?? null)),
    [bodyDoc, id],
  )
}
