import { describe, expect, it, vi } from 'vitest'
import { createValueStore } from '../../lib/externalStore'
import { EMPTY_BOARD_PRESENCE, type BoardPeer } from '../state/boardPresence'
import { pickSummon, watchSummons } from './summons'

const VIEW = { x: 100, y: 200, w: 800, h: 600 }

function peer(clientId: number, personId: string, summonId?: number): BoardPeer {
  return {
    clientId,
    personId,
    name: personId === 'p-ada' ? 'Ada' : 'Bo',
    color: '#336699',
    company: '',
    note: null,
    isSelf: false,
    board: {
      ...EMPTY_BOARD_PRESENCE,
      summon: summonId === undefined ? null : { id: summonId, view: VIEW },
    },
  }
}

describe('pickSummon', () => {
  it('takes the first sight of a client as the baseline: an old summon is not a call to me', () => {
    const first = pickSummon(new Map(), [peer(1, 'p-ada', 500)], 'p-ada')
    expect(first.summon).toBeUndefined()
    expect(first.seen.get(1)).toBe(500)
    const again = pickSummon(first.seen, [peer(1, 'p-ada', 500)], 'p-ada')
    expect(again.summon).toBeUndefined()
  })

  it('follows a new summon id from the current facilitator, on any of their devices', () => {
    const seen = pickSummon(new Map(), [peer(1, 'p-ada'), peer(2, 'p-ada', 10)], 'p-ada').seen
    expect(pickSummon(seen, [peer(1, 'p-ada', 900), peer(2, 'p-ada', 10)], 'p-ada').summon).toEqual(
      { id: 900, from: 'Ada', view: VIEW },
    )
    expect(pickSummon(seen, [peer(1, 'p-ada'), peer(2, 'p-ada', 11)], 'p-ada').summon?.id).toBe(11)
  })

  it('ignores summons from anyone but the current facilitator, also after they take the role', () => {
    const start = pickSummon(new Map(), [peer(1, 'p-ada'), peer(2, 'p-bo')], 'p-ada').seen
    const fromBo = pickSummon(start, [peer(1, 'p-ada'), peer(2, 'p-bo', 700)], 'p-ada')
    expect(fromBo.summon).toBeUndefined()
    // Bo becomes facilitator later: his earlier summon is not replayed.
    const later = pickSummon(fromBo.seen, [peer(1, 'p-ada'), peer(2, 'p-bo', 700)], 'p-bo')
    expect(later.summon).toBeUndefined()
    expect(pickSummon(fromBo.seen, [peer(2, 'p-bo', 700)], undefined).summon).toBeUndefined()
  })

  it('forgets clients that left, so one coming back sets a new baseline', () => {
    const seen = pickSummon(new Map(), [peer(1, 'p-ada', 5)], 'p-ada').seen
    const gone = pickSummon(seen, [], 'p-ada').seen
    expect(gone.size).toBe(0)
    expect(pickSummon(gone, [peer(1, 'p-ada', 6)], 'p-ada').summon).toBeUndefined()
  })
})

describe('watchSummons', () => {
  it('calls back once per new summon of the facilitator, not for what was there at join', () => {
    const peers = createValueStore<readonly BoardPeer[]>([peer(1, 'p-ada', 100), peer(2, 'p-bo')])
    const onSummon = vi.fn()
    const stop = watchSummons({ peers, facilitatorId: () => 'p-ada', onSummon })
    peers.set([peer(1, 'p-ada', 100), peer(2, 'p-bo', 3)])
    expect(onSummon).not.toHaveBeenCalled()
    peers.set([peer(1, 'p-ada', 200), peer(2, 'p-bo', 3)])
    peers.set([peer(1, 'p-ada', 200), peer(2, 'p-bo', 3)])
    expect(onSummon).toHaveBeenCalledTimes(1)
    expect(onSummon).toHaveBeenCalledWith({ id: 200, from: 'Ada', view: VIEW })
    stop()
    peers.set([peer(1, 'p-ada', 300)])
    expect(onSummon).toHaveBeenCalledTimes(1)
  })
})
