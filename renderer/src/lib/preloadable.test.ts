import { createElement, Suspense } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { preloadable } from './preloadable'

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
})
