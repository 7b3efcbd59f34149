import { useEffect, useState } from 'react'
import { afterNextPaint } from './afterNextPaint'

/**
 * False until the first frame with a component on screen has been painted, true after. Lets a
 * view show what the person came for (a note's text) in the first frame, and its secondary
 * chrome (the formatting toolbar) right after it, so switching notes feels immediate.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => afterNextPaint(() => setPainted(true)), [])
  return painted
}
