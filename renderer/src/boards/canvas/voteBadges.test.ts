import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import { createItems } from '../../../../shared/model/board/commands'
import {
  endVotingRound,
  startSession,
  startVotingRound,
} from '../../../../shared/model/board/session'
import { ANNE, BJORN } from '../../../../shared/model/board/testing'
import { vote } from '../../../../shared/model/board/voting'
import { voteBadgesStore } from './voteBadges'

describe('vote badges', () => {
  it('show my dots while a round is open and everyone’s once it is closed', () => {
    const doc = new Y.Doc()
    const [a, b] = createItems(
      doc,
      [
        { kind: 'sticky', x: 0, y: 0 },
        { kind: 'sticky', x: 200, y: 0 },
      ],
      { actor: ANNE, now: 1 },
    ) as [ItemId, ItemId]
    startSession(doc, ANNE)
    const badges = voteBadgesStore(doc, ANNE)
    let heard = 0
    const stop = badges.subscribe(() => heard++)
    expect(badges.getSnapshot().size).toBe(0)

    startVotingRound(doc, ANNE, { budget: 3, anonymous: false, now: 2 })
    vote(doc, ANNE, a, 3)
    vote(doc, BJORN, a, 4)
    vote(doc, BJORN, b, 5)
    expect(heard).toBeGreaterThan(0)
    expect([...badges.getSnapshot()]).toEqual([[a, { count: 1, mine: true }]])

    endVotingRound(doc, ANNE, 6)
    expect(badges.getSnapshot().get(a)).toEqual({ count: 2, mine: false })
    expect(badges.getSnapshot().get(b)).toEqual({ count: 1, mine: false })
    stop()
  })
})
