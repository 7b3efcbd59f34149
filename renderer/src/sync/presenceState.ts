import type { Awareness } from 'y-protocols/awareness'
import type { NoteId } from '../../../shared/ids'

/**
 * What each client publishes over awareness (never into the document). TipTap's
 * CollaborationCaret reads `user.name` and `user.color`; `company` and `note` are Kryss's.
 */
export type PresenceUser = { name: string; color: string; company: string }
/** `user` is missing until the person has told us their name (first run). */
export type PresenceState = { user?: PresenceUser; note: NoteId | null }

/** One person present in the workspace, as the UI shows them. */
export type Participant = PresenceUser & {
  clientId: number
  note: NoteId | null
  isSelf: boolean
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i

/** Reads other clients' states defensively: they may run another version, or be hostile. */
export function readParticipant(clientId: number, state: unknown, selfId: number) {
  if (typeof state !== 'object' || state === null) return undefined
  const { user, note } = state as { user?: unknown; note?: unknown }
  if (typeof user !== 'object' || user === null) return undefined
  const { name, color, company } = user as Record<string, unknown>
  if (typeof name !== 'string' || name.trim().length === 0) return undefined
  const participant: Participant = {
    clientId,
    name: name.slice(0, 80),
    color: typeof color === 'string' && HEX_COLOR.test(color) ? color : '#64748b',
    company: typeof company === 'string' ? company.slice(0, 120) : '',
    note: typeof note === 'string' ? (note as NoteId) : null,
    isSelf: clientId === selfId,
  }
  return participant
}

export function listParticipants(awareness: Awareness): Participant[] {
  const participants: Participant[] = []
  awareness.getStates().forEach((state, clientId) => {
    const participant = readParticipant(clientId, state, awareness.clientID)
    if (participant !== undefined) participants.push(participant)
  })
  // Others first, by name; me last, so the avatars read "who else is here".
  return participants.sort(
    (a, b) =>
      Number(a.isSelf) - Number(b.isSelf) ||
      a.name.localeCompare(b.name) ||
      a.clientId - b.clientId,
  )
}

export function sameParticipant(a: Participant, b: Participant): boolean {
  return (
    a.clientId === b.clientId &&
    a.name === b.name &&
    a.color === b.color &&
    a.company === b.company &&
    a.note === b.note &&
    a.isSelf === b.isSelf
  )
}

/** What my profile shows to others. */
export function toPresenceUser(profile: {
  name: string
  color: string
  company: string
}): PresenceUser {
  return { name: profile.name, color: profile.color, company: profile.company }
}

/**
 * Puts `user` into an awareness's local state unless it is there already. Every set is sent
 * to everyone and re-draws every caret in an open editor, and opening a note that was open
 * before would otherwise do that for nothing.
 */
export function setAwarenessUser(awareness: Awareness, user: PresenceUser): void {
  const current = (awareness.getLocalState() as { user?: Partial<PresenceUser> } | null)?.user
  if (
    current !== undefined &&
    current.name === user.name &&
    current.color === user.color &&
    current.company === user.company
  ) {
    return
  }
  awareness.setLocalStateField('user', user)
}
