import type { Awareness } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { NoteId, WorkspaceId } from '../../../shared/ids'
import { noteRoomName, rootRoomName } from '../../../shared/rooms'
import type { Surface, SyncTarget } from '../connection/hostSession'
import { openDocSync, type DocSync } from './docSync'
import type { PresenceState } from './presenceState'
import { combineSyncStatus, type CombinedSyncStatusStore } from './combineStatus'

/**
 * One open workspace: its root document (note list, meta, companies), the provider syncing
 * it, awareness (who is here) and the sync status — which also covers the note body open
 * in it, so "saved" means the body too.
 */
export type WorkspaceConnection = {
  workspaceId: WorkspaceId
  doc: Y.Doc
  provider: WebsocketProvider
  awareness: Awareness
  status: CombinedSyncStatusStore
  /** Opens one note's body document; the caller destroys it when the note closes. */
  openNoteBody(noteId: NoteId, presence: PresenceState): DocSync
  destroy(): void
}

export function openWorkspaceConnection(input: {
  workspaceId: WorkspaceId
  target: SyncTarget
  surface: Surface
  presence: PresenceState
}): WorkspaceConnection {
  const root = openDocSync({
    room: rootRoomName(input.workspaceId),
    target: input.target,
    surface: input.surface,
    presence: input.presence,
  })
  const status = combineSyncStatus(root.status)
  return {
    workspaceId: input.workspaceId,
    doc: root.doc,
    provider: root.provider,
    awareness: root.awareness,
    status,
    openNoteBody(noteId, presence) {
      const body = openDocSync({
        room: noteRoomName(input.workspaceId, noteId),
        target: input.target,
        surface: input.surface,
        presence,
      })
      const detach = status.attach(body.status)
      return {
        ...body,
        destroy() {
          detach()
          body.destroy()
        },
      }
    },
    destroy() {
      status.destroy()
      root.destroy()
    },
  }
}
