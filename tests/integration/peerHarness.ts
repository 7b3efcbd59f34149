import * as Y from 'yjs'
import type { NoteId, WorkspaceId } from '../../shared/ids'
import { decodeInviteLink, type Invite } from '../../shared/invite'
import { noteBodyFragment } from '../../shared/model/noteBody'
import type { HostOptions } from '../../electron/core/host'
import { startHost, waitFor, type StartedHost } from './hostHarness'

export { seededRandom } from './seededRandom'

/** Transaction origin of test edits: neither a connection nor a peer link. */
export const TEST_ORIGIN = Object.freeze({ kind: 'test' as const })

/** A host with fast peer reconnects, for tests. */
export function startPeerHost(options: Partial<HostOptions> = {}): Promise<StartedHost> {
  return startHost({
    peerLinks: { backoff: { baseMs: 20, maxMs: 200 } },
    ...options,
  })
}

export function inviteOf(started: StartedHost, workspaceId: WorkspaceId): Invite {
  const entry = started.host.inviteLinks().find((i) => i.workspaceId === workspaceId)
  if (!entry) throw new Error(`no invite for ${workspaceId}`)
  const decoded = decodeInviteLink(entry.link)
  if (!decoded.ok) throw new Error(decoded.error)
  return decoded.invite
}

export function rootDoc(started: StartedHost, workspaceId: WorkspaceId): Y.Doc {
  const store = started.host.registry.get(workspaceId)?.store
  if (!store) throw new Error(`${workspaceId} is not open`)
  return store.doc
}

/** One random edit to the root (a test map) or a body (text in its XmlFragment). */
export async function randomEdit(
  started: StartedHost,
  workspaceId: WorkspaceId,
  noteIds: readonly NoteId[],
  random: () => number,
): Promise<void> {
  const word = Math.floor(random() * 1e6).toString(36)
  if (random() < 0.4) {
    const doc = rootDoc(started, workspaceId)
    doc.transact(() => {
      const map = doc.getMap<number | string>('test')
      const key = `k${Math.floor(random() * 20)}`
      if (random() < 0.2) map.delete(key)
      else map.set(key, word)
    }, TEST_ORIGIN)
    return
  }
  const noteId = noteIds[Math.floor(random() * noteIds.length)] as NoteId
  const bodies = started.host.registry.get(workspaceId)?.bodies
  if (!bodies) throw new Error('no bodies')
  await bodies.withBody(noteId, (store) => {
    store.doc.transact(() => {
      const fragment = noteBodyFragment(store.doc)
      if (fragment.length > 3 && random() < 0.25) {
        fragment.delete(Math.floor(random() * fragment.length), 1)
      } else {
        const text = new Y.XmlText()
        text.insert(0, word)
        fragment.insert(Math.floor(random() * (fragment.length + 1)), [text])
      }
    }, TEST_ORIGIN)
  })
}

/** State vector, delete set and content of the root and the given bodies, for comparisons. */
export async function fingerprint(
  started: StartedHost,
  workspaceId: WorkspaceId,
  noteIds: readonly NoteId[],
): Promise<string> {
  const parts: string[] = []
  const root = rootDoc(started, workspaceId)
  // Key order of a Y.Map follows insertion on each replica; the content is what must match.
  const entries = Object.entries(root.getMap('test').toJSON()).sort(([x], [y]) => (x < y ? -1 : 1))
  parts.push(describeDoc(root, JSON.stringify(entries)))
  const bodies = started.host.registry.get(workspaceId)?.bodies
  if (!bodies) throw new Error('no bodies')
  for (const noteId of noteIds) {
    parts.push(
      await bodies.withBody(noteId, (store) =>
        describeDoc(store.doc, noteBodyFragment(store.doc).toJSON()),
      ),
    )
  }
  return parts.join('\n')
}

function describeDoc(doc: Y.Doc, content: string): string {
  return `${Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')} ${content}`
}

/** Waits until every host has the same fingerprint. */
export async function waitForConvergence(
  hosts: readonly StartedHost[],
  workspaceId: WorkspaceId,
  noteIds: readonly NoteId[],
  timeoutMs = 10_000,
): Promise<string> {
  let last: string[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    last = await Promise.all(hosts.map((h) => fingerprint(h, workspaceId, noteIds)))
    if (last.every((f) => f === last[0])) return last[0] as string
    if (Date.now() > deadline) throw new Error(`no convergence:\n${last.join('\n---\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export { waitFor }
