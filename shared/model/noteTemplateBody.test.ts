import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendNoteBody, noteBodyFragment, noteBodyText } from './noteBody'
import { fillEmptyNoteBody, fillNoteBodyAfterSync, type SyncSignal } from './noteTemplateBody'
import { noteTemplate } from './noteTypes'

/** A provider stand-in whose sync the test decides; the document work under it is real. */
function manualProvider(): SyncSignal & { sync(): void } {
  const listeners = new Set<(synced: boolean) => void>()
  let synced = false
  return {
    get synced() {
      return synced
    },
    on: (_event, listener) => listeners.add(listener),
    off: (_event, listener) => listeners.delete(listener),
    sync() {
      synced = true
      for (const listener of [...listeners]) listener(true)
    },
  }
}

const headings = (doc: Y.Doc): string[] =>
  noteBodyFragment(doc)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement)
    .filter((node) => node.nodeName === 'heading')
    .map((node) =>
      node
        .toArray()
        .map((child) => (child instanceof Y.XmlText ? child.toJSON() : ''))
        .join(''),
    )

describe('template bodies', () => {
  it('fills an empty body with the template blocks', () => {
    const doc = new Y.Doc()
    const template = noteTemplate('lesson', 'en')
    expect(fillEmptyNoteBody(doc, template.blocks)).toBe(true)
    expect(headings(doc)).toEqual([
      'What we tried',
      'What happened',
      'What we learned',
      'What we would do differently',
    ])
  })

  it('never writes into a body that has content', () => {
    const doc = new Y.Doc()
    appendNoteBody(doc, [{ type: 'paragraph', content: ['Already written'] }])
    expect(fillEmptyNoteBody(doc, noteTemplate('idea', 'nb').blocks)).toBe(false)
    expect(noteBodyText(doc)).toBe('Already written')
  })

  it('waits for the first sync and skips the template when the synced body is not empty', async () => {
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    appendNoteBody(theirs, [{ type: 'paragraph', content: ['Typed elsewhere first'] }])
    const provider = manualProvider()
    const fill = fillNoteBodyAfterSync(mine, provider, noteTemplate('meeting', 'nb').blocks)
    expect(noteBodyFragment(mine).length).toBe(0)
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs))
    provider.sync()
    expect(await fill.done).toBe(false)
    expect(noteBodyText(mine)).toBe('Typed elsewhere first')
  })

  it('writes once after sync into a still-empty body, and a cancelled fill writes nothing', async () => {
    const provider = manualProvider()
    const doc = new Y.Doc()
    const fill = fillNoteBodyAfterSync(doc, provider, noteTemplate('competence', 'en').blocks)
    provider.sync()
    provider.sync()
    expect(await fill.done).toBe(true)
    expect(headings(doc)).toHaveLength(4)

    const cancelledDoc = new Y.Doc()
    const cancelledProvider = manualProvider()
    const cancelled = fillNoteBodyAfterSync(
      cancelledDoc,
      cancelledProvider,
      noteTemplate('competence', 'en').blocks,
    )
    cancelled.cancel()
    cancelledProvider.sync()
    expect(await cancelled.done).toBe(false)
    expect(noteBodyFragment(cancelledDoc).length).toBe(0)
  })
})
