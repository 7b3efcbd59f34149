import type * as Y from 'yjs'
import { newNoteId, type NoteId } from '../../../../shared/ids'
import type { PromotedSticky } from '../../../../shared/model/board/promote'
import type { BoardSummary } from '../../../../shared/model/board/summary'
import { createNote, type Author } from '../../../../shared/model/notes'
import { fillNoteBodyAfterSync, type SyncSignal } from '../../../../shared/model/noteTemplateBody'
import type { NoteType } from '../../../../shared/model/noteTypes'
import type { Block } from '../../../../shared/model/richText'
import type { ExternalStore } from '../../lib/externalStore'
import type { SyncStatus } from '../../sync/syncStatus'

/**
 * Notes made from a board — the summary, a promoted sticky — written all or nothing: the body
 * (a document of its own) is filled and confirmed on the host's disk first, and only then is
 * the note added to the list. If the host cannot be reached, nothing appears in the list; a
 * body that did get written without its note is never shown anywhere.
 */

/** A link back to the board the note came from (an in-app route, `#w=…&b=…`). */
export type BoardLink = { href: string; label: string }

function linkParagraph(link: BoardLink): Block {
  return { type: 'paragraph', content: [{ text: link.label, link: link.href }] }
}

/** The summary's blocks with the link back to the board under its first line. */
export function summaryNoteBlocks(summary: BoardSummary, link: BoardLink): Block[] {
  const [intro, ...rest] = summary.blocks
  return intro === undefined ? [linkParagraph(link)] : [intro, linkParagraph(link), ...rest]
}

/** The promoted sticky's blocks (its text, then where it came from) and the link back. */
export function promotedNoteBlocks(promoted: PromotedSticky, link: BoardLink): Block[] {
  return [...promoted.blocks, linkParagraph(link)]
}

/** A note body being written: the part of a note-body connection this needs. */
export type BodyLease = {
  doc: Y.Doc
  provider: SyncSignal
  status: ExternalStore<SyncStatus>
  destroy(): void
}

/** Why a note was not saved. */
export class NoteSaveError extends Error {
  constructor(readonly reason: 'unreachable' | 'not-stored' | 'not-empty') {
    super(`The note was not saved (${reason}).`)
    this.name = 'NoteSaveError'
  }
}

export type SaveNoteInput = {
  title: string
  type: NoteType
  blocks: readonly Block[]
  author: Author
  now: number
}

export type SaveNoteDeps = {
  /** The workspace's root document (the note list). */
  rootDoc: Y.Doc
  /** Opens the body document of a note (`connection.openNoteBody`). */
  openBody(id: NoteId): BodyLease
  /** How long to wait for the body to sync, then for the host to store it (ms). */
  timeouts?: { sync: number; store: number }
}

const DEFAULT_TIMEOUTS = { sync: 20_000, store: 15_000 }

function isStored(status: SyncStatus): boolean {
  return !status.unsaved && (status.state === 'saved' || status.state === 'connected')
}

/** Resolves true once the host has confirmed everything written, false after `timeoutMs`. */
function whenStored(status: ExternalStore<SyncStatus>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (isStored(status.getSnapshot())) {
      resolve(true)
      return
    }
    const finish = (stored: boolean): void => {
      unsubscribe()
      clearTimeout(timer)
      resolve(stored)
    }
    const unsubscribe = status.subscribe(() => {
      if (isStored(status.getSnapshot())) finish(true)
    })
    const timer = setTimeout(() => finish(false), timeoutMs)
  })
}

/**
 * Writes a new note with `blocks` as its body and returns its id, or throws a
 * {@link NoteSaveError} having added nothing to the note list.
 */
export async function saveNoteWithBody(deps: SaveNoteDeps, input: SaveNoteInput): Promise<NoteId> {
  const timeouts = deps.timeouts ?? DEFAULT_TIMEOUTS
  const id = newNoteId()
  const body = deps.openBody(id)
  try {
    const fill = fillNoteBodyAfterSync(body.doc, body.provider, input.blocks)
    const giveUp = setTimeout(() => fill.cancel(), timeouts.sync)
    const wrote = await fill.done
    clearTimeout(giveUp)
    if (!wrote) {
      // A fresh id's body is empty; not written means it never synced.
      throw new NoteSaveError(body.provider.synced ? 'not-empty' : 'unreachable')
    }
    if (!(await whenStored(body.status, timeouts.store))) throw new NoteSaveError('not-stored')
    createNote(deps.rootDoc, {
      id,
      title: input.title,
      type: input.type,
      author: input.author,
      now: input.now,
    })
    return id
  } finally {
    body.destroy()
  }
}
