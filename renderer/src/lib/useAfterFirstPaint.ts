import { useEffect, useState } from 'react'

/**
 * False for the first frame a component is on screen, true after. Lets a view show what the
 * person came for (a note's text) in the first frame, and its secondary chrome (the formatting
 * toolbar) in the next one, so switching notes feels immediate.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => setPainted(true))
    return () => cancelAnimationFrame(frame)
  }, [])
  return painted
}
