import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createBoardPresencePublisher, readBoardPeers, readBoardPresence } from './boardPresence'

describe('board presence', () => {
  it('reads others defensively: junk fields fall back, oversized lists are cut', () => {
    expect(
      readBoardPresence({ cursor: { x: 'a', y: 1 }, view: { x: 0, y: 0, w: -1, h: 2 } }),
    ).toEqual({
      cursor: null,
      view: null,
      drag: null,
      selection: [],
      summon: null,
    })
    const many = Array.from({ length: 2000 }, (_, i) => `item-${i}`)
    const read = readBoardPresence({
      cursor: { x: 1, y: 2 },
      drag: { ids: many, dx: 5, dy: Infinity },
      selection: [...many, 42],
      summon: { id: 3, view: { x: 0, y: 0, w: 10, h: 10 } },
    })
    expect(read.cursor).toEqual({ x: 1, y: 2 })
    expect(read.drag).toBeNull()
    expect(read.selection).toHaveLength(500)
    expect(read.summon).toEqual({ id: 3, view: { x: 0, y: 0, w: 10, h: 10 } })
  })

  it('sends pointer, view and selection at most every 50 ms, and a drag with the next frame', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ user: { name: 'Ada', color: '#16a34a', company: '' } })
    let clock = 1000
    const queued: { send: () => void; delay: number }[] = []
    const publisher = createBoardPresencePublisher(awareness, {
      personId: 'person-a',
      schedule: (send, delay) => queued.push({ send, delay }),
      now: () => clock,
    })
    publisher.publish({ cursor: { x: 1, y: 1 } })
    expect(queued.map((entry) => entry.delay)).toEqual([0])
    queued.shift()?.send()
    clock += 10
    publisher.publish({ cursor: { x: 2, y: 2 } })
    publisher.publish({ cursor: { x: 3, y: 3 } })
    // 10 ms after the last send: the pointer waits out the interval, once.
    expect(queued.map((entry) => entry.delay)).toEqual([40])
    // Nor does a selection…
    publisher.publish({ selection: [] })
    expect(queued.map((entry) => entry.delay)).toEqual([40])
    // …but a drag does not wait for it.
    publisher.publish({ drag: { ids: [], dx: 1, dy: 0 } })
    expect(queued.map((entry) => entry.delay)).toEqual([40, 0])
    queued.pop()?.send()
    expect(
      readBoardPresence((awareness.getLocalState() as { board: unknown }).board),
    ).toMatchObject({
      cursor: { x: 3, y: 3 },
      drag: { dx: 1 },
    })
    // The pointer's timer finds nothing left to send.
    let updates = 0
    awareness.on('update', () => updates++)
    queued.shift()?.send()
    expect(updates).toBe(0)
  })

  it('sends at most one awareness update per frame, with the latest fields', () => {
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    awareness.setLocalState({ user: { name: 'Ada', color: '#16a34a', company: '' } })
    const frames: (() => void)[] = []
    const publisher = createBoardPresencePublisher(awareness, {
      personId: 'person-a',
      schedule: (send) => frames.push(send),
    })
    let updates = 0
    awareness.on('update', () => updates++)
    for (let i = 0; i < 50; i++) publisher.publish({ cursor: { x: i, y: i } })
    publisher.publish({ drag: { ids: [], dx: 3, dy: 4 } })
    expect(frames).toHaveLength(1)
    expect(updates).toBe(0)
    frames.shift()?.()
    expect(updates).toBe(1)
    const state = awareness.getLocalState() as { board: unknown; person: unknown }
    expect(state.person).toBe('person-a')
    expect(readBoardPresence(state.board)).toMatchObject({
      cursor: { x: 49, y: 49 },
      drag: { ids: [], dx: 3, dy: 4 },
    })
  })

  it('lists the other people on the board, not me', () => {
    const doc = new Y.Doc()
    const mine = new Awareness(doc)
    mine.setLocalState({ user: { name: 'Ada', color: '#16a34a', company: '' } })
    const theirs = new Awareness(new Y.Doc())
    theirs.setLocalState({
      user: { name: 'Bo', color: '#2563eb', company: 'Fjordmat' },
      person: 'person-b',
      board: { cursor: { x: 10, y: 20 } },
    })
    // What the network would deliver: their state, under their client id.
    mine.states.set(theirs.clientID, theirs.getLocalState() as Record<string, unknown>)
    const peers = readBoardPeers(mine)
    expect(peers.map((peer) => [peer.name, peer.personId, peer.board.cursor])).toEqual([
      ['Bo', 'person-b', { x: 10, y: 20 }],
    ])
  })
})
