import { isWorkspaceId, type NoteId, type WorkspaceId } from './ids'

/**
 * Sync rooms. A workspace is one small root document (meta, note list, companies,
 * competences) plus one document per note body, so that opening a workspace does not mean
 * loading every word ever written in it (10k notes of 2 KB are ~22 MB of Yjs state; the
 * root alone is ~2 MB). Each document is a y-websocket room on the same endpoint:
 *
 * - `/sync/<workspaceId>` — the root document;
 * - `/sync/<workspaceId>/notes/<noteId>` — one note's body.
 *
 * A stock `WebsocketProvider` reaches either with the room name from these functions.
 */
export type Room =
  | { kind: 'root'; workspaceId: WorkspaceId }
  | { kind: 'note'; workspaceId: WorkspaceId; noteId: NoteId }

export const NOTE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/

export function isNoteId(value: unknown): value is NoteId {
  return typeof value === 'string' && NOTE_ID_PATTERN.test(value)
}

export function rootRoomName(workspaceId: WorkspaceId): string {
  return workspaceId
}

export function noteRoomName(workspaceId: WorkspaceId, noteId: NoteId): string {
  return `${workspaceId}/notes/${noteId}`
}

/** A stable key for maps of rooms. */
export function roomKey(room: Room): string {
  return room.kind === 'root'
    ? rootRoomName(room.workspaceId)
    : noteRoomName(room.workspaceId, room.noteId)
}

/** Parses the room part of a sync path (after `/sync/`). Undefined when it is not a room. */
export function parseRoomName(name: string): Room | undefined {
  const parts = name.split('/')
  const [workspaceId, kind, noteId] = parts
  if (!isWorkspaceId(workspaceId)) return undefined
  if (parts.length === 1) return { kind: 'root', workspaceId }
  if (parts.length === 3 && kind === 'notes' && isNoteId(noteId)) {
    return { kind: 'note', workspaceId, noteId }
  }
  return undefined
}
