import { afterEach } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { BoardActor } from '../../../../shared/model/board/boardDoc'
import { createBoardUndo } from '../../../../shared/model/board/undo'
import type { ItemId } from '../../../../shared/ids'
import { createItems, type NewItem } from '../../../../shared/model/board/commands'
import { ANNE } from '../../../../shared/model/board/testing'
import { createValueStore } from '../../lib/externalStore'
import { createBoardScene } from '../state/boardScene'
import {
  createBoardPresencePublisher,
  readBoardPresence,
  type BoardPresence,
} from '../state/boardPresence'
import type { Camera, Size } from '../state/camera'
import { createInteractionStore } from '../state/interaction'
import { createBoardController } from './controller'
import type { BoardController, KeyInput, PointerInput } from './controllerTypes'
import type { ToolRuntime, ToolWords } from './toolContext'

/**
 * A board for controller tests: the real stores of a BoardRuntime (scene, camera, size,
 * interaction, presence on a y-protocols Awareness, undo) around a plain Y.Doc, with no
 * browser and no host. Presence frames are sent by hand (`frame()`), so tests see what others
 * would receive and when.
 */
export type TestBoard = {
  runtime: ToolRuntime
  doc: Y.Doc
  awareness: Awareness
  controller: BoardController
  /** Sends the pending presence update, as the next animation frame would. */
  frame(): void
  /** What others read of my presence now (after the last frame). */
  sent(): BoardPresence
  /** Counts the document updates `run` causes. */
  updatesDuring(run: () => void): number
  destroy(): void
}

export const TEST_SIZE: Size = { width: 1000, height: 800 }
/** World = screen at this camera, which keeps the arithmetic of tests readable. */
export const TEST_CAMERA: Camera = { x: 0, y: 0, zoom: 1 }

export function createTestBoard(
  options: {
    doc?: Y.Doc
    actor?: BoardActor
    camera?: Camera
    size?: Size
    viewOnly?: boolean
    now?: () => number
    words?: ToolWords
  } = {},
): TestBoard {
  const doc = options.doc ?? new Y.Doc()
  const actor = { ...(options.actor ?? ANNE) }
  const awareness = new Awareness(doc)
  const frames: (() => void)[] = []
  const presence = createBoardPresencePublisher(awareness, {
    personId: actor.id,
    schedule: (send) => frames.push(send),
  })
  const viewOnly = createValueStore(options.viewOnly ?? false)
  const presenting = createValueStore(false)
  const scene = createBoardScene(doc, actor)
  const undo = createBoardUndo(doc)
  const runtime: ToolRuntime = {
    doc,
    actor,
    scene,
    camera: createValueStore(options.camera ?? TEST_CAMERA),
    size: createValueStore(options.size ?? TEST_SIZE),
    interaction: createInteractionStore(),
    presence,
    undo,
    viewOnly,
    presenting,
    canEdit: () => !viewOnly.getSnapshot() && !presenting.getSnapshot(),
  }
  const controller = createBoardController(runtime, {
    now: options.now ?? (() => 1_000),
    words: options.words,
  })
  return {
    runtime,
    doc,
    awareness,
    controller,
    frame() {
      for (const send of frames.splice(0)) send()
    },
    sent() {
      const state = awareness.getLocalState() as { board?: unknown } | null
      return readBoardPresence(state?.board)
    },
    updatesDuring(run) {
      let count = 0
      const count1 = (): void => void count++
      doc.on('update', count1)
      try {
        run()
      } finally {
        doc.off('update', count1)
      }
      return count
    },
    destroy() {
      controller.destroy()
      undo.destroy()
      presence.destroy()
      scene.destroy()
      awareness.destroy()
    },
  }
}

/** A mouse event at a screen point (main button, no modifiers unless given). */
export function at(x: number, y: number, extra: Partial<PointerInput> = {}): PointerInput {
  return {
    x,
    y,
    button: 0,
    pointerId: 1,
    pointerType: 'mouse',
    shift: false,
    alt: false,
    mod: false,
    ...extra,
  }
}

export function key(name: string, extra: Partial<KeyInput> = {}): KeyInput {
  const code = /^[a-z]$/i.test(name)
    ? `Key${name.toUpperCase()}`
    : /^[0-9]$/.test(name)
      ? `Digit${name}`
      : name
  return { key: name, code, shift: false, alt: false, mod: false, repeat: false, ...extra }
}

/** Down at `from`, moves in `steps` to `to`, up there. */
export function drag(
  controller: BoardController,
  from: { x: number; y: number },
  to: { x: number; y: number },
  extra: Partial<PointerInput> = {},
  steps = 4,
): void {
  controller.pointerDown(at(from.x, from.y, extra))
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps
    const y = from.y + ((to.y - from.y) * i) / steps
    controller.pointerMove(at(x, y, extra))
  }
  controller.pointerUp(at(to.x, to.y, extra))
}

export function click(
  controller: BoardController,
  x: number,
  y: number,
  extra: Partial<PointerInput> = {},
): void {
  controller.pointerDown(at(x, y, extra))
  controller.pointerUp(at(x, y, extra))
}

/**
 * `board(options)` for a test file: a test board destroyed after each test. Call once at the
 * top of the file.
 */
export function testBoards(): (options?: Parameters<typeof createTestBoard>[0]) => TestBoard {
  let boards: TestBoard[] = []
  afterEach(() => {
    for (const board of boards) board.destroy()
    boards = []
  })
  return (options = {}) => {
    const made = createTestBoard(options)
    boards.push(made)
    return made
  }
}

/** Adds items as Anne, in one command; returns their ids. */
export function add(target: TestBoard, ...items: NewItem[]): ItemId[] {
  return createItems(target.doc, items, { actor: ANNE, now: 1 })
}

export const sticky = (x: number, y: number, extra: Partial<NewItem> = {}): NewItem => ({
  kind: 'sticky',
  x,
  y,
  ...extra,
})

/** What is selected now, in selection order. */
export function selection(target: TestBoard): ItemId[] {
  return [...target.runtime.interaction.getSnapshot().selection]
}
