import type { ItemId } from '../../../../shared/ids'
import type { BoardItem } from '../../../../shared/model/board/items'
import type { ItemResult, VotingView } from '../../../../shared/model/board/voting'

/** The sentence the voting chip shows, as a translation key and its values. */
export type VotingStatus =
  | { key: 'facilitation.voting.dotsLeft'; values: { left: number; budget: number } }
  | { key: 'facilitation.voting.allUsed'; values: { budget: number } }
  | { key: 'facilitation.voting.open'; values: { count: number } }
  | { key: 'facilitation.voting.results'; values: Record<string, never> }

/**
 * "Voting: 2 of 3 dots left" while a round is open and I may vote; a view-only guest, who
 * cannot vote, sees how many have voted. After the round: "Results". Undefined when there has
 * been no round.
 */
export function votingStatus(
  view: VotingView | undefined,
  canVote: boolean,
): VotingStatus | undefined {
  if (view === undefined) return undefined
  if (view.round.status === 'closed') return { key: 'facilitation.voting.results', values: {} }
  if (!canVote) return { key: 'facilitation.voting.open', values: { count: view.voterCount } }
  if (view.remaining === 0) {
    return { key: 'facilitation.voting.allUsed', values: { budget: view.round.budget } }
  }
  return {
    key: 'facilitation.voting.dotsLeft',
    values: { left: view.remaining, budget: view.round.budget },
  }
}

export const MIN_BUDGET = 1
export const MAX_BUDGET = 10
export const DEFAULT_BUDGET = 3

/** The budget field's value as a number of dots, clamped to 1–10; undefined if not a number. */
export function parseBudget(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined
  return Math.min(MAX_BUDGET, Math.max(MIN_BUDGET, Number(text)))
}

export type ResultRow = ItemResult & { text: string; rect: Pick<BoardItem, 'x' | 'y' | 'w' | 'h'> }

/**
 * The results list: the closed round's tally (most votes first) joined with the items as I see
 * them. An item deleted since, or hidden from me, is left out: there is nothing to show or go to.
 */
export function resultRows(
  results: readonly ItemResult[],
  lookup: (id: ItemId) => BoardItem | undefined,
): ResultRow[] {
  const rows: ResultRow[] = []
  for (const result of results) {
    const item = lookup(result.item)
    if (item === undefined) continue
    rows.push({
      ...result,
      text: item.text.replace(/\s+/g, ' ').trim(),
      rect: { x: item.x, y: item.y, w: item.w, h: item.h },
    })
  }
  return rows
}
