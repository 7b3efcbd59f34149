import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { NoteId, WorkspaceId } from '../../../shared/ids'

/** A window with just what route.ts uses; frames run only when the test says so. */
function fakeWindow() {
  const location = { pathname: '/', search: '', hash: '' }
  const written: string[] = []
  const frames = new Map<number, () => void>()
  let nextFrame = 1
  vi.stubGlobal('window', {
    location,
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => {
        written.push(url)
        location.hash = url.slice(url.indexOf('#') === -1 ? url.length : url.indexOf('#'))
      },
    },
    addEventListener: () => {},
  })
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    frames.set(nextFrame, callback)
    return nextFrame++
  })
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id))
  const paint = (): void => {
    const due = [...frames.values()]
    frames.clear()
    for (const callback of due) callback()
  }
  return { written, paint }
}

const ws = 'ws-route-test' as WorkspaceId

describe('navigate', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.resetModules()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('shows the route at once and writes the URL once, after the next paint', async () => {
    const { written, paint } = fakeWindow()
    const { navigate, currentRoute } = await import('./route')
    navigate({ workspace: ws, note: 'a' as NoteId })
    navigate({ workspace: ws, note: 'b' as NoteId })
    expect(currentRoute.getSnapshot().note).toBe('b')
    expect(written).toEqual([])
    paint()
    await vi.advanceTimersByTimeAsync(0)
    expect(written).toEqual([`/#w=${ws}&n=b`])
    // Nothing more is written for that burst.
    await vi.advanceTimersByTimeAsync(200)
    expect(written).toHaveLength(1)
  })

  it('writes the URL of a hidden tab, which paints nothing, after 100 ms', async () => {
    const { written } = fakeWindow()
    const { navigate } = await import('./route')
    navigate({ workspace: ws, note: 'c' as NoteId })
    await vi.advanceTimersByTimeAsync(99)
    expect(written).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(written).toEqual([`/#w=${ws}&n=c`])
  })
})
