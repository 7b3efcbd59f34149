import type * as Y from 'yjs'
import { appendBlocks, fragmentToPlainText, type Block } from './richText'
import { COMMAND_ORIGIN, SEED_ORIGIN } from './schema'

/**
 * A note's body lives in a document of its own (see shared/rooms.ts), under this root
 * XmlFragment — the field TipTap's Collaboration extension is configured with.
 */
export const NOTE_BODY_FIELD = 'body'

export function noteBodyFragment(bodyDoc: Y.Doc): Y.XmlFragment {
  return bodyDoc.getXmlFragment(NOTE_BODY_FIELD)
}

/**
 * Appends blocks to a note body (templates, imports, seed data). One transaction.
 * WARNING: appends — calling it on two replicas before they sync gives the blocks twice;
 * only the replica that creates the note should write its initial body.
 */
export function appendNoteBody(
  bodyDoc: Y.Doc,
  blocks: readonly Block[],
  origin: object = COMMAND_ORIGIN,
): void {
  bodyDoc.transact(() => appendBlocks(noteBodyFragment(bodyDoc), blocks), origin)
}

/** Seed data writes with its own origin so undo never offers to remove it. */
export function seedNoteBody(bodyDoc: Y.Doc, blocks: readonly Block[]): void {
  appendNoteBody(bodyDoc, blocks, SEED_ORIGIN)
}

export function noteBodyText(bodyDoc: Y.Doc): string {
  return fragmentToPlainText(noteBodyFragment(bodyDoc))
}
