import type { Awareness } from 'y-protocols/awareness'
import type { ItemId } from '../../../../shared/ids'
import type { Point } from '../../../../shared/model/board/geometry'
import type { Rect } from '../../../../shared/model/board/items'
import type { ExternalStore } from '../../lib/externalStore'
import { readParticipant, type Participant } from '../../sync/presenceState'

/**
 * What a person publishes about a board over the board document's awareness — never into the
 * document: the pointer, the part of the board on their screen, a drag in progress (so others
 * see stickies move before the drop is written), their selection, and "bring everyone to me".
 * Sent at most once per frame however fast the pointer moves.
 */
export type BoardPresence = {
  /** Pointer in world units; null when it is off the board. */
  cursor: Point | null
  /** The world rectangle on this person's screen (for follow and "bring everyone to me"). */
  view: Rect | null
  drag: { ids: ItemId[]; dx: number; dy: number } | null
  selection: ItemId[]
  /** The facilitator's "bring everyone to me": a new `id` each time, with their view. */
  summon: { id: number; view: Rect } | null
}

export const EMPTY_BOARD_PRESENCE: BoardPresence = {
  cursor: null,
  view: null,
  drag: null,
  selection: [],
  summon: null,
}

/** At most this many ids travel in a selection or a drag (a select-all of 5,000 would not). */
export const MAX_PRESENCE_IDS = 500

/** Another person on the board, read defensively: they may run another version, or be hostile. */
export type BoardPeer = Participant & { personId: string; board: BoardPresence }

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function readPoint(value: unknown): Point | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y } = value as Record<string, unknown>
  return finite(x) && finite(y) ? { x, y } : null
}

function readRect(value: unknown): Rect | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y, w, h } = value as Record<string, unknown>
  return finite(x) && finite(y) && finite(w) && finite(h) && w >= 0 && h >= 0
    ? { x, y, w, h }
    : null
}

function readIds(value: unknown): ItemId[] {
  if (!Array.isArray(value)) return []
  return value
    .slice(0, MAX_PRESENCE_IDS)
    .filter((id): id is ItemId => typeof id === 'string' && id.length <= 128)
}

export function readBoardPresence(value: unknown): BoardPresence {
  if (typeof value !== 'object' || value === null) return EMPTY_BOARD_PRESENCE
  const state = value as Record<string, unknown>
  const drag = state.drag as Record<string, unknown> | null | undefined
  const summon = state.summon as Record<string, unknown> | null | undefined
  const summonView = readRect(summon?.view)
  return {
    cursor: readPoint(state.cursor),
    view: readRect(state.view),
    drag:
      typeof drag === 'object' && drag !== null && finite(drag.dx) && finite(drag.dy)
        ? { ids: readIds(drag.ids), dx: drag.dx, dy: drag.dy }
        : null,
    selection: readIds(state.selection),
    summon:
      typeof summon === 'object' && summon !== null && finite(summon.id) && summonView !== null
        ? { id: summon.id, view: summonView }
        : null,
  }
}

/** Everyone on the board but me, by name. */
export function readBoardPeers(awareness: Awareness): BoardPeer[] {
  const peers: BoardPeer[] = []
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return
    const participant = readParticipant(clientId, state, awareness.clientID)
    if (participant === undefined) return
    const { person, board } = state as { person?: unknown; board?: unknown }
    peers.push({
      ...participant,
      personId: typeof person === 'string' ? person.slice(0, 128) : '',
      board: readBoardPresence(board),
    })
  })
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

/** The others on a board as an external store (re-read on every awareness change). */
export function boardPeersStore(awareness: Awareness): ExternalStore<readonly BoardPeer[]> & {
  destroy(): void
} {
  let peers: readonly BoardPeer[] = readBoardPeers(awareness)
  const listeners = new Set<() => void>()
  const onChange = (): void => {
    peers = readBoardPeers(awareness)
    for (const listener of [...listeners]) listener()
  }
  awareness.on('change', onChange)
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => peers,
    destroy() {
      awareness.off('change', onChange)
      listeners.clear()
    },
  }
}

/** Pointer-only updates go out at most this often (others' cursors glide between them). */
export const CURSOR_INTERVAL_MS = 50

/**
 * My side: `publish` merges fields and sends them later, coalesced: a drag or a summons with
 * the next frame (others see the sticky move within a frame of the network), everything else
 * — pointer, view, a selection growing under a marquee — at most every
 * {@link CURSOR_INTERVAL_MS}: 25 people moving their mice would otherwise be 1,500 awareness
 * messages a second for every one of them on the workshop's Wi-Fi.
 */
export type BoardPresencePublisher = {
  publish(change: Partial<BoardPresence>): void
  /** Sends what is pending now (a drop: others should see the end of the drag at once). */
  flush(): void
  current(): BoardPresence
  destroy(): void
}

export function createBoardPresencePublisher(
  awareness: Awareness,
  input: {
    personId: string
    /** Runs `send` after `delayMs` (0: with the next frame). */
    schedule?: (send: () => void, delayMs: number) => void
    now?: () => number
  },
): BoardPresencePublisher {
  const schedule =
    input.schedule ??
    ((send, delayMs) => {
      if (delayMs <= 0) requestAnimationFrame(send)
      else setTimeout(send, delayMs)
    })
  const now = input.now ?? (() => performance.now())
  let state: BoardPresence = EMPTY_BOARD_PRESENCE
  let pending = false
  /** The pending send goes with the next frame (a drag, or the pointer after a pause). */
  let soon = false
  let lastSent = -Infinity
  let destroyed = false
  awareness.setLocalStateField('person', input.personId)
  const send = (): void => {
    if (!pending || destroyed) return
    pending = false
    soon = false
    lastSent = now()
    awareness.setLocalStateField('board', state)
  }
  return {
    publish(change) {
      const urgent = 'drag' in change || 'summon' in change
      state = { ...state, ...change }
      if (pending && (soon || !urgent)) return
      const delay = urgent ? 0 : Math.max(0, CURSOR_INTERVAL_MS - (now() - lastSent))
      pending = true
      soon = delay === 0
      schedule(send, delay)
    },
    flush: send,
    current: () => state,
    destroy() {
      destroyed = true
      if (awareness.getLocalState() !== null) awareness.setLocalStateField('board', null)
    },
  }
}
