import type { ComponentProps } from 'react'
import { preloadable } from '../lib/preloadable'
import type { BoardScreen } from './BoardScreen'

/**
 * The board screen (canvas, tools, facilitation, exports), loaded when a board is first
 * opened or ahead of that, when the list of boards shows (BoardList).
 */
export const boardScreen = preloadable<ComponentProps<typeof BoardScreen>>(() =>
  import('./BoardScreen').then((module) => ({ default: module.BoardScreen })),
)
