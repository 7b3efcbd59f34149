import type * as Y from 'yjs'
import type { NoteId } from '../../../shared/ids'
import { getNote, renameNote } from '../../../shared/model/notes'
import { debounce } from '../lib/throttle'

/** After typing stops this long, the title is written so others see it without a blur. */
const RENAME_DELAY_MS = 700

export type TitleRenamer = {
  /** Records what is typed and writes it once typing pauses. */
  type(value: string): void
  /** Writes a pending title now (blur, Enter, switching notes). */
  flush(): void
  /** Drops a pending title (Escape). */
  cancel(): void
}

/**
 * Writes a note's title from the title input: debounced while typing, at once on commit,
 * and only when the cleaned title differs from the document's.
 */
export function createTitleRenamer(doc: Y.Doc, noteId: NoteId, authorName: string): TitleRenamer {
  let draft: string | undefined
  const write = debounce(() => {
    const value = draft
    draft = undefined
    const current = getNote(doc, noteId)
    if (value === undefined || current === undefined) return
    if (value.replace(/\s+/g, ' ').trim() === current.title) return
    renameNote(doc, noteId, { title: value, author: { name: authorName }, now: Date.now() })
  }, RENAME_DELAY_MS)
  return {
    type(value) {
      draft = value
      write.schedule()
    },
    flush: () => write.flush(),
    cancel() {
      draft = undefined
      write.cancel()
    },
  }
}
