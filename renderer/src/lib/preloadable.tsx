import { lazy, type ComponentType } from 'react'

/**
 * A component whose code loads on demand, like `React.lazy`, that can also be loaded ahead
 * (`preload`, e.g. when the list that opens it is shown).
 *
 * Why not `lazy` alone: a lazy component suspends on its first render even when its module
 * has long arrived (`lazy` only looks at the module once it renders), and React then keeps
 * the fallback on screen for up to 300 ms so that content does not flash in. Preloaded, this
 * one renders the loaded component directly, in the same frame as the click.
 */
export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): { Component: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<{ default: ComponentType<P> }> | undefined
  const preload = (): Promise<{ default: ComponentType<P> }> => {
    loading ??= load().then((module) => {
      loaded = module.default
      return module
    })
    return loading
  }
  const Lazy = lazy(preload)
  function Preloadable(props: P) {
    const Loaded = loaded
    return Loaded === undefined ? <Lazy {...props} /> : <Loaded {...props} />
  }
  return { Component: Preloadable, preload }
}
