import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { syncNoteLinks, NOTE_LINK_NODE } from '../../../shared/model/links'
import { createNote, deleteNote, type Author } from '../../../shared/model/notes'
import { backlinkIndex, backlinksStore } from './noteStores'

const author: Author = { name: 'Ada' }

/** Two replicas of one workspace root that deliver every update to each other. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, update, 'remote')
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote')
  })
  return [a, b]
}

/** A body holding `[[target]]` links, as the editor writes them. */
function bodyLinking(...targets: string[]): Y.XmlFragment {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('body')
  const paragraph = new Y.XmlElement('paragraph')
  fragment.insert(0, [paragraph])
  paragraph.insert(
    0,
    targets.map((target) => {
      const link = new Y.XmlElement(NOTE_LINK_NODE)
      link.setAttribute('id', target)
      return link
    }),
  )
  return fragment
}

describe('backlink stores', () => {
  it('show a link made on the other replica, and only wake the notes it concerns', () => {
    const [mine, theirs] = pair()
    const target = createNote(mine, { title: 'Varmegjenvinning', author, now: 1 })
    const bystander = createNote(mine, { title: 'Robotcelle', author, now: 1 })
    const source = createNote(theirs, { title: 'Erfaringer', author, now: 2 })

    const store = backlinksStore(mine, target)
    const other = backlinksStore(mine, bystander)
    let woke = 0
    let bystanderWoke = 0
    const stop = store.subscribe(() => woke++)
    const stopOther = other.subscribe(() => bystanderWoke++)
    expect(store.getSnapshot()).toEqual([])

    syncNoteLinks(theirs, source, bodyLinking(target))
    expect(store.getSnapshot()).toEqual([source])
    expect(woke).toBe(1)
    expect(bystanderWoke).toBe(0)
    const snapshot = store.getSnapshot()
    expect(store.getSnapshot()).toBe(snapshot)

    // The source stops linking, then comes back and is deleted: the backlink follows.
    syncNoteLinks(theirs, source, bodyLinking())
    expect(store.getSnapshot()).toEqual([])
    syncNoteLinks(theirs, source, bodyLinking(target, bystander))
    expect(store.getSnapshot()).toEqual([source])
    expect(other.getSnapshot()).toEqual([source])
    deleteNote(theirs, source)
    expect(store.getSnapshot()).toEqual([])
    expect(other.getSnapshot()).toEqual([])
    stop()
    stopOther()
  })

  it('keeps one index per document and stops it when the document is destroyed', () => {
    const [mine, theirs] = pair()
    expect(backlinkIndex(mine)).toBe(backlinkIndex(mine))
    const target = createNote(mine, { title: 'Mål', author, now: 1 })
    const source = createNote(theirs, { title: 'Kilde', author, now: 1 })
    const index = backlinkIndex(mine)
    let calls = 0
    index.subscribe(() => calls++)
    mine.destroy()
    syncNoteLinks(theirs, source, bodyLinking(target))
    expect(calls).toBe(0)
  })
})
