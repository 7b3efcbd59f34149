import { describe, expect, it } from 'vitest'
import { arraysEqual, createObservedStore, createValueStore } from './externalStore'

function source() {
  let value = 1
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next: number) {
      value = next
      for (const listener of listeners) listener()
    },
    observe(onChange: () => void) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
    get observers() {
      return listeners.size
    },
  }
}

describe('createObservedStore', () => {
  it('reads once per change and keeps the reference while nothing changed', () => {
    const src = source()
    let reads = 0
    const store = createObservedStore(
      (onChange) => src.observe(onChange),
      () => {
        reads++
        return { value: src.get() }
      },
      (a, b) => a.value === b.value,
    )
    const unsubscribe = store.subscribe(() => {})
    const first = store.getSnapshot()
    expect(store.getSnapshot()).toBe(first)
    expect(reads).toBe(1)
    src.set(1) // same value: a new read, but the same snapshot
    expect(store.getSnapshot()).toBe(first)
    src.set(2)
    expect(store.getSnapshot()).toEqual({ value: 2 })
    unsubscribe()
  })

  it('observes only while subscribed, and sees changes made while nobody listened', () => {
    const src = source()
    const store = createObservedStore((onChange) => src.observe(onChange), src.get)
    const unsubscribe = store.subscribe(() => {})
    expect(src.observers).toBe(1)
    expect(store.getSnapshot()).toBe(1)
    unsubscribe()
    expect(src.observers).toBe(0)
    src.set(5)
    // React reads again right after subscribing; that read must see the change.
    store.subscribe(() => {})
    expect(store.getSnapshot()).toBe(5)
  })

  it('notifies subscribers on change', () => {
    const src = source()
    const store = createObservedStore((onChange) => src.observe(onChange), src.get)
    let calls = 0
    store.subscribe(() => calls++)
    src.set(3)
    expect(calls).toBe(1)
  })
})

describe('createValueStore', () => {
  it('notifies only when the value changes', () => {
    const store = createValueStore('a')
    let calls = 0
    store.subscribe(() => calls++)
    store.set('a')
    store.set('b')
    expect(calls).toBe(1)
    expect(store.getSnapshot()).toBe('b')
  })
})

describe('arraysEqual', () => {
  it('compares element-wise', () => {
    const same = (a: number, b: number) => a === b
    expect(arraysEqual([1, 2], [1, 2], same)).toBe(true)
    expect(arraysEqual([1, 2], [2, 1], same)).toBe(false)
    expect(arraysEqual([1], [1, 2], same)).toBe(false)
  })
})
