import type { Rect } from '../../../../shared/model/board/items'
import type { ExternalStore } from '../../lib/externalStore'
import type { BoardPeer } from '../state/boardPresence'

type SummoningPeer = Pick<BoardPeer, 'clientId' | 'personId' | 'name' | 'board'>

/** The summon id each client had when last looked at (null: none). */
export type SeenSummons = ReadonlyMap<number, number | null>

export type Summon = { id: number; from: string; view: Rect }

/**
 * "Bring everyone to me", as a participant decides it: which summon to follow now, given the
 * peers' awareness and the summon ids seen before.
 *
 * - A client seen for the first time only sets a baseline: the summon it carries is one made
 *   before I came (awareness keeps the last one), not a call to me.
 * - A changed id counts only from the current facilitator (by person id, so any device of
 *   theirs); anyone else's is remembered and never followed, even if they facilitate later.
 * - Clients that left are forgotten.
 */
export function pickSummon(
  seen: SeenSummons,
  peers: readonly SummoningPeer[],
  facilitatorId: string | undefined,
): { seen: Map<number, number | null>; summon: Summon | undefined } {
  const next = new Map<number, number | null>()
  let summon: Summon | undefined
  for (const peer of peers) {
    const current = peer.board.summon
    const id = current?.id ?? null
    next.set(peer.clientId, id)
    if (!seen.has(peer.clientId) || current === null || seen.get(peer.clientId) === id) continue
    if (facilitatorId === undefined || peer.personId !== facilitatorId) continue
    // Two devices of the facilitator summoning at once: the later one wins.
    if (summon === undefined || current.id > summon.id) {
      summon = { id: current.id, from: peer.name, view: current.view }
    }
  }
  return { seen: next, summon }
}

/**
 * Watches the peers for summons and calls `onSummon` for each one to follow. The first reading
 * is the baseline (see {@link pickSummon}). Returns the disposer.
 */
export function watchSummons(input: {
  peers: ExternalStore<readonly SummoningPeer[]>
  facilitatorId: () => string | undefined
  onSummon: (summon: Summon) => void
}): () => void {
  let seen: SeenSummons = pickSummon(new Map(), input.peers.getSnapshot(), undefined).seen
  let last: readonly SummoningPeer[] = input.peers.getSnapshot()
  return input.peers.subscribe(() => {
    const peers = input.peers.getSnapshot()
    if (peers === last) return
    last = peers
    const picked = pickSummon(seen, peers, input.facilitatorId())
    seen = picked.seen
    if (picked.summon !== undefined) input.onSummon(picked.summon)
  })
}
