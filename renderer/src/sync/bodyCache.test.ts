import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { NoteId } from '../../../shared/ids'
import { createBodyCache } from './bodyCache'
import type { DocSync } from './docSync'

const me = { user: { name: 'Ada', color: '#2563eb', company: 'Kryss' }, note: null }

function fakeOpener() {
  const opened: NoteId[] = []
  const closed: NoteId[] = []
  const openBody = (noteId: NoteId): DocSync => {
    opened.push(noteId)
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    return {
      doc,
      awareness,
      provider: undefined as never,
      status: undefined as never,
      destroy() {
        closed.push(noteId)
        awareness.destroy()
        doc.destroy()
      },
    }
  }
  return { opened, closed, openBody }
}

const id = (n: number): NoteId => `note-${String(n).padStart(12, '0')}` as NoteId

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('body cache', () => {
  it('reuses a body opened before, by a prefetch or a visit, and shares it between leases', () => {
    const fake = fakeOpener()
    const cache = createBodyCache({ openBody: fake.openBody })
    cache.prefetch(id(1), me)
    const first = cache.open(id(1), me)
    const second = cache.open(id(1), me)
    expect(first.doc).toBe(second.doc)
    first.destroy()
    first.destroy() // twice is harmless
    second.destroy()
    const again = cache.open(id(1), me)
    expect(again.doc).toBe(first.doc)
    expect(fake.opened).toEqual([id(1)])
    expect(fake.closed).toEqual([])
  })

  it('shows a warm body without taking a lease, and nothing for one that is not open', () => {
    const fake = fakeOpener()
    const cache = createBodyCache({ openBody: fake.openBody, warmMs: 1000 })
    expect(cache.peek(id(1))).toBeUndefined()
    cache.prefetch(id(1), me)
    const warm = cache.peek(id(1))
    expect(warm).toBeDefined()
    // Peeking is no lease: the body still closes when its time is up.
    vi.advanceTimersByTime(1001)
    expect(fake.closed).toEqual([id(1)])
    expect(cache.peek(id(1))).toBeUndefined()
  })

  it('closes the least recently left bodies beyond its capacity, never a leased one', () => {
    const fake = fakeOpener()
    let clock = 0
    const cache = createBodyCache({ openBody: fake.openBody, capacity: 2, now: () => ++clock })
    const held = cache.open(id(0), me)
    for (let n = 1; n <= 4; n++) cache.open(id(n), me).destroy()
    expect(fake.closed).toEqual([id(1), id(2)])
    expect(cache.size).toBe(3)
    held.destroy()
    expect(fake.closed).toEqual([id(1), id(2), id(3)])
  })

  it('closes an unused body after a while, unless it was opened again', () => {
    const fake = fakeOpener()
    const cache = createBodyCache({ openBody: fake.openBody, warmMs: 1000 })
    cache.open(id(1), me).destroy()
    cache.prefetch(id(2), me)
    vi.advanceTimersByTime(500)
    const lease = cache.open(id(1), me)
    vi.advanceTimersByTime(600)
    expect(fake.closed).toEqual([id(2)])
    lease.destroy()
    vi.advanceTimersByTime(1000)
    expect(fake.closed).toEqual([id(2), id(1)])
    expect(cache.size).toBe(0)
  })

  it('drops my caret from a body I left, and closes everything when destroyed', () => {
    const fake = fakeOpener()
    const cache = createBodyCache({ openBody: fake.openBody })
    const lease = cache.open(id(1), me)
    lease.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 })
    lease.destroy()
    expect(lease.awareness.getLocalState()?.cursor).toBeNull()
    expect(lease.awareness.getLocalState()?.user).toEqual(me.user)
    cache.open(id(2), me)
    cache.destroy()
    expect(fake.closed.sort()).toEqual([id(1), id(2)])
  })
})
