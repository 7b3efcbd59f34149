import { useEffect } from 'react'
import type { BoardRuntime } from '../../boards/boardRuntime'
import { createValueStore, type ExternalStore } from '../../lib/externalStore'

/**
 * Where palette commands reach into screens that own their state: the open board (for the
 * timer commands) and the top bar's Invite button (its dialog). Each screen registers itself
 * with one hook call; the palette only ever acts through what is registered now.
 */

const openBoard = createValueStore<BoardRuntime | undefined>(undefined)

/** The board on screen now, as its screen registered it (`undefined`: none). */
export const openBoardRuntime: ExternalStore<BoardRuntime | undefined> = openBoard

/** Called by the board screen: its runtime is the open board while it is mounted. */
export function usePaletteBoard(runtime: BoardRuntime | undefined): void {
  useEffect(() => {
    if (runtime === undefined) return
    openBoard.set(runtime)
    return () => {
      if (openBoard.getSnapshot() === runtime) openBoard.set(undefined)
    }
  }, [runtime])
}

const inviteOpeners = new Set<() => void>()

/** Opens the invite dialog, if an Invite button is on screen; returns whether one was. */
export function requestInvite(): boolean {
  for (const open of inviteOpeners) open()
  return inviteOpeners.size > 0
}

/** Called by the Invite button: `open` opens its dialog when the palette asks. */
export function useInviteRequests(open: () => void): void {
  useEffect(() => {
    inviteOpeners.add(open)
    return () => {
      inviteOpeners.delete(open)
    }
  }, [open])
}
