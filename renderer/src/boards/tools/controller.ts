import type { ItemId } from '../../../../shared/ids'
import type { Point } from '../../../../shared/model/board/geometry'
import { observeBoardState } from '../../../../shared/model/board/observe'
import { createValueStore } from '../../lib/externalStore'
import { visibleRect } from '../state/camera'
import { handleCursor } from '../state/handles'
import type { BoardTool } from '../state/interaction'
import type { BoardController, PointerInput } from './controllerTypes'
import {
  doubleClickSelect,
  pressConnector,
  pressFrame,
  pressPlace,
  pressVote,
  votingOpen,
} from './createTools'
import { IDLE_GESTURE, startPan, startPinch, type Pinch } from './gestures'
import { handleKey } from './keyboard'
import { pruneSelection } from './selectionActions'
import { handleUnder, itemAt, pressSelect } from './selectTool'
import {
  VIEWING_TOOLS,
  createToolContext,
  presenceIds,
  type Gesture,
  type ToolRuntime,
  type ToolWords,
} from './toolContext'
import { wheel } from './viewActions'

/**
 * The board's tools as a state machine over plain input (controllerTypes.ts): selecting,
 * moving, resizing, panning, zooming, creating items, keyboard commands. It writes the
 * document through shared/model/board commands (one per gesture, one undo step each) and
 * shows gestures in progress through the interaction store and board presence.
 *
 * One pointer owns a gesture from down to up (the tool modules make them: selectTool.ts,
 * createTools.ts, gestures.ts); a second finger turns the touch into a pinch. Keys are in
 * keyboard.ts, the view's moves in viewActions.ts.
 *
 * Pitfalls:
 * - Read the tool and `canEdit()` at each press, not once: the tool bar changes the tool
 *   through the interaction store, and present mode can start mid-gesture.
 * - A gesture is forgotten before its `up` runs, so a command that throws (a permission
 *   error) cannot leave a dead gesture owning the pointer.
 * - Presence ids are capped (MAX_PRESENCE_IDS): a select-all of 5,000 must not go out on
 *   every frame.
 */

