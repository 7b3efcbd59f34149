import { createValueStore, type ExternalStore } from '../../lib/externalStore'

/** A short message over the board; the view words it (the stores do not know the language). */
export type ToastMessage =
  | { kind: 'brought'; name: string }
  | { kind: 'broughtAll' }
  | { kind: 'followLeft'; name: string }
  | { kind: 'timeUp' }

export const TOAST_MS = 4000

export type Toasts = ExternalStore<(ToastMessage & { id: number }) | undefined> & {
  show(message: ToastMessage): void
  destroy(): void
}

/** One toast at a time: a newer one replaces the one on screen and gets the full time. */
export function createToasts(): Toasts {
  const store = createValueStore<(ToastMessage & { id: number }) | undefined>(undefined)
  let timer: ReturnType<typeof setTimeout> | undefined
  let next = 1
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    show(message) {
      if (timer !== undefined) clearTimeout(timer)
      store.set({ ...message, id: next++ })
      timer = setTimeout(() => {
        timer = undefined
        store.set(undefined)
      }, TOAST_MS)
    },
    destroy() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      store.set(undefined)
    },
  }
}
