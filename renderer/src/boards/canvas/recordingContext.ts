import type { DrawContext } from './drawContext'

/** One call made on a {@link RecordingContext}, with the style in force when it was made. */
export type DrawCall = {
  name: string
  args: unknown[]
  fillStyle: string
  strokeStyle: string
  font: string
}

/**
 * A 2D context that draws nothing and remembers every call, for tests of the drawing code in
 * node. Text measures `0.55 × font size` per character, close enough to a sans-serif for
 * wrapping tests to mean something.
 */
export type RecordingContext = DrawContext & {
  readonly calls: DrawCall[]
  /** The calls named `name`. */
  named(name: string): DrawCall[]
  /** Every string passed to fillText. */
  texts(): string[]
  /** How many times text was measured. */
  readonly measured: number
}

function fontSize(font: string): number {
  const match = /(\d+(?:\.\d+)?)px/.exec(font)
  return match === null ? 10 : Number(match[1])
}

export function createRecordingContext(): RecordingContext {
  const calls: DrawCall[] = []
  let measured = 0
  const state = {
    fillStyle: '#000000' as string | CanvasGradient | CanvasPattern,
    strokeStyle: '#000000' as string | CanvasGradient | CanvasPattern,
    lineWidth: 1,
    font: '10px sans-serif',
    textAlign: 'start' as CanvasTextAlign,
    textBaseline: 'alphabetic' as CanvasTextBaseline,
    globalAlpha: 1,
    lineCap: 'butt' as CanvasLineCap,
    lineJoin: 'miter' as CanvasLineJoin,
  }
  const stack: (typeof state)[] = []
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      calls.push({
        name,
        args,
        fillStyle: typeof state.fillStyle === 'string' ? state.fillStyle : 'pattern',
        strokeStyle: typeof state.strokeStyle === 'string' ? state.strokeStyle : 'pattern',
        font: state.font,
      })
    }
  const context = {
    calls,
    named: (name: string) => calls.filter((call) => call.name === name),
    texts: () =>
      calls.filter((call) => call.name === 'fillText').map((call) => String(call.args[0])),
    get measured() {
      return measured
    },
    save() {
      stack.push({ ...state })
      record('save')()
    },
    restore() {
      const top = stack.pop()
      if (top !== undefined) Object.assign(state, top)
      record('restore')()
    },
    setTransform: record('setTransform'),
    clearRect: record('clearRect'),
    fillRect: record('fillRect'),
    strokeRect: record('strokeRect'),
    beginPath: record('beginPath'),
    closePath: record('closePath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    rect: record('rect'),
    roundRect: record('roundRect'),
    arc: record('arc'),
    fill: record('fill'),
    stroke: record('stroke'),
    clip: record('clip'),
    fillText: record('fillText'),
    drawImage: record('drawImage'),
    setLineDash: record('setLineDash'),
    measureText(text: string) {
      measured++
      return { width: text.length * fontSize(state.font) * 0.55 } as TextMetrics
    },
  }
  for (const key of Object.keys(state) as (keyof typeof state)[]) {
    Object.defineProperty(context, key, {
      get: () => state[key],
      set: (value: never) => {
        state[key] = value
      },
      enumerable: true,
    })
  }
  return context as unknown as RecordingContext
}
