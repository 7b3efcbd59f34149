import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { PeerPresence, PRESENCE_INTERVAL_MS, PRESENCE_OUTDATED_MS } from './peerPresence'
import type { Timers } from './peerSession'
import {
  encodeAwarenessUpdate,
  encodePresenceFrame,
  readPresenceFrame,
  type PresenceFrame,
} from './presenceWire'

/** Timers and a clock that only move when told. */
function fakeTime() {
  let now = 1_000
  let nextId = 1
  const timeouts = new Map<number, { at: number; run: () => void }>()
  const intervals = new Map<number, { every: number; next: number; run: () => void }>()
  const timers: Timers = {
    setTimeout: (run, ms) => {
      const id = nextId++
      timeouts.set(id, { at: now + ms, run })
      return id
    },
    clearTimeout: (id) => void timeouts.delete(id as number),
    setInterval: (run, ms) => {
      const id = nextId++
      intervals.set(id, { every: ms, next: now + ms, run })
      return id
    },
    clearInterval: (id) => void intervals.delete(id as number),
  }
  const advance = (ms: number): void => {
    const end = now + ms
    for (;;) {
      let due: (() => void) | undefined
      let at = end
      for (const [id, t] of timeouts) {
        if (t.at <= at) {
          at = t.at
          due = () => {
            timeouts.delete(id)
            t.run()
          }
        }
      }
      for (const t of intervals.values()) {
        if (t.next < at || (t.next <= at && due === undefined)) {
          at = t.next
          due = () => {
            t.next += t.every
            t.run()
          }
        }
      }
      if (due === undefined) break
      now = at
      due()
    }
    now = end
  }
  return { timers, now: () => now, advance, pending: () => timeouts.size + intervals.size }
}

type Time = ReturnType<typeof fakeTime>

/**
 * Hosts as relays wired by in-memory links (what a `PeerSession` does: frames out, frames in),
 * each with one room awareness per document.
 */
class Net {
  readonly time: Time = fakeTime()
  readonly hosts = new Map<string, PeerPresence>()
  readonly sent: { from: string; to: string; frame: PresenceFrame }[] = []
  private readonly links = new Map<string, { a: FakeLink; b: FakeLink }>()
  private readonly awarenesses: Awareness[] = []

  host(name: string): PeerPresence {
    const presence = new PeerPresence({ timers: this.time.timers, now: this.time.now })
    this.hosts.set(name, presence)
    return presence
  }

  link(a: string, b: string): void {
    const left = new FakeLink(this, a, b)
    const right = new FakeLink(this, b, a)
    left.other = right
    right.other = left
    this.links.set(`${a}-${b}`, { a: left, b: right })
    for (const link of [left, right]) {
      const presence = this.hosts.get(link.self) as PeerPresence
      presence.addLink(link)
      // The announcement each side sends at open.
      link.sendPresence(encodePresenceFrame({ docId: '', states: [], withdrawn: [] }))
    }
  }

  unlink(a: string, b: string): void {
    const pair = this.links.get(`${a}-${b}`)
    if (!pair) throw new Error('no such link')
    this.links.delete(`${a}-${b}`)
    pair.a.closed = true
    pair.b.closed = true
    this.hosts.get(a)?.dropLink(pair.a)
    this.hosts.get(b)?.dropLink(pair.b)
  }

  /** A room on `host` for `docId`, with one client whose awareness is this room's. */
  room(host: string, docId = ''): Awareness {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState(null)
    this.hosts.get(host)?.attach(docId, awareness)
    this.awarenesses.push(awareness)
    return awareness
  }

  destroy(): void {
    for (const awareness of this.awarenesses) awareness.destroy()
    for (const presence of this.hosts.values()) presence.destroy()
  }
}

class FakeLink {
  other: FakeLink | null = null
  closed = false
  constructor(
    private readonly net: Net,
    readonly self: string,
    readonly remote: string,
  ) {}

