import type { ItemId } from '../../../../shared/ids'
import type { Point } from '../../../../shared/model/board/geometry'
import type { BoardRuntime } from '../boardRuntime'
import { MAX_PRESENCE_IDS } from '../state/boardPresence'
import { screenToWorld, type Camera } from '../state/camera'
import type { BoardTool, Interaction } from '../state/interaction'
import type { PointerInput } from './controllerTypes'

/**
 * The part of a BoardRuntime the tools use. The canvas hands over the whole runtime; tests
 * build this much from real stores around a plain Y.Doc (testRuntime.ts).
 */
export type ToolRuntime = Pick<
  BoardRuntime,
  | 'doc'
  | 'actor'
  | 'scene'
  | 'camera'
  | 'size'
  | 'interaction'
  | 'presence'
  | 'undo'
  | 'viewOnly'
  | 'presenting'
  | 'canEdit'
>

/**
 * A gesture in progress: what one pointer does between down and up. Each tool's pointerDown
 * returns one (or nothing); the controller forwards moves, the release and cancellation.
 */
export type Gesture = {
  move(input: PointerInput): void
  up(input: PointerInput): void
  /** Esc, a second finger, a lost pointer: take back the preview, write nothing. */
  cancel(): void
}

/** The tools a view-only guest or a presenter keeps: they look around, they do not write. */
export const VIEWING_TOOLS: ReadonlySet<BoardTool> = new Set(['select', 'hand'])

/** Moves under this many screen pixels are a click, not a drag. */
export const DRAG_THRESHOLD = 3

export function pastThreshold(start: Point, input: Point): boolean {
  return Math.hypot(input.x - start.x, input.y - start.y) > DRAG_THRESHOLD
}

/**
 * Words the tools write into the board, in the language on screen when they do (the canvas
 * passes translations; tests and buttons that write no words get the English defaults).
 */
export type ToolWords = {
  /** The title a frame drawn with the frame tool starts with. */
  frameTitle(): string
}

export const DEFAULT_TOOL_WORDS: ToolWords = { frameTitle: () => 'Frame' }

/** What every tool module gets: the runtime plus the few helpers they all need. */
export type ToolContext = {
  readonly runtime: ToolRuntime
  readonly words: ToolWords
  now(): number
  camera(): Camera
  state(): Interaction
  /** A screen point (CSS pixels in the canvas) in world units, with the camera of now. */
  toWorld(point: Point): Point
  /** Replaces the selection. */
  select(ids: Iterable<ItemId>): void
  /**
   * Runs one document command as one undo step. Y.UndoManager merges transactions that come
   * within its capture timeout (500 ms), so a drop right after a duplicate would otherwise be
   * undone together. A held arrow key is one step: its first press `opens` a step that its
   * repeats `continue`.
   */
  command<T>(run: () => T, step?: 'own' | 'open' | 'continue'): T
}

export function createToolContext(
  runtime: ToolRuntime,
  now: () => number,
  words: ToolWords = DEFAULT_TOOL_WORDS,
): ToolContext {
  const camera = (): Camera => runtime.camera.getSnapshot()
  return {
    runtime,
    words,
    now,
    camera,
    state: () => runtime.interaction.getSnapshot(),
    toWorld: (point) => screenToWorld(camera(), point),
    select(ids) {
      runtime.interaction.update({ selection: new Set(ids) })
    },
    command(run, step = 'own') {
      if (step !== 'continue') runtime.undo.stopCapturing()
      const result = run()
      if (step === 'own') runtime.undo.stopCapturing()
      return result
    },
  }
}

/** Ids for presence: others need a few hundred at most to draw a drag or a selection. */
export function presenceIds(ids: Iterable<ItemId>): ItemId[] {
  const list: ItemId[] = []
  for (const id of ids) {
    if (list.length >= MAX_PRESENCE_IDS) break
    list.push(id)
  }
  return list
}
