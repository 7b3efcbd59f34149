import { z } from 'zod'
import { inviteSchema, normalizeHost, type Invite } from '../../../shared/invite'
import type { WorkspaceId } from '../../../shared/ids'
import { readStoredJson, writeStoredJson } from '../lib/browserStorage'

const STORAGE_KEY = 'kryss.joinedWorkspaces'

const joinedSchema = z.object({
  invite: inviteSchema,
  joinedAt: z.number(),
  /** What the workspace's own document last called itself (may differ from the invite). */
  name: z.string().optional(),
  demo: z.boolean().optional(),
})

/** A workspace this browser joined by invite. The invite's token is the guest's capability. */
export type JoinedWorkspace = z.infer<typeof joinedSchema>

/** The remembered invites; entries that no longer validate are skipped, not fatal. */
export function readJoinedWorkspaces(): JoinedWorkspace[] {
  const raw = readStoredJson('local', STORAGE_KEY)
  if (!Array.isArray(raw)) return []
  const joined: JoinedWorkspace[] = []
  for (const item of raw) {
    const parsed = joinedSchema.safeParse(item)
    if (parsed.success) joined.push(parsed.data)
  }
  return joined
}

export function writeJoinedWorkspaces(joined: readonly JoinedWorkspace[]): void {
  writeStoredJson('local', STORAGE_KEY, joined)
}

/**
 * Remembers an invite. Joining the same workspace again replaces the old invite (its token may
 * have been revoked and reissued) but keeps the name learned from the document.
 */
export function rememberInvite(invite: Invite, now: number): JoinedWorkspace[] {
  const joined = readJoinedWorkspaces()
  const previous = joined.find((entry) => entry.invite.workspace === invite.workspace)
  const next: JoinedWorkspace = { ...previous, invite, joinedAt: now }
  const updated = [next, ...joined.filter((entry) => entry.invite.workspace !== invite.workspace)]
  writeJoinedWorkspaces(updated)
  return updated
}

export function updateJoinedMeta(
  id: WorkspaceId,
  meta: { name: string; demo: boolean },
): JoinedWorkspace[] | undefined {
  const joined = readJoinedWorkspaces()
  const entry = joined.find((item) => item.invite.workspace === id)
  if (entry === undefined || (entry.name === meta.name && entry.demo === meta.demo))
    return undefined
  const updated = joined.map((item) =>
    item === entry ? { ...item, name: meta.name || item.name, demo: meta.demo } : item,
  )
  writeJoinedWorkspaces(updated)
  return updated
}

/**
 * Which of an invite's hosts to sync with: the one that served this page when it is listed
 * (it is demonstrably reachable), otherwise the first.
 */
export function pickHost(invite: Invite, pageOrigin: string): string {
  const here = `${pageOrigin}/`
  const listed = invite.hosts.map((host) => normalizeHost(host))
  return listed.includes(here) ? here : (listed[0] as string)
}
