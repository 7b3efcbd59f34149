import type { Positions } from './forceLayout'
import type { LayoutRequest, LayoutResponse } from './layout.worker'
import type { LayoutInput } from './networkGraph'

/**
 * Asks the layout worker for positions. One worker for the window, made on first use and kept
 * (the view opens and closes; the worker costs nothing while idle). Where a worker cannot
 * start (an odd embedding, a CSP without workers), the same code runs on this thread instead:
 * slower to the eye, never wrong.
 */
let worker: Worker | undefined
let workerFailed = false
let nextId = 1
const waiting = new Map<number, (response: LayoutResponse) => void>()

function startWorker(): Worker | undefined {
  if (worker !== undefined || workerFailed) return worker
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    workerFailed = true
    return undefined
  }
  worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const done = waiting.get(event.data.id)
    waiting.delete(event.data.id)
    done?.(event.data)
  }
  worker.onerror = () => {
    // A worker that fails to load: everything waiting is laid out here, and so is what follows.
    workerFailed = true
    worker?.terminate()
    worker = undefined
    const pending = [...waiting.values()]
    waiting.clear()
    for (const done of pending) done({ id: -1, positions: {}, ms: -1 })
  }
  return worker
}

export type LayoutAnswer = { positions: Positions; ms: number; where: 'worker' | 'page' }

async function layoutHere(input: LayoutInput, previous: Positions): Promise<LayoutAnswer> {
  const { layoutNetwork } = await import('./forceLayout')
  const start = performance.now()
  const positions = layoutNetwork(input, previous)
  return { positions, ms: performance.now() - start, where: 'page' }
}

export function requestLayout(input: LayoutInput, previous: Positions): Promise<LayoutAnswer> {
  const target = startWorker()
  if (target === undefined) return layoutHere(input, previous)
  const id = nextId++
  return new Promise<LayoutAnswer>((resolve) => {
    waiting.set(id, (response) => {
      if (response.ms < 0) resolve(layoutHere(input, previous))
      else resolve({ positions: response.positions, ms: response.ms, where: 'worker' })
    })
    const request: LayoutRequest = { id, input, previous }
    target.postMessage(request)
  })
}
