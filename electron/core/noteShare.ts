import type { NoteId, WorkspaceId } from '../../shared/ids'
import { newNoteId } from '../../shared/ids'
import { syncNoteLinks } from '../../shared/model/links'
import { noteBodyFragment } from '../../shared/model/noteBody'
import { createNote, getNote } from '../../shared/model/notes'
import {
  copyNoteBody,
  matchCompany,
  matchCompetences,
  readSharedTo,
  recordSharedTo,
  type LinkMapping,
} from '../../shared/model/noteShare'
import { isNoteId } from '../../shared/rooms'
import type { WorkspaceEntry, WorkspaceRegistry } from './workspaces'
import { WorkspaceNotFoundError } from './workspaces'

/** Transaction origin of what a share writes on the host. */
export const SHARE_ORIGIN = Object.freeze({ kind: 'share' as const })

/** A share that cannot be done, in words the owner can act on (the API answers 409 or 404). */
export class NoteShareError extends Error {
  override readonly name = 'NoteShareError'
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message)
  }
}

/**
 * "Share to workspace…" on the host: copies a note of the private notebook `from` into the
 * shared workspace `to`. The copy is a new note with the same title, type and tags, the
 * company and competences the target knows by the same names (others are left out), the body
 * cloned with the files it shows (no history), and `copiedFrom` pointing back. The original
 * records the copy in `sharedTo`. Every call makes a new copy.
 *
 * The body is written before the note appears in the target's list, so a guest never opens
 * the copy half-written. Resolves once both workspaces have it on disk.
 */
export async function shareNote(
  registry: WorkspaceRegistry,
  input: { from: string; noteId: string; to: string; author: string | undefined; now: number },
): Promise<{ workspace: WorkspaceId; note: NoteId }> {
  const from = requireOpen(registry, input.from)
  const to = requireOpen(registry, input.to)
  if (!from.private) {
    throw new NoteShareError(409, 'Only notes of the private notebook are shared this way.')
  }
  if (to.private) throw new NoteShareError(409, 'Choose a shared workspace to share to.')
  const noteId = input.noteId
  const note = isNoteId(noteId) ? getNote(from.store.doc, noteId) : undefined
  if (!isNoteId(noteId) || note === undefined) {
    throw new NoteShareError(404, 'There is no such note in the private notebook.')
  }

  const copyId = newNoteId()
  const fromRoot = from.store.doc
  const toRoot = to.store.doc
  // A link to a private note that was shared to the same workspace points at its copy there;
  // any other becomes the linked note's title as text (the private note stays unreachable).
  const mapLink = (id: NoteId): LinkMapping => {
    const copies = readSharedTo(fromRoot, id).filter((copy) => copy.workspaceId === to.id)
    const latest = copies.at(-1)
    if (latest !== undefined && getNote(toRoot, latest.noteId) !== undefined) {
      return { kind: 'link', id: latest.noteId }
    }
    const title = getNote(fromRoot, id)?.title ?? ''
    return title === '' ? null : { kind: 'text', text: title }
  }

  const source = await from.bodies.acquire(noteId)
  try {
    await to.bodies.withBody(copyId, (target) => {
      copyNoteBody(
        { doc: source.doc, fragment: noteBodyFragment(source.doc) },
        { doc: target.doc, fragment: noteBodyFragment(target.doc) },
        mapLink,
        SHARE_ORIGIN,
      )
      const companyId = matchCompany(fromRoot, note.companyId, toRoot)
      createNote(toRoot, {
        id: copyId,
        title: note.title,
        author: { name: input.author ?? note.createdBy },
        now: input.now,
        ...(note.type === undefined ? {} : { type: note.type }),
        tags: note.tags,
        competenceIds: matchCompetences(fromRoot, note.competenceIds, toRoot),
        ...(companyId === undefined ? {} : { companyId }),
        copiedFrom: { workspaceId: from.id, noteId, workspaceName: from.name },
      })
      syncNoteLinks(toRoot, copyId, noteBodyFragment(target.doc), SHARE_ORIGIN)
    })
  } finally {
    from.bodies.release(noteId)
  }
  recordSharedTo(
    fromRoot,
    noteId,
    { workspaceId: to.id, noteId: copyId, workspaceName: to.name, at: input.now },
    SHARE_ORIGIN,
  )
  await Promise.all([to.store.whenDurable(), from.store.whenDurable()])
  return { workspace: to.id, note: copyId }
}

type OpenWorkspace = WorkspaceEntry & {
  store: NonNullable<WorkspaceEntry['store']>
  bodies: NonNullable<WorkspaceEntry['bodies']>
}

function requireOpen(registry: WorkspaceRegistry, id: string): OpenWorkspace {
  const workspace = registry.get(id)
  if (!workspace) throw new WorkspaceNotFoundError(id)
  if (!workspace.store || !workspace.bodies) {
    throw new NoteShareError(409, 'That workspace cannot be opened on this host.')
  }
  return workspace as OpenWorkspace
}
