import {
  applyAwarenessUpdate,
  outdatedTimeout,
  removeAwarenessStates,
  type Awareness,
} from 'y-protocols/awareness'
import type { Timers } from './peerSession'
import {
  encodeAwarenessUpdate,
  encodePresenceFrame,
  type PresenceFrame,
  type PresenceState,
} from './presenceWire'

/**
 * What crosses one link, per link: at most one frame per document per this interval, holding
 * only the newest state of each client that changed. The first change after a quiet spell goes
 * at once; a dragging cursor (a client sends ≤ 20 pointer states a second, more while dragging)
 * becomes ≤ 20 frames a second on each link of a chain, whatever the number of people.
 */
export const PRESENCE_INTERVAL_MS = 50

/** A relayed state not renewed for this long is dropped, as y-protocols drops a client's. */
export const PRESENCE_OUTDATED_MS = outdatedTimeout

/** How often outdated states and old removals are swept (while there are any). */
export const PRESENCE_SWEEP_MS = 3_000

/** One peer link as the presence relay sees it (a `PeerSession`). */
export interface PresenceLink {
  sendPresence(message: Uint8Array): void
}

/**
 * One client's presence in one document. `from` is the link it was first heard over at this
 * clock (null: a client of this host): following `from` back leads to the client's own host
 * along a tree, so when a link drops exactly the states that came over it are gone here.
 * A removed client is kept (`live` false) for {@link PRESENCE_OUTDATED_MS}, so a late copy of
 * an older state arriving by another path does not bring it back.
 */
type Entry = {
  clock: number
  live: boolean
  /** The state as JSON text, for relayed states; a local one is read from its room. */
  json: string | null
  from: PresenceLink | null
  /** When this clock was heard (ms). */
  at: number
}

type DocPresence = {
  entries: Map<number, Entry>
  /** The awareness of this host's room for the document, while it has one. */
  awareness: Awareness | null
  detach: (() => void) | null
}

type LinkQueue = {
  /** The other host speaks presence (it sent a presence frame); until then nothing is sent. */
  enabled: boolean
  /**
   * Per document, the clients whose newest state is still to be sent, each with whether a
   * withdrawal must go first: a withdrawal is never folded into a later state, or a host that
   * had the client from here would keep it with a source that no longer has it.
   */
  pending: Map<string, Map<number, boolean>>
  timer: unknown
  lastFlush: number
}

export type PeerPresenceOptions = {
  timers: Timers
  now: () => number
  intervalMs?: number
  outdatedMs?: number
  sweepMs?: number
}

/**
 * Presence across peer links for one workspace: the awareness states of this host's clients go
 * to every linked host, and what linked hosts send goes to this host's rooms (root, note
 * bodies, boards) and on to every other link, so A ← B ← C see each other. Rules:
 *
 * - A state is accepted with a higher clock than the one known (a removal also at the same
 *   clock), as y-protocols does; what is not new is not passed on, so rings end.
 * - Nothing goes back over the link it came from.
 * - When a link drops, the states it brought are removed here at once (clients see the person
 *   leave) and **withdrawn** from the other links, which remove them only if they had them
 *   from this host: a host that heard them over another path keeps them.
 * - States of documents without a room here are kept (for a room opened later, and to pass on)
 *   until they are outdated: every client renews its state every 15 s.
 */
export class PeerPresence {
  private readonly docs = new Map<string, DocPresence>()
  private readonly links = new Map<PresenceLink, LinkQueue>()
  private sweepTimer: unknown = null
  /** Transaction origin of what is applied to rooms, so the room's event is not taken for a client's. */
  private readonly origin = Object.freeze({ kind: 'peer-presence' as const })
  private readonly intervalMs: number
  private readonly outdatedMs: number

  constructor(private readonly options: PeerPresenceOptions) {
    this.intervalMs = options.intervalMs ?? PRESENCE_INTERVAL_MS
    this.outdatedMs = options.outdatedMs ?? PRESENCE_OUTDATED_MS
  }

  /**
   * Connects a room's awareness: its clients' changes go out, relayed states come in (those
   * known already at once). Detaches itself when the awareness is destroyed (the room closed).
   */
  attach(docId: string, awareness: Awareness): () => void {
    const doc = this.doc(docId)
    doc.detach?.()
    const onUpdate = (
      changes: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ): void => {
      if (origin !== this.origin) this.fromRoom(docId, doc, awareness, changes)
    }
    const detach = (): void => {
      awareness.off('update', onUpdate)
      awareness.off('destroy', detach)
      if (doc.awareness !== awareness) return
      this.fromRoom(docId, doc, awareness, { added: [], updated: [], removed: this.localIds(doc) })
      doc.awareness = null
      doc.detach = null
    }
    awareness.on('update', onUpdate)
    awareness.on('destroy', detach)
    doc.awareness = awareness
    doc.detach = detach
    const relayed: PresenceState[] = []
    for (const [clientId, entry] of doc.entries) {
      if (entry.live && entry.from !== null && entry.json !== null) {
        relayed.push({ clientId, clock: entry.clock, json: entry.json })
      }
    }
    this.toRoom(doc, relayed, [])
    return detach
  }

