import type { NoteId } from '../../../../shared/ids'
import { createNote, type Author } from '../../../../shared/model/notes'
import { fillNoteBodyAfterSync } from '../../../../shared/model/noteTemplateBody'
import {
  noteTemplate,
  type NoteType,
  type TemplateLanguage,
} from '../../../../shared/model/noteTypes'
import type { SyncStatus } from '../../sync/syncStatus'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'

/** The template language for the UI language (Norwegian unless the UI is English). */
export function templateLanguage(language: string): TemplateLanguage {
  return language.startsWith('en') ? 'en' : 'nb'
}

/** How long a new note's body may take to sync before its template is given up. */
const SYNC_TIMEOUT_MS = 60_000
/** How long to keep the body open for the host to confirm the template is stored. */
const SAVE_TIMEOUT_MS = 10_000

/**
 * Creates a note of `type` and writes its template into the body. Only this replica writes,
 * and only after the body has synced and is still empty (shared/model/noteTemplateBody.ts).
 * The body is opened on a connection of its own — the note view opens the same body beside
 * it and receives the template like any other change — and closed once the host has it.
 */
export function createNoteFromTemplate(
  connection: WorkspaceConnection,
  input: { type: NoteType; language: TemplateLanguage; author: Author; now: number },
): NoteId {
  const id = createNote(connection.doc, {
    title: '',
    type: input.type,
    author: input.author,
    now: input.now,
  })
  // No `user` in this presence: a helper connection is not a person in the note.
  const body = connection.openNoteBody(id, { note: id })
  const fill = fillNoteBodyAfterSync(
    body.doc,
    body.provider,
    noteTemplate(input.type, input.language).blocks,
  )
  const giveUp = setTimeout(() => fill.cancel(), SYNC_TIMEOUT_MS)
  void fill.done
    .then((wrote) => {
      clearTimeout(giveUp)
      return wrote ? whenStored(body.status) : undefined
    })
    .finally(() => body.destroy())
  return id
}

/** Resolves once nothing is waiting for the host's acknowledgement (or after a timeout). */
function whenStored(status: {
  subscribe(listener: () => void): () => void
  getSnapshot(): SyncStatus
}): Promise<void> {
  return new Promise((resolve) => {
    const stored = (): boolean => {
      const { state, unsaved } = status.getSnapshot()
      return !unsaved && (state === 'saved' || state === 'connected')
    }
    if (stored()) {
      resolve()
      return
    }
    const done = (): void => {
      unsubscribe()
      clearTimeout(timer)
      resolve()
    }
    const unsubscribe = status.subscribe(() => {
      if (stored()) done()
    })
    const timer = setTimeout(done, SAVE_TIMEOUT_MS)
  })
}
