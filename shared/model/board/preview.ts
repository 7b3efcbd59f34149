import type * as Y from 'yjs'
import { boardItems } from './boardDoc'
import { readItemFields, type BoardItem } from './items'

/**
 * A board's preview: its items as plain JSON, which a host sends a client before the board's
 * document (docs/PROTOCOL.md, "Board preview"). Applying a 10k-sticky document takes Yjs
 * ~200 ms in a browser; parsing this takes a tenth of that, so the board is on screen at once
 * and becomes editable when the document has arrived.
 *
 * Wire shape: `[[id, fields], …]`, `fields` as in the item's Y.Map with `text` as a string
 * (items.ts). Items made in private mode and not yet revealed are left out: the host does
 * not know who is asking, and a preview must never show what the board hides (the owner of
 * such a sticky sees it a moment later, when the document has applied).
 */
export type PreviewEntry = [id: string, fields: Record<string, unknown>]

/** The preview of `doc` as JSON text. */
export function boardPreviewJson(doc: Y.Doc): string {
  const entries: PreviewEntry[] = []
  boardItems(doc).forEach((map, id) => {
    if (map.get('hidden') === true) return
    entries.push([id, map.toJSON()])
  })
  return JSON.stringify(entries)
}

export class MalformedPreviewError extends Error {}

/**
 * Reads a preview into items, checking every field as the document's readers do (a preview
 * comes over the network). Entries of kinds this version does not know are skipped; anything
 * that is not a list of `[id, fields]` pairs throws {@link MalformedPreviewError}.
 */
export function readBoardPreview(json: string): BoardItem[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (error) {
    throw new MalformedPreviewError(`board preview: ${(error as Error).message}`)
  }
  if (!Array.isArray(parsed)) throw new MalformedPreviewError('board preview: not a list')
  const items: BoardItem[] = []
  for (const entry of parsed as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) {
      throw new MalformedPreviewError('board preview: an entry is not [id, fields]')
    }
    const [id, fields] = entry as [unknown, unknown]
    if (typeof id !== 'string' || typeof fields !== 'object' || fields === null) {
      throw new MalformedPreviewError('board preview: an entry is not [id, fields]')
    }
    const record = fields as Record<string, unknown>
    const item = readItemFields(id, {
      get: (key) => (Object.hasOwn(record, key) ? record[key] : undefined),
    })
    if (item !== undefined && !item.hidden) items.push(item)
  }
  return items
}
