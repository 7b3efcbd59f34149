import { describe, expect, it } from 'vitest'
import type { ItemId } from '../../../../shared/ids'
import type { BoardItem } from '../../../../shared/model/board/items'
import type { VotingView } from '../../../../shared/model/board/voting'
import { parseBudget, resultRows, votingStatus } from './votingView'

function view(status: 'open' | 'closed', remaining: number): VotingView {
  return {
    round: { id: 'round-1', budget: 3, anonymous: false, status, startedAt: 0 },
    mine: new Map(),
    remaining,
    voterCount: 4,
    results: status === 'closed' ? [] : undefined,
  }
}

describe('votingStatus', () => {
  it('counts my dots left while the round is open', () => {
    expect(votingStatus(view('open', 2), true)).toEqual({
      key: 'facilitation.voting.dotsLeft',
      values: { left: 2, budget: 3 },
    })
    expect(votingStatus(view('open', 0), true)).toEqual({
      key: 'facilitation.voting.allUsed',
      values: { budget: 3 },
    })
  })

  it('tells a guest who cannot vote how many voted; results once closed; nothing before', () => {
    expect(votingStatus(view('open', 3), false)).toEqual({
      key: 'facilitation.voting.open',
      values: { count: 4 },
    })
    expect(votingStatus(view('closed', 1), true)?.key).toBe('facilitation.voting.results')
    expect(votingStatus(undefined, true)).toBeUndefined()
  })
})

describe('parseBudget', () => {
  it('clamps to 1–10 dots and refuses what is not a whole number', () => {
    expect(parseBudget('3')).toBe(3)
    expect(parseBudget('0')).toBe(1)
    expect(parseBudget('25')).toBe(10)
    expect(parseBudget('2.5')).toBeUndefined()
    expect(parseBudget('')).toBeUndefined()
  })
})

describe('resultRows', () => {
  it('joins the tally with the items I see, leaving out deleted or hidden ones', () => {
    const item = (id: string, text: string) =>
      ({ id: id as ItemId, x: 10, y: 20, w: 160, h: 160, text }) as BoardItem
    const items = new Map([
      ['a', item('a', '  Shared\n  workshop room ')],
      ['c', item('c', 'Pilot')],
    ])
    const rows = resultRows(
      [
        { item: 'a' as ItemId, count: 3, voters: ['Ada', 'Bo', 'Bo'] },
        { item: 'b' as ItemId, count: 2, voters: [] },
        { item: 'c' as ItemId, count: 1, voters: [] },
      ],
      (id) => items.get(id),
    )
    expect(rows.map((row) => [row.item, row.count, row.text])).toEqual([
      ['a', 3, 'Shared workshop room'],
      ['c', 1, 'Pilot'],
    ])
    expect(rows[0]?.rect).toEqual({ x: 10, y: 20, w: 160, h: 160 })
  })
})