  /** A new link; it gets presence once the other host shows it speaks it. */
  addLink(link: PresenceLink): void {
    if (this.links.has(link)) return
    this.links.set(link, { enabled: false, pending: new Map(), timer: null, lastFlush: -Infinity })
  }

  /** A presence frame from a link. */
  receive(link: PresenceLink, frame: PresenceFrame): void {
    const queue = this.links.get(link)
    if (!queue) return
    if (!queue.enabled) {
      queue.enabled = true
      this.queueEverything(link, queue)
    }
    if (frame.states.length === 0 && frame.withdrawn.length === 0) return
    const doc = this.doc(frame.docId)
    const now = this.options.now()
    // Withdrawals first: a frame may withdraw a client and bring it again from another source.
    const withdrawn: number[] = []
    for (const clientId of frame.withdrawn) {
      const known = doc.entries.get(clientId)
      if (known?.from !== link) continue
      doc.entries.delete(clientId)
      if (!known.live) continue
      this.queue(frame.docId, clientId, link, true)
      withdrawn.push(clientId)
    }
    const toRoom: PresenceState[] = []
    for (const state of frame.states) {
      const live = state.json !== 'null'
      const known = doc.entries.get(state.clientId)
      // A client of this host: its own room is its authority.
      if (known?.from === null && known.live) continue
      const newer =
        known === undefined
          ? live
          : state.clock > known.clock || (state.clock === known.clock && !live && known.live)
      if (!newer) continue
      doc.entries.set(state.clientId, {
        clock: state.clock,
        live,
        json: live ? state.json : null,
        from: link,
        at: now,
      })
      this.queue(frame.docId, state.clientId, link)
      toRoom.push(state)
    }
    this.toRoom(doc, toRoom, withdrawn)
    this.ensureSweep()
  }

  /** A link closed: what it brought leaves this host now, and is withdrawn from the others. */
  dropLink(link: PresenceLink): void {
    const queue = this.links.get(link)
    if (!queue) return
    this.links.delete(link)
    if (queue.timer !== null) this.options.timers.clearTimeout(queue.timer)
    for (const [docId, doc] of this.docs) {
      const withdrawn: number[] = []
      for (const [clientId, entry] of doc.entries) {
        if (entry.from !== link) continue
        doc.entries.delete(clientId)
        if (!entry.live) continue
        this.queue(docId, clientId, link, true)
        withdrawn.push(clientId)
      }
      this.toRoom(doc, [], withdrawn)
    }
    this.sweep()
  }

  /** Stops every timer and forgets everything (the workspace is gone). */
  destroy(): void {
    for (const queue of this.links.values()) {
      if (queue.timer !== null) this.options.timers.clearTimeout(queue.timer)
    }
    this.links.clear()
    for (const doc of this.docs.values()) {
      doc.entries.clear()
      doc.detach?.()
    }
    this.docs.clear()
    this.stopSweep()
  }

  /** Clients known per document (live ones, local and relayed), for tests and the benchmark. */
  stats(): { docs: number; live: number; removed: number; links: number } {
    let live = 0
    let removed = 0
    for (const doc of this.docs.values()) {
      for (const entry of doc.entries.values()) {
        if (entry.live) live++
        else removed++
      }
    }
    return { docs: this.docs.size, live, removed, links: this.links.size }
  }

  private doc(docId: string): DocPresence {
    let doc = this.docs.get(docId)
    if (!doc) {
      doc = { entries: new Map(), awareness: null, detach: null }
      this.docs.set(docId, doc)
    }
    return doc
  }

  private localIds(doc: DocPresence): number[] {
    const ids: number[] = []
    for (const [clientId, entry] of doc.entries)
      if (entry.from === null && entry.live) ids.push(clientId)
    return ids
  }

  /** What this host's clients changed in a room (anything the relay itself did not apply). */
  private fromRoom(
    docId: string,
    doc: DocPresence,
    awareness: Awareness,
    changes: { added: number[]; updated: number[]; removed: number[] },
  ): void {
    const now = this.options.now()
    for (const clientId of [...changes.added, ...changes.updated]) {
      if (!awareness.getStates().has(clientId)) continue
      const clock = awareness.meta.get(clientId)?.clock ?? 0
      doc.entries.set(clientId, { clock, live: true, json: null, from: null, at: now })
      this.queue(docId, clientId, null)
    }
    for (const clientId of changes.removed) {
      const known = doc.entries.get(clientId)
      // Relayed states leave with their link or their timeout, not with the room's own timer.
      if (known?.from !== null || !known.live) continue
      const clock = awareness.meta.get(clientId)?.clock ?? known.clock
      doc.entries.set(clientId, { clock, live: false, json: null, from: null, at: now })
      this.queue(docId, clientId, null)
    }
    this.ensureSweep()
  }

