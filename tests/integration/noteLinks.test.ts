import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId } from '../../shared/ids'
import { createBacklinkIndex, NOTE_LINK_NODE } from '../../shared/model/links'
import { noteBodyFragment } from '../../shared/model/noteBody'
import { createNote, getNote } from '../../shared/model/notes'
import { noteRoomName, rootRoomName } from '../../shared/rooms'
import { cleanup, connectProvider, startHost, waitFor, whenSynced } from './hostHarness'

afterEach(cleanup)

const ada = { name: 'Ada' }

function linkParagraph(body: Y.Doc, target: NoteId): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph')
  body.transact(() => {
    noteBodyFragment(body).push([paragraph])
    const link = new Y.XmlElement(NOTE_LINK_NODE)
    link.setAttribute('id', target)
    paragraph.push([link])
  })
  return paragraph
}

describe('the host derives note links from bodies', () => {
  it('a link typed by a stock client shows up as a backlink for another client, and goes away', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Lenker')
    const params = { token: workspace.token }
    const writerRoot = connectProvider(started.port, rootRoomName(workspace.id), params)
    const readerRoot = connectProvider(started.port, rootRoomName(workspace.id), params)
    await Promise.all([whenSynced(writerRoot), whenSynced(readerRoot)])
    const source = createNote(writerRoot.doc, { title: 'Varmegjenvinning', author: ada, now: 1 })
    const target = createNote(writerRoot.doc, { title: 'Ovner', author: ada, now: 2 })
    await waitFor(() => getNote(readerRoot.doc, target) !== undefined, 'notes to reach the reader')
    const index = createBacklinkIndex(readerRoot.doc)

    const body = connectProvider(started.port, noteRoomName(workspace.id, source), params)
    await whenSynced(body)
    const paragraph = linkParagraph(body.doc, target)
    await waitFor(() => index.backlinks(target).has(source), 'the backlink to arrive')
    expect(getNote(readerRoot.doc, source)?.links).toEqual([target])

    body.doc.transact(() => {
      const fragment = noteBodyFragment(body.doc)
      fragment.delete(fragment.toArray().indexOf(paragraph), 1)
    })
    await waitFor(() => index.backlinks(target).size === 0, 'the backlink to go')
    index.destroy()
  })

  it('links written just before the host stops are derived before it closes', async () => {
    const first = await startHost()
    const workspace = await first.host.registry.create('Lenker')
    const params = { token: workspace.token }
    const root = connectProvider(first.port, rootRoomName(workspace.id), params)
    await whenSynced(root)
    const source = createNote(root.doc, { title: 'A', author: ada, now: 1 })
    const target = createNote(root.doc, { title: 'B', author: ada, now: 2 })
    const body = connectProvider(first.port, noteRoomName(workspace.id, source), params)
    await whenSynced(body)
    const entry = first.host.registry.get(workspace.id)
    await waitFor(
      () => getNote(entry?.store?.doc ?? new Y.Doc(), target) !== undefined,
      'notes on the host',
    )
    let received = false
    entry?.bodies?.onUpdate(() => (received = true))
    linkParagraph(body.doc, target)
    await waitFor(() => received, 'the host to receive the body edit')
    body.destroy()
    root.destroy()
    await first.host.stop()

    const second = await startHost({ dataDir: first.dataDir })
    const reopened = second.host.registry.get(workspace.id)
    expect(getNote(reopened?.store?.doc ?? new Y.Doc(), source)?.links).toEqual([target])
  })
})
