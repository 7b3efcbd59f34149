import { createHmac } from 'node:crypto'

/**
 * The tag a host advertises for a workspace: 16 hex digits of HMAC-SHA256 keyed by the
 * workspace id over the advertising host's id. Only someone who already knows the workspace id
 * can recognise it, and because the host id is mixed in, the same workspace has a different
 * tag on every host, so a listener cannot follow one workspace from network to network.
 */
export function workspaceTag(workspaceId: string, hostId: string): string {
  return createHmac('sha256', workspaceId)
    .update(`kryss-discovery/1 ${hostId}`)
    .digest('hex')
    .slice(0, 16)
}

/** Which of `workspaceIds` the host `hostId` advertises among `tags`. */
export function matchWorkspaces<T extends string>(
  workspaceIds: readonly T[],
  hostId: string,
  tags: readonly string[],
): Map<string, T> {
  const wanted = new Set(tags)
  const matches = new Map<string, T>()
  for (const id of workspaceIds) {
    const tag = workspaceTag(id, hostId)
    if (wanted.has(tag)) matches.set(tag, id)
  }
  return matches
}
