import type { Awareness } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { BoardId, NoteId, WorkspaceId } from '../../../shared/ids'
import { boardRoomName, noteRoomName, rootRoomName } from '../../../shared/rooms'
import { BOARD_PREVIEW_PARAM } from '../../../shared/protocol'
import { SEARCH_PARAM } from '../../../shared/search/protocol'
import { createSearchClient, type SearchClient } from '../search/searchClient'
import type { Surface, SyncTarget } from '../connection/hostSession'
import { createBodyCache } from './bodyCache'
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
  /**
   * A lease on one note's body document; the caller destroys it when the note closes. The body
   * stays warm for a while after (see bodyCache.ts).
   */
  openNoteBody(noteId: NoteId, presence: PresenceState): DocSync
  /** The body if it is open now (no lease: never destroy it); see bodyCache.ts. */
  peekNoteBody(noteId: NoteId): DocSync | undefined
  /** Starts syncing a body that is likely to be opened next. */
  prefetchNoteBody(noteId: NoteId, presence: PresenceState): void
  /**
   * One board's document (room `<workspace>/boards/<id>`), synced while the board is open;
   * its status counts in "saved". The caller destroys it when the board closes.
   */
  openBoard(boardId: BoardId, presence: PresenceState): DocSync
  /** Full-text search on the host, over the root connection (search/searchClient.ts). */
  search: SearchClient
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
    params: { [SEARCH_PARAM]: '1' },
  })
  const search = createSearchClient(root.provider)
  const status = combineSyncStatus(root.status)
  // A warm body still counts for "saved": edits made just before leaving a note are in it.
  const openCounted = (
    room: string,
    presence: PresenceState,
    params?: Record<string, string>,
  ): DocSync => {
    const sync = openDocSync({
      room,
      target: input.target,
      surface: input.surface,
      presence,
      params,
    })
    const detach = status.attach(sync.status)
    return {
      ...sync,
      destroy() {
        detach()
        sync.destroy()
      },
    }
  }
  const bodies = createBodyCache({
    openBody: (noteId, presence) => openCounted(noteRoomName(input.workspaceId, noteId), presence),
  })
  const boards = new Set<DocSync>()
  return {
    workspaceId: input.workspaceId,
    doc: root.doc,
    provider: root.provider,
    awareness: root.awareness,
    status,
    openNoteBody: (noteId, presence) => bodies.open(noteId, presence),
    peekNoteBody: (noteId) => bodies.peek(noteId),
    prefetchNoteBody: (noteId, presence) => bodies.prefetch(noteId, presence),
    openBoard(boardId, presence) {
      // A board's items come first as a preview, drawn while its document applies.
      const board = openCounted(boardRoomName(input.workspaceId, boardId), presence, {
        [BOARD_PREVIEW_PARAM]: '1',
      })
      boards.add(board)
      return {
        ...board,
        destroy() {
          if (!boards.delete(board)) return
          board.destroy()
        },
      }
    },
    search,
    destroy() {
      search.destroy()
      for (const board of [...boards]) board.destroy()
      boards.clear()
      bodies.destroy()
      status.destroy()
      root.destroy()
    },
  }
}
