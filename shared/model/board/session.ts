import type * as Y from 'yjs'
import { z } from 'zod'
import { randomId } from '../../ids'
import { COMMAND_ORIGIN, readString } from '../schema'
import { boardSession, type BoardActor } from './boardDoc'

/**
 * Facilitation state in the board's `session` map: who facilitates, the timer, the voting
 * round and private mode. Each is one value (a plain object) written whole by the
 * facilitator, so last-writer-wins is the right merge: there is one facilitator at a time.
 *
 * Roles are checked here, in the commands, against the actor's stable id. This is a courtesy
 * between colleagues, not security: every replica holds the whole document and could write
 * anything; the UI simply offers the controls to the facilitator only.
 */
export class BoardPermissionError extends Error {
  constructor(readonly action: string) {
    super(`Only the facilitator can ${action}.`)
    this.name = 'BoardPermissionError'
  }
}

export type Facilitator = { id: string; name: string }

export function readFacilitator(doc: Y.Doc): Facilitator | undefined {
  const session = boardSession(doc)
  const id = readString(session, 'facilitatorId')
  return id === '' ? undefined : { id, name: readString(session, 'facilitatorName') }
}

export function isFacilitator(doc: Y.Doc, actorId: string): boolean {
  return readFacilitator(doc)?.id === actorId
}

export function requireFacilitator(doc: Y.Doc, actor: BoardActor, action: string): void {
  if (!isFacilitator(doc, actor.id)) throw new BoardPermissionError(action)
}

/**
 * Makes `actor` the facilitator when the board has none ("whoever starts the session").
 * Returns whether the actor is the facilitator afterwards. Two people starting at once both
 * see themselves as facilitator until their updates meet; then one name wins everywhere.
 */
export function startSession(doc: Y.Doc, actor: BoardActor): boolean {
  const current = readFacilitator(doc)
  if (current !== undefined) return current.id === actor.id
  doc.transact(() => {
    boardSession(doc).set('facilitatorId', actor.id)
    boardSession(doc).set('facilitatorName', actor.name)
  }, COMMAND_ORIGIN)
  return true
}

/**
 * Takes the facilitator role when the facilitator is not among the people present (their
 * laptop went to sleep, the network dropped them). `presentIds` comes from awareness, which
 * this pure model cannot see. Returns whether the actor facilitates afterwards.
 */
export function takeOverFacilitator(
  doc: Y.Doc,
  actor: BoardActor,
  presentIds: ReadonlySet<string>,
): boolean {
  const current = readFacilitator(doc)
  if (current !== undefined && current.id !== actor.id && presentIds.has(current.id)) return false
  if (current?.id === actor.id) return true
  doc.transact(() => {
    boardSession(doc).set('facilitatorId', actor.id)
    boardSession(doc).set('facilitatorName', actor.name)
  }, COMMAND_ORIGIN)
  return true
}

/** Hands the facilitator role to `to`. Only the facilitator can. */
export function handOverFacilitator(doc: Y.Doc, actor: BoardActor, to: BoardActor): void {
  requireFacilitator(doc, actor, 'hand over the facilitator role')
  doc.transact(() => {
    boardSession(doc).set('facilitatorId', to.id)
    boardSession(doc).set('facilitatorName', to.name)
  }, COMMAND_ORIGIN)
}

// --- timer ---------------------------------------------------------------------------------

const timerSchema = z.object({
  running: z.boolean(),
  durationMs: z.number().nonnegative(),
  /** When running: the time it ends, on the facilitator's clock. */
  endsAt: z.number().optional(),
  /** When paused: what is left. */
  remainingMs: z.number().nonnegative().optional(),
})
type StoredTimer = z.infer<typeof timerSchema>

export type TimerState =
  | { status: 'idle' }
  | { status: 'running'; endsAt: number; remainingMs: number; durationMs: number }
  | { status: 'paused'; remainingMs: number; durationMs: number }
  | { status: 'done'; durationMs: number }

function readStoredTimer(doc: Y.Doc): StoredTimer | undefined {
  const parsed = timerSchema.safeParse(boardSession(doc).get('timer'))
  return parsed.success ? parsed.data : undefined
}

/**
 * The timer as seen at `now`.
 *
 * WARNING: `endsAt` is on the clock of whoever started the timer; a participant whose clock
 * is off by a minute sees a minute more or less. Pass `now` on the same clock (the UI may
 * correct it by an offset learned from the facilitator's awareness state).
 */
export function readTimer(doc: Y.Doc, now: number): TimerState {
  const timer = readStoredTimer(doc)
  if (timer === undefined) return { status: 'idle' }
  if (timer.running && timer.endsAt !== undefined) {
    const remainingMs = timer.endsAt - now
    return remainingMs > 0
      ? { status: 'running', endsAt: timer.endsAt, remainingMs, durationMs: timer.durationMs }
      : { status: 'done', durationMs: timer.durationMs }
  }
  const remainingMs = timer.remainingMs ?? 0
  return remainingMs > 0
    ? { status: 'paused', remainingMs, durationMs: timer.durationMs }
    : { status: 'done', durationMs: timer.durationMs }
}

