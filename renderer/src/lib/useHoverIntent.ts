import { useEffect, useMemo, useRef } from 'react'

/** How long the pointer has to rest on something before we act on it. */
export const HOVER_INTENT_MS = 60

/**
 * Calls `action` when the pointer rests on an element for {@link HOVER_INTENT_MS} — not when
 * it merely passes over it (scrolling a list under a still mouse, or crossing the sidebar).
 * Spread `start` on pointer enter and `cancel` on pointer leave.
 */
export function useHoverIntent(action: () => void, delayMs = HOVER_INTENT_MS) {
  const actionRef = useRef(action)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    actionRef.current = action
  }, [action])
  useEffect(() => () => clearTimeout(timer.current), [])
  return useMemo(
    () => ({
      start: () => {
        clearTimeout(timer.current)
        timer.current = setTimeout(() => actionRef.current(), delayMs)
      },
      cancel: () => clearTimeout(timer.current),
    }),
    [delayMs],
  )
}