export function createBoardController(
  runtime: ToolRuntime,
  options: { now?: () => number; words?: ToolWords } = {},
): BoardController {
  const ctx = createToolContext(runtime, options.now ?? Date.now, options.words)
  const { interaction, presence, scene, camera, size } = runtime
  const cursor = createValueStore('default')

  let active: { pointerId: number; gesture: Gesture; pans: boolean } | undefined
  /** Touch pointers that are down, for the pinch. */
  const touches = new Map<number, Point>()
  let pinch: Pinch | undefined

  /** The first two fingers down pinch; a third waits until one of them lifts. */
  const restartPinch = (): void => {
    const [a, b] = [...touches.values()]
    pinch = a !== undefined && b !== undefined ? startPinch(ctx, a, b) : undefined
  }

  /** The tool that acts now: view-only and present mode leave only select and hand. */
  const tool = (): BoardTool => {
    const chosen = ctx.state().tool
    return runtime.canEdit() || VIEWING_TOOLS.has(chosen) ? chosen : 'select'
  }

  const cancelGesture = (): boolean => {
    const gesture = active?.gesture ?? (pinch === undefined ? undefined : IDLE_GESTURE)
    active = undefined
    pinch = undefined
    gesture?.cancel()
    return gesture !== undefined
  }

  const startGesture = (input: PointerInput): { gesture: Gesture; pans: boolean } => {
    const current = tool()
    if (input.button === 1 || ctx.state().panning || current === 'hand') {
      return { gesture: startPan(ctx, input), pans: true }
    }
    if (input.button !== 0) return { gesture: IDLE_GESTURE, pans: false }
    switch (current) {
      case 'select':
        return { gesture: pressSelect(ctx, input), pans: false }
      case 'sticky':
      case 'text':
        return { gesture: pressPlace(ctx, input, current), pans: false }
      case 'frame':
        return { gesture: pressFrame(ctx, input), pans: false }
      case 'connector':
        return { gesture: pressConnector(ctx, input), pans: false }
      case 'vote':
        return { gesture: pressVote(ctx, input), pans: false }
    }
  }

  const showCursor = (input: PointerInput | undefined): void => {
    const current = tool()
    let next = 'default'
    if (pinch !== undefined || active?.pans === true) next = 'grabbing'
    // A drag or a resize keeps the cursor it started with.
    else if (active !== undefined) return
    else if (ctx.state().panning || current === 'hand') next = 'grab'
    else if (current !== 'select' && current !== 'vote') next = 'crosshair'
    else if (current === 'vote') next = 'pointer'
    else if (input !== undefined) {
      const grip = handleUnder(ctx, input)
      if (grip !== undefined) next = handleCursor(grip.handle)
    }
    cursor.set(next)
  }

  const setHover = (input: PointerInput): void => {
    if (input.pointerType === 'touch') return
    const current = tool()
    const item =
      current === 'select' || current === 'connector' || current === 'vote'
        ? itemAt(ctx, input)
        : undefined
    interaction.update({ hover: item?.id })
  }

  // What others see of me: my view whenever it changes, my selection whenever it changes.
  const publishView = (): void => {
    const viewport = size.getSnapshot()
    if (viewport.width === 0 || viewport.height === 0) return
    presence.publish({ view: visibleRect(camera.getSnapshot(), viewport) })
  }
  let lastSelection = ctx.state().selection
  const onInteraction = (): void => {
    const { selection } = ctx.state()
    if (selection === lastSelection) return
    lastSelection = selection
    presence.publish({ selection: presenceIds(selection) })
  }
  const onScene = (changed: ReadonlySet<ItemId>): void => {
    const { selection, editing, hover } = ctx.state()
    for (const id of changed) {
      const mine = selection.has(id) || editing === id || hover === id
      if (mine && scene.get(id) === undefined) {
        pruneSelection(ctx)
        return
      }
    }
  }
  const onBoardState = (): void => {
    if (ctx.state().tool === 'vote' && !votingOpen(ctx)) interaction.update({ tool: 'select' })
  }
  const onPermission = (): void => {
    if (runtime.canEdit()) return
    cancelGesture()
    const state = ctx.state()
    interaction.update({
      tool: VIEWING_TOOLS.has(state.tool) ? state.tool : 'select',
      editing: undefined,
    })
  }
  const stops = [
    camera.subscribe(publishView),
    size.subscribe(publishView),
    interaction.subscribe(onInteraction),
    scene.subscribe(onScene),
    observeBoardState(runtime.doc, onBoardState),
    runtime.viewOnly.subscribe(onPermission),
    runtime.presenting.subscribe(onPermission),
  ]
  publishView()

  const setTool = (next: BoardTool): void => {
    if (!runtime.canEdit() && !VIEWING_TOOLS.has(next)) return
    if (next === 'vote' && !votingOpen(ctx)) return
    cancelGesture()
    interaction.update({ tool: next })
    showCursor(undefined)
  }

  return {
    pointerDown(input) {
      presence.publish({ cursor: ctx.toWorld(input) })
      if (input.pointerType === 'touch') {
        touches.set(input.pointerId, { x: input.x, y: input.y })
        if (touches.size === 2) {
          // The second finger: whatever the first one started becomes a pinch.
          cancelGesture()
          restartPinch()
        }
        if (touches.size >= 2) {
          showCursor(input)
          return
        }
      }
      // A gesture whose release we never heard of (the pointer went up outside the window).
      cancelGesture()
      if (input.button === 2) return
      active = { pointerId: input.pointerId, ...startGesture(input) }
      showCursor(input)
    },
    pointerMove(input) {
      presence.publish({ cursor: ctx.toWorld(input) })
      if (input.pointerType === 'touch' && touches.has(input.pointerId)) {
        touches.set(input.pointerId, { x: input.x, y: input.y })
        if (pinch !== undefined) {
          const [a, b] = [...touches.values()] as [Point, Point]
          pinch.update(a, b)
          return
        }
      }
      if (active !== undefined && active.pointerId === input.pointerId) {
        active.gesture.move(input)
        return
      }
      setHover(input)
      showCursor(input)
    },
    pointerUp(input) {
      if (input.pointerType === 'touch') {
        touches.delete(input.pointerId)
        if (pinch !== undefined) {
          // Two fingers left go on pinching; the one finger left does not start a gesture.
          restartPinch()
          return
        }
      }
      if (active === undefined || active.pointerId !== input.pointerId) return
      const { gesture } = active
      active = undefined
      gesture.up(input)
      showCursor(input)
    },
    pointerCancel(input) {
      if (input === undefined) {
        touches.clear()
        cancelGesture()
        interaction.update({ panning: false })
      } else {
        touches.delete(input.pointerId)
        if (pinch !== undefined) restartPinch()
        else if (active?.pointerId === input.pointerId) cancelGesture()
      }
      interaction.update({ hover: undefined })
      presence.publish({ cursor: null })
      showCursor(undefined)
    },
    doubleClick(input) {
      if (input.button !== 0 || tool() !== 'select' || !runtime.canEdit()) return
      cancelGesture()
      doubleClickSelect(ctx, input)
    },
    wheel(input) {
      wheel(ctx, input)
    },
    keyDown(input) {
      const handled = handleKey(ctx, input, { cancelGesture, setTool })
      if (handled) showCursor(undefined)
      return handled
    },
    keyUp(input) {
      if (input.key !== ' ') return
      interaction.update({ panning: false })
      showCursor(undefined)
    },
    setTool,
    cursor,
    destroy() {
      cancelGesture()
      for (const stop of stops) stop()
    },
  }
}
