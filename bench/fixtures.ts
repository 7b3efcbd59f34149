import * as Y from 'yjs'
import type { NoteId } from '../shared/ids'
import { appendNoteBody } from '../shared/model/noteBody'
import { createNote } from '../shared/model/notes'
import { appendBlocks, type Block } from '../shared/model/richText'
import { initWorkspace } from '../shared/model/workspace'

const WORDS =
  'varmegjenvinning bindemiddel sponplate robotcelle stivelse emballasje fiber kjetting herding massivtre fukt lakk sliping automasjon livsløp energi råstoff prosess sirkulær kvalitet'.split(
    ' ',
  )

function sentence(seed: number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 31 + i * 17) % WORDS.length] as string)
  return out.join(' ')
}

/** About 2 KB of text per note: a heading, paragraphs and a list. */
function noteBlocks(seed: number): Block[] {
  return [
    { type: 'heading', level: 2, content: [sentence(seed, 4)] },
    { type: 'paragraph', content: [sentence(seed + 1, 60)] },
    {
      type: 'bulletList',
      items: [[sentence(seed + 2, 12)], [sentence(seed + 3, 12)], [sentence(seed + 4, 12)]],
    },
    { type: 'paragraph', content: [sentence(seed + 5, 110)] },
  ]
}

/**
 * A workspace with `count` notes of about 2 KB each: the root document and, per note, the
 * body document as a Yjs update (v2).
 */
export function makeWorkspace(count: number): { root: Y.Doc; bodies: Map<NoteId, Uint8Array> } {
  const root = new Y.Doc()
  initWorkspace(root, { name: `Bench ${count}`, now: 1 })
  const bodies = new Map<NoteId, Uint8Array>()
  for (let i = 0; i < count; i++) {
    const id = createNote(root, {
      title: `Notat ${i}: ${sentence(i, 3)}`,
      author: { name: 'Bench' },
      now: 1_000 + i,
    })
    const body = new Y.Doc()
    appendNoteBody(body, noteBlocks(i))
    bodies.set(id, Y.encodeStateAsUpdateV2(body))
    body.destroy()
  }
  return { root, bodies }
}

/** The same content as one document holding every body, as the first design had it. */
export function makeSingleDocWorkspace(count: number): Y.Doc {
  const doc = new Y.Doc()
  initWorkspace(doc, { name: `Bench ${count}`, now: 1 })
  const notes = doc.getMap<Y.Map<unknown>>('notes')
  for (let i = 0; i < count; i++) {
    const id = createNote(doc, {
      title: `Notat ${i}: ${sentence(i, 3)}`,
      author: { name: 'Bench' },
      now: 1_000 + i,
    })
    doc.transact(() => {
      const fragment = new Y.XmlFragment()
      notes.get(id)?.set('body', fragment)
      appendBlocks(fragment, noteBlocks(i))
    })
  }
  return doc
}
