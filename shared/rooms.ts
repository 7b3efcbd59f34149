import { isWorkspaceId, type BoardId, type NoteId, type WorkspaceId } from './ids'

/**
 * Sync rooms. A workspace is one small root document (meta, note list, companies,
 * competences) plus one document per note body, so that opening a workspace does not mean
 * loading every word ever written in it (10k notes of 2 KB are ~22 MB of Yjs state; the
 * root alone is ~2 MB). Each document is a y-websocket room on the same endpoint:
 *
 * - `/sync/<workspaceId>` — the root document;
 * - `/sync/<workspaceId>/notes/<noteId>` — one note's body;
 * - `/sync/<workspaceId>/boards/<boardId>` — one board (shared/model/board/).
 *
 * A stock `WebsocketProvider` reaches either with the room name from these functions.
 */
export type Room =
  | { kind: 'root'; workspaceId: WorkspaceId }
  | { kind: 'note'; workspaceId: WorkspaceId; noteId: NoteId }
  | { kind: 'board'; workspaceId: WorkspaceId; boardId: BoardId }

export const NOTE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/

export function isNoteId(value: unknown): value is NoteId {
  return typeof value === 'string' && NOTE_ID_PATTERN.test(value)
}

/** Board ids follow the same safe alphabet as note ids (they travel in URLs and folder names). */
export function isBoardId(value: unknown): value is BoardId {
  return typeof value === 'string' && NOTE_ID_PATTERN.test(value)
}

export function rootRoomName(workspaceId: WorkspaceId): string {
  return workspaceId
}

export function noteRoomName(workspaceId: WorkspaceId, noteId: NoteId): string {
  return `${workspaceId}/notes/${noteId}`
}

export function boardRoomName(workspaceId: WorkspaceId, boardId: BoardId): string {
  return `${workspaceId}/boards/${boardId}`
}

/** A stable key for maps of rooms; also the room's name. */
export function roomKey(room: Room): string {
  switch (room.kind) {
    case 'root':
      return rootRoomName(room.workspaceId)
    case 'note':
      return noteRoomName(room.workspaceId, room.noteId)
    case 'board':
      return boardRoomName(room.workspaceId, room.boardId)
  }
}

/** Parses the room part of a sync path (after `/sync/`). Undefined when it is not a room. */
export function parseRoomName(name: string): Room | undefined {
  const parts = name.split('/')
  const [workspaceId, kind, id] = parts
  if (!isWorkspaceId(workspaceId)) return undefined
  if (parts.length === 1) return { kind: 'root', workspaceId }
  if (parts.length !== 3) return undefined
  if (kind === 'notes' && isNoteId(id)) return { kind: 'note', workspaceId, noteId: id }
  if (kind === 'boards' && isBoardId(id)) return { kind: 'board', workspaceId, boardId: id }
  return undefined
}
