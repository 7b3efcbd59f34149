import type { KeyInput, PointerInput, WheelInput } from '../tools/controllerTypes'

/**
 * DOM events reduced to the plain values the tool controller takes (controllerTypes.ts):
 * positions relative to the canvas, wheel deltas in pixels, Ctrl or Cmd as `mod`.
 */

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** How the Ctrl/Cmd key is written in a shortcut hint ("Ctrl+0", "⌘0"). */
export const MOD_LABEL = isMac ? '⌘' : 'Ctrl+'

/** Pixels per wheel "line" (Firefox on Linux/Windows reports mouse wheels in lines). */
export const WHEEL_LINE_PX = 16

export const DOM_DELTA_PIXEL = 0
export const DOM_DELTA_LINE = 1
export const DOM_DELTA_PAGE = 2

/** A wheel delta in pixels, whatever unit the browser reported it in. */
export function wheelPixels(delta: number, deltaMode: number, pageSize: number): number {
  if (deltaMode === DOM_DELTA_LINE) return delta * WHEEL_LINE_PX
  if (deltaMode === DOM_DELTA_PAGE) return delta * pageSize
  return delta
}

type Origin = { left: number; top: number }

function modOf(event: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return isMac ? event.metaKey : event.ctrlKey
}

export function pointerInput(
  event: Pick<
    PointerEvent,
    'clientX' | 'clientY' | 'button' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'
  > &
    Partial<Pick<PointerEvent, 'pointerId' | 'pointerType'>>,
  origin: Origin,
): PointerInput {
  const type = event.pointerType
  return {
    x: event.clientX - origin.left,
    y: event.clientY - origin.top,
    button: event.button,
    pointerId: event.pointerId ?? 1,
    pointerType: type === 'pen' || type === 'touch' ? type : 'mouse',
    shift: event.shiftKey,
    alt: event.altKey,
    mod: modOf(event),
  }
}

export function wheelInput(
  event: Pick<
    WheelEvent,
    'clientX' | 'clientY' | 'deltaX' | 'deltaY' | 'deltaMode' | 'ctrlKey' | 'metaKey' | 'shiftKey'
  >,
  origin: Origin,
  page: { width: number; height: number },
): WheelInput {
  return {
    x: event.clientX - origin.left,
    y: event.clientY - origin.top,
    dx: wheelPixels(event.deltaX, event.deltaMode, page.width),
    dy: wheelPixels(event.deltaY, event.deltaMode, page.height),
    // A trackpad pinch arrives as a wheel with ctrlKey set, on every system.
    mod: event.ctrlKey || event.metaKey,
    shift: event.shiftKey,
  }
}

export function keyInput(
  event: Pick<
    KeyboardEvent,
    'key' | 'code' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey' | 'repeat'
  >,
): KeyInput {
  return {
    key: event.key,
    code: event.code,
    shift: event.shiftKey,
    alt: event.altKey,
    mod: modOf(event),
    repeat: event.repeat,
  }
}