  /**
   * Hands relayed states to the room. Each goes in with the clock after the room's own for that
   * client, not the sender's: a state withdrawn and brought again (a link that dropped and came
   * back) has the same clock as before, which the room and its clients would take for old. The
   * relay has already decided the state is new, and only the relay writes these clients here.
   */
  private toRoom(doc: DocPresence, states: PresenceState[], withdrawn: number[]): void {
    const awareness = doc.awareness
    if (!awareness) return
    const gone = [...withdrawn]
    const present: PresenceState[] = []
    for (const state of states) {
      if (state.json === 'null') gone.push(state.clientId)
      else {
        const clock = (awareness.meta.get(state.clientId)?.clock ?? 0) + 1
        present.push({ clientId: state.clientId, clock, json: state.json })
      }
    }
    if (gone.length > 0) removeAwarenessStates(awareness, gone, this.origin)
    if (present.length > 0) {
      applyAwarenessUpdate(awareness, encodeAwarenessUpdate(present), this.origin)
    }
  }

  /**
   * Marks a client's presence in a document to be sent on every enabled link but `except`
   * (`withdraw`: this host no longer has it from where it had it).
   */
  private queue(
    docId: string,
    clientId: number,
    except: PresenceLink | null,
    withdraw = false,
  ): void {
    for (const [link, queue] of this.links) {
      if (link === except || !queue.enabled) continue
      pendingOf(queue, docId).set(
        clientId,
        withdraw || (queue.pending.get(docId)?.get(clientId) ?? false),
      )
      this.schedule(link, queue)
    }
  }

  /** A link that just showed it speaks presence gets every state it did not bring. */
  private queueEverything(link: PresenceLink, queue: LinkQueue): void {
    for (const [docId, doc] of this.docs) {
      for (const [clientId, entry] of doc.entries) {
        if (!entry.live || entry.from === link) continue
        const pending = pendingOf(queue, docId)
        pending.set(clientId, pending.get(clientId) ?? false)
      }
    }
    if (queue.pending.size > 0) this.schedule(link, queue)
  }

  private schedule(link: PresenceLink, queue: LinkQueue): void {
    if (queue.timer !== null) return
    const delay = Math.max(0, queue.lastFlush + this.intervalMs - this.options.now())
    queue.timer = this.options.timers.setTimeout(() => this.flush(link, queue), delay)
  }

  private flush(link: PresenceLink, queue: LinkQueue): void {
    queue.timer = null
    if (this.links.get(link) !== queue) return
    queue.lastFlush = this.options.now()
    for (const [docId, ids] of queue.pending) {
      const doc = this.docs.get(docId)
      const states: PresenceState[] = []
      const withdrawn: number[] = []
      for (const [clientId, withdraw] of ids) {
        const entry = doc?.entries.get(clientId)
        if (withdraw) withdrawn.push(clientId)
        if (entry && entry.from !== link) {
          const json = this.jsonOf(doc as DocPresence, clientId, entry)
          if (json !== undefined) states.push({ clientId, clock: json.clock, json: json.text })
        }
      }
      if (states.length > 0 || withdrawn.length > 0) {
        link.sendPresence(encodePresenceFrame({ docId, states, withdrawn }))
      }
    }
    queue.pending.clear()
  }

  /** The state to send for an entry: a local client's newest from its room, else as received. */
  private jsonOf(
    doc: DocPresence,
    clientId: number,
    entry: Entry,
  ): { clock: number; text: string } | undefined {
    if (!entry.live) return { clock: entry.clock, text: 'null' }
    if (entry.from !== null) return { clock: entry.clock, text: entry.json ?? 'null' }
    const state = doc.awareness?.getStates().get(clientId)
    if (state === undefined) return undefined
    const clock = doc.awareness?.meta.get(clientId)?.clock ?? entry.clock
    return { clock, text: JSON.stringify(state) }
  }

  private ensureSweep(): void {
    if (this.sweepTimer !== null || this.docs.size === 0) return
    this.sweepTimer = this.options.timers.setInterval(
      () => this.sweep(),
      this.options.sweepMs ?? PRESENCE_SWEEP_MS,
    )
  }

  private stopSweep(): void {
    if (this.sweepTimer === null) return
    this.options.timers.clearInterval(this.sweepTimer)
    this.sweepTimer = null
  }

  /**
   * Drops relayed states not renewed in time (the room's own awareness drops them too) and
   * removals past their use, then documents with nothing left and no room. Not passed on:
   * every host times out the same states on its own.
   */
  private sweep(): void {
    const now = this.options.now()
    for (const [docId, doc] of this.docs) {
      const outdated: number[] = []
      for (const [clientId, entry] of doc.entries) {
        if (entry.live && entry.from === null) continue
        if (now - entry.at < this.outdatedMs) continue
        doc.entries.delete(clientId)
        if (entry.live) outdated.push(clientId)
      }
      this.toRoom(doc, [], outdated)
      if (doc.entries.size === 0 && doc.awareness === null) this.docs.delete(docId)
    }
    if (this.docs.size === 0) this.stopSweep()
  }
}

function pendingOf(queue: LinkQueue, docId: string): Map<number, boolean> {
  let pending = queue.pending.get(docId)
  if (!pending) {
    pending = new Map()
    queue.pending.set(docId, pending)
  }
  return pending
}
