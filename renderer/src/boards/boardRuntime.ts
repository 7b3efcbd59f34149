import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { BoardId } from '../../../shared/ids'
import type { BoardActor } from '../../../shared/model/board/boardDoc'
import { createBoardUndo } from '../../../shared/model/board/undo'
import { personId } from '../connection/personId'
import { createValueStore, type ExternalStore, type ValueStore } from '../lib/externalStore'
import type { DocSync } from '../sync/docSync'
import type { PresenceUser } from '../sync/presenceState'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { receiveBoardPreview } from './boardPreview'
import { createBoardScene, type BoardScene } from './state/boardScene'
import {
  boardPeersStore,
  createBoardPresencePublisher,
  type BoardPeer,
  type BoardPresencePublisher,
} from './state/boardPresence'
import { DEFAULT_CAMERA, type Camera, type Size } from './state/camera'
import { createInteractionStore, type InteractionStore } from './state/interaction'

/** Origin of in-place text edits on a board (undoable, like commands). */
export const BOARD_TEXT_ORIGIN = { kind: 'kryss-board-text' }

/**
 * Everything one open board needs, made once per board and shared by the canvas, the tools,
 * the facilitation bar and the menus. None of it is React state: views subscribe to the
 * stores they draw from, so a pan or a remote drag never re-renders the screen.
 */
export type BoardRuntime = {
  boardId: BoardId
  sync: DocSync
  doc: Y.Doc
  /** Me, as board commands check roles and vote budgets. */
  actor: BoardActor
  scene: BoardScene
  camera: ValueStore<Camera>
  /** The canvas's size in CSS pixels (0 × 0 until it is laid out). */
  size: ValueStore<Size>
  interaction: InteractionStore
  peers: ExternalStore<readonly BoardPeer[]>
  presence: BoardPresencePublisher
  /** Undo of my own commands and text edits only. */
  undo: Y.UndoManager
  /** A view-only guest (the host would refuse any write). */
  viewOnly: ValueStore<boolean>
  /** Present mode, on this screen only: the board shown without tools, nothing editable. */
  presenting: ValueStore<boolean>
  /**
   * The board's preview is on screen and its document not yet synced (boardPreview.ts):
   * the canvas shows, nothing on it can be changed yet.
   */
  previewing: ValueStore<boolean>
  /** Counts the canvas's paints (the preview waits for one before the document applies). */
  paints: ValueStore<number>
  /** Whether tools may write now: synced, neither view-only nor presenting. */
  canEdit(): boolean
  /** My name or colour changed in the profile. */
  setUser(user: PresenceUser): void
  destroy(): void
}

export function openBoardRuntime(input: {
  connection: WorkspaceConnection
  boardId: BoardId
  user: PresenceUser
  readOnly: boolean
}): BoardRuntime {
  const sync = input.connection.openBoard(input.boardId, { user: input.user, note: null })
  const actor: BoardActor = { id: personId(), name: input.user.name }
  const scene = createBoardScene(sync.doc, actor)
  const peers = boardPeersStore(sync.awareness)
  const presence = createBoardPresencePublisher(sync.awareness, { personId: actor.id })
  const undo = createBoardUndo(sync.doc, { textOrigins: [BOARD_TEXT_ORIGIN] })
  const viewOnly = createValueStore(input.readOnly)
  const presenting = createValueStore(false)
  const previewing = createValueStore(false)
  const paints = createValueStore(0)
  const synced = (): boolean => sync.status.getSnapshot().synced
  receiveBoardPreview(sync, (items) => {
    if (synced() || !scene.showPreview(items)) return undefined
    previewing.set(true)
    return new Promise<void>((painted) => {
      const stop = paints.subscribe(() => {
        stop()
        painted()
      })
    })
  })
  const stopPreview = sync.status.subscribe(() => {
    if (!synced() || !previewing.getSnapshot()) return
    scene.endPreview()
    previewing.set(false)
  })
  return {
    boardId: input.boardId,
    sync,
    doc: sync.doc,
    actor,
    scene,
    camera: createValueStore<Camera>(DEFAULT_CAMERA),
    size: createValueStore<Size>({ width: 0, height: 0 }),
    interaction: createInteractionStore(),
    peers,
    presence,
    undo,
    viewOnly,
    presenting,
    previewing,
    paints,
    canEdit: () => synced() && !viewOnly.getSnapshot() && !presenting.getSnapshot(),
    setUser(user) {
      sync.awareness.setLocalStateField('user', user)
      actor.name = user.name
    },
    destroy() {
      stopPreview()
      undo.destroy()
      presence.destroy()
      peers.destroy()
      scene.destroy()
      sync.destroy()
    },
  }
}

/** The runtime of the board on screen; made when the board opens, destroyed when it closes. */
export function useBoardRuntime(input: {
  connection: WorkspaceConnection
  boardId: BoardId
  user: PresenceUser
  readOnly: boolean
}): BoardRuntime | undefined {
  const { connection, boardId, user, readOnly } = input
  const [runtime, setRuntime] = useState<BoardRuntime>()
  const userRef = useRef(user)
  const readOnlyRef = useRef(readOnly)
  useEffect(() => {
    const next = openBoardRuntime({
      connection,
      boardId,
      user: userRef.current,
      readOnly: readOnlyRef.current,
    })
    setRuntime(() => next)
    return () => {
      setRuntime(undefined)
      next.destroy()
    }
  }, [connection, boardId])
  // Name, colour and read-only change in place: the board stays open.
  useEffect(() => {
    userRef.current = user
    readOnlyRef.current = readOnly
    runtime?.setUser(user)
    runtime?.viewOnly.set(readOnly)
  }, [runtime, user, readOnly])
  return runtime
}
