import type { ExternalStore } from '../../lib/externalStore'
import type { BoardTool } from '../state/interaction'

/**
 * What the canvas hands the tool controller (tools/controller.ts): DOM events reduced to plain
 * values, so the controller runs — and is tested — without a browser. Coordinates are CSS
 * pixels relative to the canvas's top-left corner.
 */
export type PointerInput = {
  x: number
  y: number
  /** 0 main, 1 middle, 2 secondary. */
  button: number
  pointerId: number
  pointerType: 'mouse' | 'pen' | 'touch'
  shift: boolean
  alt: boolean
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod: boolean
}

export type WheelInput = {
  x: number
  y: number
  /** In pixels (the canvas converts line and page deltas). */
  dx: number
  dy: number
  /** Ctrl/Cmd held, or a trackpad pinch (which browsers report as a wheel with Ctrl). */
  mod: boolean
  /** Shift held: a mouse wheel scrolls sideways. */
  shift?: boolean
}

export type KeyInput = {
  key: string
  code: string
  shift: boolean
  alt: boolean
  mod: boolean
  repeat: boolean
}

export type BoardController = {
  pointerDown(input: PointerInput): void
  pointerMove(input: PointerInput): void
  pointerUp(input: PointerInput): void
  /** The pointer left the canvas, or the gesture was cancelled (pointercancel, blur). */
  pointerCancel(input?: { pointerId: number }): void
  doubleClick(input: PointerInput): void
  wheel(input: WheelInput): void
  /** True when the key was the board's (the canvas then prevents the browser's default). */
  keyDown(input: KeyInput): boolean
  keyUp(input: KeyInput): void
  setTool(tool: BoardTool): void
  /** The CSS cursor for the canvas now (over a handle, an item, while panning…). */
  readonly cursor: ExternalStore<string>
  destroy(): void
}
