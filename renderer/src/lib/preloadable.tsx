import { lazy, type ComponentType } from 'react'

/**
 * A component whose code loads on demand, like `React.lazy`, that can also be loaded ahead
 * (`preload`, e.g. when the list that opens it is shown).
 *
 * Why not `lazy` alone: a lazy component suspends on its first render even when its module
 * has long arrived (`lazy` only looks at the module once it renders), and React then keeps
 * the fallback on screen for up to 300 ms so that content does not flash in. Preloaded, this
 * one renders the loaded component directly, in the same frame as the click.
 *
 * A load that fails is not kept: preloading again fetches anew, and so does rendering again
 * after `retryFailedLoads()` (ui/LoadBoundary's "Try again"). Until then the failure stays
 * what renders, so an error boundary shows it rather than a fetch retried on every render.
 */
/** Bumped by "Try again" (ui/LoadBoundary): a failed load is fetched anew then, not before. */
let retries = 0

/** Lets every load that failed so far be tried again at its next render. */
export function retryFailedLoads(): void {
  retries++
}

export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): { Component: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined
  let loading: Promise<{ default: ComponentType<P> }> | undefined
  /** `retries` when the last load failed; undefined while none has. */
  let failedAt: number | undefined
  const preload = (): Promise<{ default: ComponentType<P> }> => {
    loading ??= load().then(
      (module) => {
        loaded = module.default
        return module
      },
      (error: unknown) => {
        loading = undefined
        failedAt = retries
        throw error
      },
    )
    return loading
  }
  let Lazy = lazy(preload)
  function Preloadable(props: P) {
    const Loaded = loaded
    if (Loaded !== undefined) return <Loaded {...props} />
    // React keeps a lazy's failure for good (the error boundary shows it); after "Try again"
    // a new lazy fetches again.
    if (failedAt !== undefined && retries > failedAt) {
      failedAt = undefined
      Lazy = lazy(preload)
    }
    const Loading = Lazy
    return <Loading {...props} />
  }
  return { Component: Preloadable, preload }
}