  sendPresence(message: Uint8Array): void {
    if (this.closed || !this.other) return
    const decoder = decoding.createDecoder(message)
    decoding.readVarUint(decoder)
    const frame = readPresenceFrame(decoder)
    this.net.sent.push({ from: this.self, to: this.remote, frame })
    const target = this.other
    // Delivered asynchronously, as over a socket, in order.
    this.net.time.timers.setTimeout(() => {
      if (!target.closed) this.net.hosts.get(target.self)?.receive(target, frame)
    }, 1)
  }
}

/** Origin of what a test client sets in a room, as a connection would be. */
const CLIENT = Object.freeze({ kind: 'client' as const })

/** A client of a room sets its state (with its own clock) in the room's awareness. */
function say(room: Awareness, clientId: number, clock: number, state: unknown): void {
  const update = encodeAwarenessUpdate([{ clientId, clock, json: JSON.stringify(state) }])
  applyAwarenessUpdate(room, update, CLIENT)
}

function nameIn(room: Awareness, clientId: number): string | undefined {
  return (room.getStates().get(clientId) as { name?: string } | undefined)?.name
}

let net: Net
afterEach(() => net.destroy())

describe('PeerPresence', () => {
  it('passes a client along a chain A – B – C and takes it away along it when it leaves', () => {
    net = new Net()
    for (const name of ['A', 'B', 'C']) net.host(name)
    net.link('A', 'B')
    net.link('B', 'C')
    const onA = net.room('A')
    const onC = net.room('C')
    net.time.advance(10)
    say(onA, 7, 1, { name: 'Anne' })
    net.time.advance(200)
    expect(nameIn(onC, 7)).toBe('Anne')
    // B has no room for the root: it passed Anne on all the same.
    removeAwarenessStates(onA, [7], 'connection closed')
    net.time.advance(200)
    expect(onC.getStates().has(7)).toBe(false)
  })

  it('coalesces a dragging cursor: at most one frame per document per interval on a link', () => {
    net = new Net()
    net.host('A')
    net.host('B')
    net.link('A', 'B')
    const onA = net.room('A')
    const onB = net.room('B')
    net.time.advance(10)
    const before = net.sent.length
    // 25 people each moving every 10 ms for one second: 2,500 changes.
    for (let t = 0; t < 100; t++) {
      for (let person = 1; person <= 25; person++) {
        say(onA, person, t + 1, { name: `P${person}`, cursor: { x: t, y: person } })
      }
      net.time.advance(10)
    }
    net.time.advance(200)
    const frames = net.sent.slice(before).filter((s) => s.from === 'A')
    expect(frames.length).toBeLessThanOrEqual(1000 / PRESENCE_INTERVAL_MS + 2)
    expect(frames.length).toBeGreaterThan(5)
    // Only the newest state of each client goes in a frame, and the last one arrives.
    for (const { frame } of frames) {
      const ids = frame.states.map((s) => s.clientId)
      expect(new Set(ids).size).toBe(ids.length)
    }
    const last = onB.getStates().get(25) as { cursor: { x: number } }
    expect(last.cursor.x).toBe(99)
  })

  it('never sends a state back where it came from, and a ring ends', () => {
    net = new Net()
    for (const name of ['A', 'B', 'C']) net.host(name)
    net.link('A', 'B')
    net.link('B', 'C')
    net.link('C', 'A')
    const onA = net.room('A')
    const onB = net.room('B')
    net.time.advance(10)
    const before = net.sent.length
    say(onA, 7, 1, { name: 'Anne' })
    net.time.advance(1_000)
    const carrying = net.sent
      .slice(before)
      .filter((s) => s.frame.states.some((x) => x.clientId === 7))
    // A → B, A → C, then B and C each pass it on to the other once; nothing returns to A.
    expect(carrying.filter((s) => s.to === 'A')).toEqual([])
    expect(carrying.length).toBeLessThanOrEqual(4)
    expect(nameIn(onB, 7)).toBe('Anne')
    // Quiet after that: nothing is left to send.
    const settled = net.sent.length
    net.time.advance(1_000)
    expect(net.sent.length).toBe(settled)
  })

  it('removes what a dropped link brought at once, and keeps what another path brought', () => {
    net = new Net()
    for (const name of ['A', 'B', 'C', 'D']) net.host(name)
    // A – B – C in a line, and D linked to A and C as well: C hears A over B and over D.
    net.link('A', 'B')
    net.link('B', 'C')
    net.link('A', 'D')
    net.link('D', 'C')
    const onA = net.room('A')
    const onB = net.room('B')
    const onC = net.room('C')
    net.time.advance(10)
    say(onA, 7, 1, { name: 'Anne' })
    net.time.advance(500)
    expect(nameIn(onB, 7)).toBe('Anne')
    expect(nameIn(onC, 7)).toBe('Anne')

    // B's only path to Anne is A – B.
    net.unlink('A', 'B')
    expect(onB.getStates().has(7)).toBe(false)
    net.time.advance(500)
    // C had her first from B or from D; either way the next renewal reaches everyone left.
    say(onA, 7, 2, { name: 'Anne' })
    net.time.advance(500)
    expect(nameIn(onC, 7)).toBe('Anne')
    expect(nameIn(onB, 7)).toBe('Anne')
  })

  it('a link that comes back brings its states again (same clock), and they show', () => {
    net = new Net()
    net.host('A')
    net.host('B')
    net.link('A', 'B')
    const onA = net.room('A')
    const onB = net.room('B')
    net.time.advance(10)
    say(onA, 7, 3, { name: 'Anne' })
    net.time.advance(200)
    expect(nameIn(onB, 7)).toBe('Anne')
    net.unlink('A', 'B')
    expect(onB.getStates().has(7)).toBe(false)
    net.link('A', 'B')
    net.time.advance(200)
    expect(nameIn(onB, 7)).toBe('Anne')
  })

  it('keeps nothing after people leave or go quiet (no growth)', () => {
    net = new Net()
    const a = net.host('A')
    const b = net.host('B')
    net.link('A', 'B')
    const onA = net.room('A', 'notes/note-one')
    net.time.advance(10)
    // An hour of 40 people each renewing every 15 s in a body only A has open, then leaving.
    for (let round = 1; round <= 240; round++) {
      for (let person = 1; person <= 40; person++) say(onA, person, round, { name: `P${person}` })
      net.time.advance(15_000)
      if (round === 1) expect(b.stats().live).toBe(40)
    }
    expect(b.stats()).toMatchObject({ docs: 1, live: 40, removed: 0 })
    removeAwarenessStates(
      onA,
      Array.from({ length: 40 }, (_, i) => i + 1),
      'connection closed',
    )
    net.time.advance(PRESENCE_OUTDATED_MS + 5_000)
    expect(b.stats()).toMatchObject({ docs: 0, live: 0, removed: 0 })
    expect(a.stats()).toMatchObject({ live: 0, removed: 0 })
    // A client who goes silent (its host vanished without a word) times out on B.
    say(onA, 99, 1, { name: 'Stille' })
    net.time.advance(100)
    expect(b.stats().live).toBe(1)
    net.time.advance(PRESENCE_OUTDATED_MS + 5_000)
    expect(b.stats().live).toBe(0)
  })

  it('sends nothing to a link until the other side shows it speaks presence', () => {
    net = new Net()
    const a = net.host('A')
    const sent: Uint8Array[] = []
    const old = { sendPresence: (m: Uint8Array) => sent.push(m) }
    a.addLink(old)
    const onA = net.room('A')
    say(onA, 7, 1, { name: 'Anne' })
    net.time.advance(500)
    expect(sent).toEqual([])
    // Once it does, it gets what is there.
    a.receive(old, { docId: '', states: [], withdrawn: [] })
    net.time.advance(100)
    expect(sent).toHaveLength(1)
  })
})
