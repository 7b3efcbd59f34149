/**
 * The shape `useSyncExternalStore` consumes. Every store in the renderer (Y data, sync status,
 * presence, preferences, routes) implements it, so React never holds a copy of the data.
 */
export type ExternalStore<T> = {
  readonly subscribe: (listener: () => void) => () => void
  readonly getSnapshot: () => T
}

/**
 * A store over a source that can be observed (a Y type, awareness, a provider). `read` builds a
 * snapshot; it runs again only after `observe` reported a change, and a snapshot equal to the
 * previous one (by `isEqual`) keeps the previous reference so React does not re-render.
 *
 * The source is observed only while someone subscribes. `useSyncExternalStore` reads the
 * snapshot once more right after subscribing, so a change made while nobody listened is still
 * seen: subscribing marks the snapshot stale.
 */
export function createObservedStore<T>(
  observe: (onChange: () => void) => () => void,
  read: () => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): ExternalStore<T> {
  let snapshot: { value: T } | undefined
  let stale = true
  let dispose: (() => void) | undefined
  const listeners = new Set<() => void>()
  const onChange = (): void => {
    stale = true
    for (const listener of [...listeners]) listener()
  }
  return {
    subscribe(listener) {
      listeners.add(listener)
      if (dispose === undefined) {
        dispose = observe(onChange)
        stale = true
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && dispose !== undefined) {
          dispose()
          dispose = undefined
          stale = true
        }
      }
    },
    getSnapshot() {
      if (stale || snapshot === undefined) {
        const next = read()
        stale = false
        if (snapshot === undefined || !isEqual(snapshot.value, next)) snapshot = { value: next }
      }
      return snapshot.value
    },
  }
}

/** A store holding one value that its owner replaces with `set`. */
export type ValueStore<T> = ExternalStore<T> & { readonly set: (value: T) => void }

export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => value,
    set(next) {
      if (Object.is(next, value)) return
      value = next
      for (const listener of [...listeners]) listener()
    },
  }
}

/** Element-wise equality of two arrays under `isEqual`. */
export function arraysEqual<T>(a: readonly T[], b: readonly T[], isEqual: (x: T, y: T) => boolean) {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (!isEqual(a[i] as T, b[i] as T)) return false
  }
  return true
}

/** Shallow equality of two plain records (same keys, `Object.is` values). */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keysA = Object.keys(a) as (keyof T)[]
  if (keysA.length !== Object.keys(b).length) return false
  return keysA.every((key) => Object.is(a[key], b[key]))
}
