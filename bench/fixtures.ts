import * as Y from 'yjs'
import { createNote } from '../shared/model/notes'
import type { Block } from '../shared/model/richText'
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

/** A workspace document with `count` notes of about 2 KB each. */
export function makeWorkspaceDoc(count: number): Y.Doc {
  const doc = new Y.Doc()
  initWorkspace(doc, { name: `Bench ${count}`, now: 1 })
  for (let i = 0; i < count; i++) {
    createNote(doc, {
      title: `Notat ${i}: ${sentence(i, 3)}`,
      author: { name: 'Bench' },
      now: 1_000 + i,
      blocks: noteBlocks(i),
    })
  }
  return doc
}
