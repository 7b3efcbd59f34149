import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId } from '../../shared/ids'
import { appendNoteBody, noteBodyFragment, noteBodyText } from '../../shared/model/noteBody'
import { fillNoteBodyAfterSync } from '../../shared/model/noteTemplateBody'
import { noteTemplate } from '../../shared/model/noteTypes'
import { noteRoomName } from '../../shared/rooms'
import { cleanup, connectProvider, startHost, waitFor, whenSynced } from './hostHarness'

afterEach(cleanup)

const note = 'note-tttttttttttt' as NoteId

describe('a new note from a template, over a real host', () => {
  it('the creating replica writes the template once and the open editor replica receives it', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Maler')
    const room = noteRoomName(workspace.id, note)
    const params = { token: workspace.token }
    // The note view opens the body at once; the template writer opens it beside it.
    const view = connectProvider(started.port, room, params)
    const writer = connectProvider(started.port, room, params)
    const fill = fillNoteBodyAfterSync(writer.doc, writer, noteTemplate('lesson', 'nb').blocks)
    expect(await fill.done).toBe(true)
    await waitFor(() => noteBodyFragment(view.doc).length > 0, 'template to reach the view')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(noteBodyFragment(view.doc).length).toBe(noteTemplate('lesson', 'nb').blocks.length)
    expect(noteBodyText(view.doc)).toContain('Hva vi lærte')
  })

  it('leaves a body alone that someone wrote before the writer synced', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Maler')
    const room = noteRoomName(workspace.id, note)
    const params = { token: workspace.token }
    const other = connectProvider(started.port, room, params)
    await whenSynced(other)
    appendNoteBody(other.doc, [{ type: 'paragraph', content: ['Først her'] }])
    await new Promise((resolve) => setTimeout(resolve, 100))

    const writer = connectProvider(started.port, room, params, new Y.Doc())
    const fill = fillNoteBodyAfterSync(writer.doc, writer, noteTemplate('idea', 'nb').blocks)
    expect(await fill.done).toBe(false)
    expect(noteBodyText(writer.doc)).toBe('Først her')
    expect(noteBodyText(other.doc)).toBe('Først her')
  })
})
