import type * as Y from 'yjs'
import type { BoardActor } from '../../../../shared/model/board/boardDoc'
import { observeBoardState } from '../../../../shared/model/board/observe'
import {
  readFacilitator,
  readPrivateMode,
  readVotingRound,
  type Facilitator,
  type PrivateMode,
} from '../../../../shared/model/board/session'
import { readVoting, type VotingView } from '../../../../shared/model/board/voting'
import {
  arraysEqual,
  createObservedStore,
  shallowEqual,
  type ExternalStore,
} from '../../lib/externalStore'
import type { BoardPeer } from '../state/boardPresence'
import type { InteractionStore } from '../state/interaction'

/** The small shared state the bar shows (the timer has its own clock, timerClock.ts). */
export type FacilitationState = {
  facilitator: Facilitator | undefined
  privateMode: PrivateMode
  /** The current or last voting round as I may see it. */
  voting: VotingView | undefined
}

export function facilitationStateStore(
  doc: Y.Doc,
  actor: BoardActor,
): ExternalStore<FacilitationState> {
  return createObservedStore(
    (onChange) => observeBoardState(doc, onChange),
    () => ({
      facilitator: readFacilitator(doc),
      privateMode: readPrivateMode(doc),
      voting: readVoting(doc, actor),
    }),
  )
}

/** Someone on the board as the bar lists them; changes only when people come, go or rename. */
export type Person = Pick<BoardPeer, 'clientId' | 'personId' | 'name' | 'color'>

/**
 * The peers without their pointers and views: the peers store changes with every pointer
 * move of anyone, and the bar should re-render only when the list of people does.
 */
export function peopleStore(
  peers: ExternalStore<readonly BoardPeer[]>,
): ExternalStore<readonly Person[]> {
  return createObservedStore(
    (onChange) => peers.subscribe(onChange),
    () =>
      peers.getSnapshot().map(({ clientId, personId, name, color }) => ({
        clientId,
        personId,
        name,
        color,
      })),
    (a, b) => arraysEqual(a, b, shallowEqual),
  )
}

/** The people to hand the facilitator role to: one per person id, not me, by name. */
export function handOverCandidates(people: readonly Person[], myId: string): Person[] {
  const byPerson = new Map<string, Person>()
  for (const person of people) {
    if (person.personId === '' || person.personId === myId) continue
    if (!byPerson.has(person.personId)) byPerson.set(person.personId, person)
  }
  return [...byPerson.values()]
}

/** Whether the facilitator is on the board (on any device): if not, anyone may take over. */
export function facilitatorPresent(
  facilitator: Facilitator | undefined,
  people: readonly Person[],
  myId: string,
): boolean {
  if (facilitator === undefined) return false
  return facilitator.id === myId || people.some((person) => person.personId === facilitator.id)
}

/**
 * Puts my tool on `vote` while a voting round is open (also when I arrive during one) and back
 * on `select` when it closes, unless I picked another tool meanwhile. `canVote` is read at
 * each change (a view-only guest cannot vote). Returns the disposer.
 */
export function watchVotingTool(input: {
  doc: Y.Doc
  interaction: InteractionStore
  canVote: () => boolean
}): () => void {
  let switchedFor: string | undefined
  const check = (): void => {
    const round = readVotingRound(input.doc)
    const open = round?.status === 'open' ? round.id : undefined
    if (open !== undefined && open !== switchedFor && input.canVote()) {
      switchedFor = open
      input.interaction.update({ tool: 'vote' })
    } else if (open === undefined && switchedFor !== undefined) {
      switchedFor = undefined
      if (input.interaction.getSnapshot().tool === 'vote')
        input.interaction.update({ tool: 'select' })
    }
  }
  check()
  return observeBoardState(input.doc, check)
}

/**
 * Calls `onClosed` when the voting round I saw open closes — live, not when I open a board
 * whose round closed earlier — so results can open for everyone at the end of the round.
 */
export function watchRoundClosing(doc: Y.Doc, onClosed: () => void): () => void {
  let openRound = readVotingRound(doc)?.status === 'open' ? readVotingRound(doc)?.id : undefined
  return observeBoardState(doc, () => {
    const round = readVotingRound(doc)
    if (round?.status === 'open') openRound = round.id
    else if (openRound !== undefined) {
      const closed = round?.id === openRound
      openRound = undefined
      if (closed) onClosed()
    }
  })
}