function writeTimer(doc: Y.Doc, timer: StoredTimer | undefined): void {
  doc.transact(() => {
    if (timer === undefined) boardSession(doc).delete('timer')
    else boardSession(doc).set('timer', timer)
  }, COMMAND_ORIGIN)
}

export const MAX_TIMER_MS = 4 * 60 * 60 * 1000

function clampDuration(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)))
}

export function startTimer(
  doc: Y.Doc,
  actor: BoardActor,
  input: { durationMs: number; now: number },
): void {
  requireFacilitator(doc, actor, 'start the timer')
  const durationMs = clampDuration(input.durationMs)
  writeTimer(doc, { running: true, durationMs, endsAt: input.now + durationMs })
}

export function pauseTimer(doc: Y.Doc, actor: BoardActor, now: number): void {
  requireFacilitator(doc, actor, 'pause the timer')
  const state = readTimer(doc, now)
  if (state.status !== 'running') return
  writeTimer(doc, { running: false, durationMs: state.durationMs, remainingMs: state.remainingMs })
}

export function resumeTimer(doc: Y.Doc, actor: BoardActor, now: number): void {
  requireFacilitator(doc, actor, 'resume the timer')
  const state = readTimer(doc, now)
  if (state.status !== 'paused') return
  writeTimer(doc, { running: true, durationMs: state.durationMs, endsAt: now + state.remainingMs })
}

/** Adds time to a running or paused timer; a finished one starts again with the extra time. */
export function extendTimer(
  doc: Y.Doc,
  actor: BoardActor,
  input: { ms: number; now: number },
): void {
  requireFacilitator(doc, actor, 'extend the timer')
  const state = readTimer(doc, input.now)
  const ms = clampDuration(input.ms)
  if (state.status === 'running') {
    const remaining = clampDuration(state.remainingMs + ms)
    writeTimer(doc, {
      running: true,
      durationMs: state.durationMs + ms,
      endsAt: input.now + remaining,
    })
  } else if (state.status === 'paused') {
    writeTimer(doc, {
      running: false,
      durationMs: state.durationMs + ms,
      remainingMs: clampDuration(state.remainingMs + ms),
    })
  } else {
    writeTimer(doc, { running: true, durationMs: ms, endsAt: input.now + ms })
  }
}

export function stopTimer(doc: Y.Doc, actor: BoardActor): void {
  requireFacilitator(doc, actor, 'stop the timer')
  writeTimer(doc, undefined)
}

// --- voting round --------------------------------------------------------------------------

const roundSchema = z.object({
  id: z.string().min(1),
  budget: z.number().int().positive(),
  anonymous: z.boolean(),
  status: z.enum(['open', 'closed']),
  startedAt: z.number(),
  endedAt: z.number().optional(),
})
/** A dot-voting round: `budget` dots per person; results show once it is closed. */
export type VotingRound = z.infer<typeof roundSchema>

export const MAX_VOTE_BUDGET = 50

export function readVotingRound(doc: Y.Doc): VotingRound | undefined {
  const parsed = roundSchema.safeParse(boardSession(doc).get('round'))
  return parsed.success ? parsed.data : undefined
}

/** Opens a new round (closing any open one). Returns its id. */
export function startVotingRound(
  doc: Y.Doc,
  actor: BoardActor,
  input: { budget: number; anonymous: boolean; now: number },
): string {
  requireFacilitator(doc, actor, 'start a voting round')
  const budget = Math.min(MAX_VOTE_BUDGET, Math.max(1, Math.round(input.budget)))
  const round: VotingRound = {
    id: `round-${randomId(8)}`,
    budget,
    anonymous: input.anonymous,
    status: 'open',
    startedAt: input.now,
  }
  doc.transact(() => boardSession(doc).set('round', round), COMMAND_ORIGIN)
  return round.id
}

export function endVotingRound(doc: Y.Doc, actor: BoardActor, now: number): void {
  requireFacilitator(doc, actor, 'end the voting round')
  const round = readVotingRound(doc)
  if (round === undefined || round.status === 'closed') return
  const closed: VotingRound = { ...round, status: 'closed', endedAt: now }
  doc.transact(() => boardSession(doc).set('round', closed), COMMAND_ORIGIN)
}

// --- private mode --------------------------------------------------------------------------

const privateModeSchema = z.object({ on: z.boolean(), since: z.number().optional() })
export type PrivateMode = z.infer<typeof privateModeSchema>

export function readPrivateMode(doc: Y.Doc): PrivateMode {
  const parsed = privateModeSchema.safeParse(boardSession(doc).get('privateMode'))
  return parsed.success ? parsed.data : { on: false }
}

/**
 * Whether a new item by `actorId` starts hidden: in private mode, everyone's but the
 * facilitator's (the facilitator's prompts and frames are meant to be seen).
 */
export function startsHidden(doc: Y.Doc, actorId: string): boolean {
  return readPrivateMode(doc).on && !isFacilitator(doc, actorId)
}

export function startPrivateMode(doc: Y.Doc, actor: BoardActor, input: { now: number }): void {
  requireFacilitator(doc, actor, 'turn on private mode')
  const mode: PrivateMode = { on: true, since: input.now }
  doc.transact(() => boardSession(doc).set('privateMode', mode), COMMAND_ORIGIN)
}
