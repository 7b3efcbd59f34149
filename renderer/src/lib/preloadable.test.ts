import { createElement, Suspense } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LoadBoundary } from '../ui/LoadBoundary'
import { preloadable, retryFailedLoads } from './preloadable'

function Greeting({ name }: { name: string }) {
  return createElement('p', null, `Hei, ${name}`)
}

const inSuspense = (node: ReturnType<typeof createElement>) =>
  renderToString(createElement(Suspense, { fallback: 'laster' }, node))

describe('preloadable', () => {
  it('suspends like lazy until loaded, then renders in the same pass', async () => {
    let loads = 0
    const { Component, preload } = preloadable(() => {
      loads++
      return Promise.resolve({ default: Greeting })
    })
    expect(inSuspense(createElement(Component, { name: 'Ada' }))).toContain('laster')
    await preload()
    await preload()
    expect(inSuspense(createElement(Component, { name: 'Ada' }))).toContain('Hei, Ada')
    expect(loads).toBe(1)
  })

  it('renders at once when loaded ahead, where lazy would still suspend once', async () => {
    const { Component, preload } = preloadable(() => Promise.resolve({ default: Greeting }))
    await preload()
    // The very first render: no fallback in between (React would hold a fallback on screen).
    expect(inSuspense(createElement(Component, { name: 'Bjørn' }))).toContain('Hei, Bjørn')
  })

  it('keeps a failure until "Try again", then fetches anew', async () => {
    let loads = 0
    const { Component, preload } = preloadable<{ name: string }>(() => {
      loads++
      return loads === 1
        ? Promise.reject(new Error('net::ERR_CONNECTION_REFUSED'))
        : Promise.resolve({ default: Greeting })
    })
    // The first render starts the fetch, which fails.
    expect(inSuspense(createElement(Component, { name: 'Cato' }))).toContain('laster')
    await expect(preload()).rejects.toThrow('ERR_CONNECTION_REFUSED')
    // Rendered again: the failure, for an error boundary to show — not a fetch on every render.
    // (The server renderer answers a failure inside Suspense with the fallback.)
    inSuspense(createElement(Component, { name: 'Cato' }))
    expect(loads).toBe(1)
    retryFailedLoads()
    // After "Try again": fetched anew (the fallback meanwhile), then the component.
    expect(inSuspense(createElement(Component, { name: 'Cato' }))).toContain('laster')
    expect(loads).toBe(2)
    await preload()
    expect(loads).toBe(2)
    expect(inSuspense(createElement(Component, { name: 'Cato' }))).toContain('Hei, Cato')
  })

  it('tries a failed load again where a load boundary is shown anew', async () => {
    let loads = 0
    const { Component, preload } = preloadable<{ name: string }>(() => {
      loads++
      return loads === 1
        ? Promise.reject(new Error('offline'))
        : Promise.resolve({ default: Greeting })
    })
    expect(inSuspense(createElement(Component, { name: 'Dina' }))).toContain('laster')
    await expect(preload()).rejects.toThrow('offline')
    const boundary = createElement(
      LoadBoundary,
      null,
      createElement(Suspense, { fallback: 'laster' }, createElement(Component, { name: 'Dina' })),
    )
    expect(renderToString(boundary)).toContain('laster')
    expect(loads).toBe(2)
  })
})
