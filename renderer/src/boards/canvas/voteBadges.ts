import type * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import type { BoardActor } from '../../../../shared/model/board/boardDoc'
import { observeBoardState } from '../../../../shared/model/board/observe'
import { readVoting, type VotingView } from '../../../../shared/model/board/voting'
import { createObservedStore, type ExternalStore } from '../../lib/externalStore'
import type { VoteBadge } from './drawOverlay'

const NONE: ReadonlyMap<ItemId, VoteBadge> = new Map()

/**
 * The badges a person sees on items: their own dots while a round is open (others' stay
 * secret until the results), everyone's totals once the round is closed, nothing without a
 * round.
 */
export function voteBadges(voting: VotingView | undefined): ReadonlyMap<ItemId, VoteBadge> {
  if (voting === undefined) return NONE
  const badges = new Map<ItemId, VoteBadge>()
  if (voting.round.status === 'open') {
    for (const [item, count] of voting.mine) badges.set(item, { count, mine: true })
  } else {
    for (const result of voting.results ?? []) {
      badges.set(result.item, { count: result.count, mine: false })
    }
  }
  return badges
}

/**
 * Vote badges as a store, re-read when the board's session or votes change (never per frame:
 * reading the votes walks them all).
 */
export function voteBadgesStore(
  doc: Y.Doc,
  actor: BoardActor,
): ExternalStore<ReadonlyMap<ItemId, VoteBadge>> {
  return createObservedStore(
    (onChange) => observeBoardState(doc, onChange),
    () => voteBadges(readVoting(doc, actor)),
  )
}
