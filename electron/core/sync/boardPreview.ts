import type * as Y from 'yjs'
import { boardPreviewJson } from '../../../shared/model/board/preview'
import { encodeBoardPreviewMessage } from '../../../shared/protocol'

type Cached = { message: Uint8Array | undefined; dirty: boolean }

const cache = new WeakMap<Y.Doc, Cached>()

/**
 * The `boardPreview` message of a board document (shared/model/board/preview.ts), made once
 * per version of the document: the first client to open a board after a change pays for it
 * (~30 ms at 10k stickies), everyone after gets the bytes. The cache lives as long as the
 * document, across rooms closing and opening while the store stays open.
 */
export function boardPreviewMessage(doc: Y.Doc): Uint8Array {
  let entry = cache.get(doc)
  if (entry === undefined) {
    const created: Cached = { message: undefined, dirty: true }
    const onTransaction = (transaction: Y.Transaction): void => {
      if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0) {
        created.dirty = true
        created.message = undefined
      }
    }
    doc.on('afterTransaction', onTransaction)
    doc.once('destroy', () => doc.off('afterTransaction', onTransaction))
    cache.set(doc, created)
    entry = created
  }
  if (entry.dirty || entry.message === undefined) {
    entry.message = encodeBoardPreviewMessage(boardPreviewJson(doc))
    entry.dirty = false
  }
  return entry.message
}
