import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../../../shared/model/board/boardDoc'
import { createItems } from '../../../../shared/model/board/commands'
import {
  endVotingRound,
  startPrivateMode,
  startSession,
  startVotingRound,
} from '../../../../shared/model/board/session'
import { ANNE, BJORN } from '../../../../shared/model/board/testing'
import { revealItems } from '../../../../shared/model/board/visibility'
import { createInteractionStore } from '../state/interaction'
import {
  facilitatorPresent,
  handOverCandidates,
  watchRoundClosing,
  watchVotingTool,
  type Person,
} from './facilitationState'
import { hiddenCountStore } from './hiddenCount'

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Workshop', actor: ANNE, now: 0 })
  startSession(doc, ANNE)
  return doc
}

const person = (clientId: number, personId: string, name: string): Person => ({
  clientId,
  personId,
  name,
  color: '#123456',
})

describe('people', () => {
  it('offers the role to each other person once, and knows when the facilitator is gone', () => {
    const people = [
      person(1, 'u-bjorn', 'Bjørn'),
      person(2, 'u-bjorn', 'Bjørn'),
      person(3, 'u-anne', 'Anne'),
      person(4, '', 'Old version'),
      person(5, 'u-cari', 'Cari'),
    ]
    expect(handOverCandidates(people, 'u-anne').map((p) => p.clientId)).toEqual([1, 5])
    expect(facilitatorPresent(ANNE, [], 'u-anne')).toBe(true)
    expect(facilitatorPresent(ANNE, people, 'u-bjorn')).toBe(true)
    expect(facilitatorPresent(ANNE, [person(1, 'u-bjorn', 'Bjørn')], 'u-bjorn')).toBe(false)
    expect(facilitatorPresent(undefined, people, 'u-bjorn')).toBe(false)
  })
})

describe('voting tool', () => {
  it('switches to vote while a round is open and back to select when it ends', () => {
    const doc = board()
    const interaction = createInteractionStore()
    const stop = watchVotingTool({ doc, interaction, canVote: () => true })
    expect(interaction.getSnapshot().tool).toBe('select')
    startVotingRound(doc, ANNE, { budget: 3, anonymous: false, now: 1 })
    expect(interaction.getSnapshot().tool).toBe('vote')
    // I pick another tool during the round: it is not taken from me again by a vote.
    interaction.update({ tool: 'sticky' })
    doc.getMap('votes').set('x', 1)
    expect(interaction.getSnapshot().tool).toBe('sticky')
    endVotingRound(doc, ANNE, 2)
    expect(interaction.getSnapshot().tool).toBe('sticky')
    startVotingRound(doc, ANNE, { budget: 3, anonymous: false, now: 3 })
    expect(interaction.getSnapshot().tool).toBe('vote')
    endVotingRound(doc, ANNE, 4)
    expect(interaction.getSnapshot().tool).toBe('select')
    stop()
  })

  it('switches on arrival during an open round, never for someone who cannot vote', () => {
    const doc = board()
    startVotingRound(doc, ANNE, { budget: 3, anonymous: false, now: 1 })
    const interaction = createInteractionStore()
    watchVotingTool({ doc, interaction, canVote: () => true })()
    expect(interaction.getSnapshot().tool).toBe('vote')
    const guest = createInteractionStore()
    watchVotingTool({ doc, interaction: guest, canVote: () => false })()
    expect(guest.getSnapshot().tool).toBe('select')
  })
})

describe('watchRoundClosing', () => {
  it('tells when the round seen open closes, not for a round closed before', () => {
    const doc = board()
    startVotingRound(doc, ANNE, { budget: 3, anonymous: false, now: 1 })
    endVotingRound(doc, ANNE, 2)
    const onClosed = vi.fn()
    const stop = watchRoundClosing(doc, onClosed)
    doc.getMap('votes').set('x', 1)
    expect(onClosed).not.toHaveBeenCalled()
    startVotingRound(doc, ANNE, { budget: 3, anonymous: false, now: 3 })
    endVotingRound(doc, ANNE, 4)
    expect(onClosed).toHaveBeenCalledTimes(1)
    stop()
  })
})

describe('hidden count', () => {
  it('counts items waiting to be revealed, item by item', () => {
    const doc = board()
    const store = hiddenCountStore(doc)
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    expect(store.getSnapshot()).toBe(0)
    startPrivateMode(doc, ANNE, { now: 1 })
    createItems(
      doc,
      [
        { kind: 'sticky', x: 0, y: 0 },
        { kind: 'sticky', x: 200, y: 0 },
      ],
      { actor: BJORN, now: 2 },
    )
    createItems(doc, [{ kind: 'sticky', x: 400, y: 0 }], { actor: ANNE, now: 3 })
    expect(store.getSnapshot()).toBe(2)
    revealItems(doc, ANNE)
    expect(store.getSnapshot()).toBe(0)
    expect(listener).toHaveBeenCalled()
    unsubscribe()
  })
})
