import * as Y from 'yjs'
import type { ItemId } from '../../../../shared/ids'
import { boardItems } from '../../../../shared/model/board/boardDoc'
import { observeItems } from '../../../../shared/model/board/observe'
import { createObservedStore, type ExternalStore } from '../../lib/externalStore'

function isHidden(record: unknown): boolean {
  return record instanceof Y.Map && record.get('hidden') === true
}

/**
 * How many items wait to be revealed ("Reveal all (12 hidden)") — the total of
 * `hiddenCounts`, kept item by item: `hiddenCounts` reads every item in full (tens of ms at
 * 5,000 stickies), too slow to redo on each keystroke in a sticky. One scan of the `hidden`
 * flags when someone starts listening, then only the items each transaction touched.
 */
export function hiddenCountStore(doc: Y.Doc): ExternalStore<number> {
  let hidden = new Set<ItemId>()
  return createObservedStore(
    (onChange) => {
      hidden = new Set()
      boardItems(doc).forEach((record, id) => {
        if (isHidden(record)) hidden.add(id as ItemId)
      })
      return observeItems(doc, ({ added, removed, changed }) => {
        const items = boardItems(doc)
        for (const id of removed) hidden.delete(id)
        for (const id of [...added, ...changed]) {
          if (isHidden(items.get(id))) hidden.add(id)
          else hidden.delete(id)
        }
        onChange()
      })
    },
    () => hidden.size,
  )
}
