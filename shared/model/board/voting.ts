import * as Y from 'yjs'
import { z } from 'zod'
import { randomId, type ItemId } from '../../ids'
import { COMMAND_ORIGIN } from '../schema'
import { boardItems, boardVotes, type BoardActor } from './boardDoc'
import { readAuthorId } from './items'
import { readVotingRound, type VotingRound } from './session'

/**
 * Dot voting. Each dot is its own entry in the board's `votes` map under a fresh key
 * `<roundId>:<nonce>`, value `{ item, voter, voterName, at }`: entries are only ever added
 * or removed, so two people (or one person on two devices) voting at once never collide.
 *
 * The budget is checked when voting, but two offline devices of one person can still cast
 * more than the budget between them; counting therefore keeps only each voter's first
 * `budget` dots of the round (by time, then key), which every replica computes the same.
 *
 * Voter ids are stored even in anonymous rounds (the budget needs them); anonymity hides them
 * in results, as a courtesy — every replica holds the document.
 */
const voteSchema = z.object({
  item: z.string().min(1),
  voter: z.string().min(1),
  voterName: z.string(),
  at: z.number(),
})
type StoredVote = z.infer<typeof voteSchema>
type Vote = StoredVote & { key: string; round: string }

function readVotes(doc: Y.Doc, roundId: string): Vote[] {
  const prefix = `${roundId}:`
  const votes: Vote[] = []
  boardVotes(doc).forEach((value, key) => {
    if (!key.startsWith(prefix)) return
    const parsed = voteSchema.safeParse(value)
    if (parsed.success) votes.push({ ...parsed.data, key, round: roundId })
  })
  return votes.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/** The dots that count: each voter's first `budget`, on items still on the board. */
function countedVotes(doc: Y.Doc, round: VotingRound): Vote[] {
  const used = new Map<string, number>()
  const items = boardItems(doc)
  return readVotes(doc, round.id).filter((vote) => {
    const n = used.get(vote.voter) ?? 0
    if (n >= round.budget) return false
    used.set(vote.voter, n + 1)
    return items.has(vote.item)
  })
}

function openRound(doc: Y.Doc): VotingRound | undefined {
  const round = readVotingRound(doc)
  return round?.status === 'open' ? round : undefined
}

/**
 * Casts one dot on `item` in the open round. False when no round is open, the item is not
 * on the board (or is someone else's private item), or the actor's dots are used up.
 */
export function vote(doc: Y.Doc, actor: BoardActor, item: ItemId, now: number): boolean {
  const round = openRound(doc)
  const target = boardItems(doc).get(item)
  if (round === undefined || !(target instanceof Y.Map)) return false
  // Others' private items are not there for the voter.
  if (target.get('hidden') === true && readAuthorId(target) !== actor.id) return false
  const mine = readVotes(doc, round.id).filter((v) => v.voter === actor.id)
  if (mine.length >= round.budget) return false
  const value: StoredVote = { item, voter: actor.id, voterName: actor.name, at: now }
  doc.transact(() => boardVotes(doc).set(`${round.id}:${randomId(10)}`, value), COMMAND_ORIGIN)
  return true
}

/** Takes back one of the actor's dots on `item` (the latest) in the open round. */
export function unvote(doc: Y.Doc, actor: BoardActor, item: ItemId): boolean {
  const round = openRound(doc)
  if (round === undefined) return false
  const mine = readVotes(doc, round.id).filter((v) => v.voter === actor.id && v.item === item)
  const last = mine[mine.length - 1]
  if (last === undefined) return false
  doc.transact(() => boardVotes(doc).delete(last.key), COMMAND_ORIGIN)
  return true
}

export type ItemResult = {
  item: ItemId
  count: number
  /** Who voted (names, one per dot, sorted); empty in anonymous rounds. */
  voters: string[]
}

export type VotingView = {
  round: VotingRound
  /** The viewer's own dots per item (always visible to the viewer). */
  mine: ReadonlyMap<ItemId, number>
  remaining: number
  /** How many people have voted so far (no counts per item while open). */
  voterCount: number
  /** Per item, most votes first (ties by item id); only once the round is closed. */
  results: ItemResult[] | undefined
}

/**
 * What `viewer` may see of the current round: their own dots while it is open, results for
 * everyone once it is closed. Undefined when there has been no round.
 */
export function readVoting(doc: Y.Doc, viewer: BoardActor): VotingView | undefined {
  const round = readVotingRound(doc)
  if (round === undefined) return undefined
  const counted = countedVotes(doc, round)
  const mine = new Map<ItemId, number>()
  for (const v of counted) {
    if (v.voter === viewer.id) mine.set(v.item as ItemId, (mine.get(v.item as ItemId) ?? 0) + 1)
  }
  const used = readVotes(doc, round.id).filter((v) => v.voter === viewer.id).length
  return {
    round,
    mine,
    remaining: Math.max(0, round.budget - used),
    voterCount: new Set(counted.map((v) => v.voter)).size,
    results: round.status === 'closed' ? tally(counted, round.anonymous) : undefined,
  }
}

function tally(votes: readonly Vote[], anonymous: boolean): ItemResult[] {
  const byItem = new Map<string, string[]>()
  for (const v of votes) {
    const names = byItem.get(v.item) ?? []
    names.push(v.voterName)
    byItem.set(v.item, names)
  }
  return [...byItem]
    .map(([item, names]) => ({
      item: item as ItemId,
      count: names.length,
      voters: anonymous ? [] : names.sort((a, b) => a.localeCompare(b, 'nb')),
    }))
    .sort((a, b) => b.count - a.count || (a.item < b.item ? -1 : 1))
}

/**
 * Votes per item of the latest closed round (for sorting and summaries); empty while a round
 * is open or when there has been none.
 */
export function closedRoundCounts(doc: Y.Doc): Map<ItemId, number> {
  const round = readVotingRound(doc)
  const counts = new Map<ItemId, number>()
  if (round?.status !== 'closed') return counts
  for (const v of countedVotes(doc, round)) {
    counts.set(v.item as ItemId, (counts.get(v.item as ItemId) ?? 0) + 1)
  }
  return counts
}
