import type { BoardRuntime } from '../boardRuntime'
import type { BoardController } from './controllerTypes'

/**
 * The board's tools as a state machine over plain input (controllerTypes.ts): selecting,
 * moving, resizing, panning, zooming, creating items, keyboard commands. It writes the
 * document through shared/model/board commands (one per gesture) and shows gestures in
 * progress through the interaction store and board presence.
 */
export function createBoardController(
  _runtime: BoardRuntime,
  _options: { now?: () => number } = {},
): BoardController {
  throw new Error('The board tools are not built yet.')
}
