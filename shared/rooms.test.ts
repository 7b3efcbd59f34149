import { describe, expect, it } from 'vitest'
import type { BoardId, NoteId, WorkspaceId } from './ids'
import { boardRoomName, noteRoomName, parseRoomName, roomKey, rootRoomName } from './rooms'

const workspaceId = 'ws-abc123' as WorkspaceId

describe('room names', () => {
  it('formats and parses root, note and board rooms', () => {
    const noteId = 'note-xyz789' as NoteId
    const boardId = 'board-xyz789' as BoardId
    expect(rootRoomName(workspaceId)).toBe('ws-abc123')
    expect(noteRoomName(workspaceId, noteId)).toBe('ws-abc123/notes/note-xyz789')
    expect(boardRoomName(workspaceId, boardId)).toBe('ws-abc123/boards/board-xyz789')
    for (const room of [
      { kind: 'root', workspaceId },
      { kind: 'note', workspaceId, noteId },
      { kind: 'board', workspaceId, boardId },
    ] as const) {
      expect(parseRoomName(roomKey(room))).toEqual(room)
    }
  })

  it('refuses what is not a room', () => {
    for (const name of [
      '',
      'WS',
      'ws-abc123/boards',
      'ws-abc123/boards/',
      'ws-abc123/boards/x',
      'ws-abc123/boards/board-1/extra',
      'ws-abc123/pages/page-123',
      'ws-abc123/boards/Board-123',
      'ws-abc123/boards/..',
    ]) {
      expect(parseRoomName(name)).toBeUndefined()
    }
  })
})
