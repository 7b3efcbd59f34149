import { useEffect, useRef, useState } from 'react'
import type { NoteId } from '../../../shared/ids'
import type { DocSync } from '../sync/docSync'
import { setAwarenessUser, type PresenceUser } from '../sync/presenceState'
import type { WorkspaceConnection } from '../sync/workspaceConnection'

/**
 * The open note's body document, synced while the note is shown. Opening happens in an
 * effect (never during render, which React may repeat or discard); the socket closes when
 * the note does, so the host can put the body away.
 */
export function useNoteBody(
  connection: WorkspaceConnection,
  noteId: NoteId,
  user: PresenceUser,
): DocSync | undefined {
  // A warm body (visited or prefetched) is there at once; the lease below keeps it open.
  const [body, setBody] = useState<DocSync | undefined>(() => connection.peekNoteBody(noteId))
  const userRef = useRef(user)

  useEffect(() => {
    const opened = connection.openNoteBody(noteId, { user: userRef.current, note: noteId })
    // The same document as the warm one shown already: no second render.
    setBody((shown) => (shown?.doc === opened.doc ? shown : opened))
    return () => {
      opened.destroy()
      setBody(undefined)
    }
  }, [connection, noteId])

  // Carets show my current name and colour.
  useEffect(() => {
    userRef.current = user
    if (body !== undefined) setAwarenessUser(body.awareness, user)
  }, [body, user])

  return body
}
