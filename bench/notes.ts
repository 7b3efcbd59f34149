import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId, NoteId } from '../shared/ids'
import { createBacklinkIndex, NOTE_LINK_NODE, syncNoteLinks } from '../shared/model/links'
import { appendNoteBody, noteBodyFragment } from '../shared/model/noteBody'
import { filterAndSortNotes, type NoteFilter } from '../shared/model/noteFilter'
import { createNote, listNotes, setNoteLinks } from '../shared/model/notes'
import { NOTE_TYPES } from '../shared/model/noteTypes'
import { ms, percentile, printRows, type Row } from './stats'

/**
 * Issue 4's figures that do not need a browser: the backlink index built cold from a 10k-note
 * root document and kept current per edit, and the note list filter over 10k summaries per
 * keystroke. The browser figures (filtered list on screen, opening a note) are in
 * bench/notesBrowser.ts.
 */
const NOTE_COUNT = 10_000
const LINKS_PER_NOTE = 3

const TAGS = ['sirkulær', 'energi', 'robot', 'tre', 'mat', 'emballasje', 'lim', 'automasjon']

/** A root document of `count` notes with types, tags, companies and three links each. */
export function makeLinkedRoot(count: number): { root: Y.Doc; ids: NoteId[] } {
  const root = new Y.Doc()
  const ids: NoteId[] = []
  for (let i = 0; i < count; i++) {
    ids.push(
      createNote(root, {
        id: `note-${String(i).padStart(12, '0')}` as NoteId,
        title: `Notat ${i} om ${TAGS[i % TAGS.length] ?? ''} og varmegjenvinning`,
        author: { name: i % 3 === 0 ? 'Ada' : 'Bo' },
        now: 1_000 + i,
        companyId: `co-${i % 50}` as CompanyId,
        type: NOTE_TYPES[i % NOTE_TYPES.length],
        tags: [TAGS[i % TAGS.length] ?? '', TAGS[(i * 7) % TAGS.length] ?? ''],
        competenceIds: [`cp-${i % 300}` as CompetenceId],
      }),
    )
  }
  for (let i = 0; i < count; i++) {
    const targets = new Set<NoteId>()
    for (let k = 1; k <= LINKS_PER_NOTE; k++) targets.add(ids[(i * 31 + k * 977) % count] as NoteId)
    setNoteLinks(root, ids[i] as NoteId, targets)
  }
  return { root, ids }
}

function time(task: () => void): number {
  const start = performance.now()
  task()
  return performance.now() - start
}

/** A ~2 KB body with one paragraph holding a link to `target`. */
function bodyWithLink(target: NoteId): Y.Doc {
  const body = new Y.Doc()
  appendNoteBody(body, [
    { type: 'heading', level: 2, content: ['Varmegjenvinning fra tørkeovner'] },
    { type: 'paragraph', content: ['ord '.repeat(300)] },
    { type: 'bulletList', items: [['en'], ['to'], ['tre']] },
  ])
  const paragraph = new Y.XmlElement('paragraph')
  body.transact(() => {
    noteBodyFragment(body).push([paragraph])
    const link = new Y.XmlElement(NOTE_LINK_NODE)
    link.setAttribute('id', target)
    paragraph.push([link])
  })
  return body
}

export function runNotesBench(): void {
  const { root, ids } = makeLinkedRoot(NOTE_COUNT)
  const update = Y.encodeStateAsUpdate(root)

  // Cold: a replica that just loaded the root document builds the index.
  const cold: number[] = []
  for (let run = 0; run < 7; run++) {
    const replica = new Y.Doc()
    Y.applyUpdate(replica, update)
    cold.push(time(() => createBacklinkIndex(replica).destroy()))
    replica.destroy()
  }

  // Per edit: the host re-reads a 2 KB body after an edit and the index follows. Half the edits
  // change the links (a link added or removed), half do not (plain typing).
  const index = createBacklinkIndex(root)
  const source = ids[0] as NoteId
  const perEdit: number[] = []
  const typing: number[] = []
  for (let i = 0; i < 400; i++) {
    const target = ids[(i * 13 + 5) % NOTE_COUNT] as NoteId
    const body = bodyWithLink(target)
    perEdit.push(time(() => syncNoteLinks(root, source, noteBodyFragment(body))))
    if (!index.backlinks(target).has(source)) throw new Error('the index missed a link')
    const text = (noteBodyFragment(body).get(1) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(0, 'x')
    typing.push(time(() => syncNoteLinks(root, source, noteBodyFragment(body))))
    body.destroy()
  }
  index.destroy()

  // The list filter: one keystroke = filter + sort 10k summaries again.
  const summaries = listNotes(root)
  const queries: NoteFilter[] = ['v', 'va', 'var', 'varm', 'varme', 'notat 12', 'notat 123'].map(
    (text) => ({ text }),
  )
  const filtering: number[] = []
  for (let round = 0; round < 20; round++) {
    for (const filter of queries) {
      filtering.push(time(() => filterAndSortNotes(summaries, filter, 'updated')))
    }
    filtering.push(
      time(() => filterAndSortNotes(summaries, { tag: 'energi', type: 'lesson' }, 'title')),
    )
  }

  const rows: Row[] = [
    {
      // A cold build happens once per replica; a garbage collection can land in any one run,
      // so the verdict is on the median and the worst run is shown beside it.
      name: 'backlink index, cold build (p50 / max)',
      value: `${ms(percentile(cold, 50))} / ${ms(Math.max(...cold))}`,
      target: '≤ 200 ms',
      ok: percentile(cold, 50) <= 200,
    },
    {
      name: 'per edit: links re-read + index update, link changed (p50 / p95)',
      value: `${ms(percentile(perEdit, 50))} / ${ms(percentile(perEdit, 95))}`,
      target: '≤ 2 ms',
      ok: percentile(perEdit, 95) <= 2,
    },
    {
      name: 'per edit: plain typing, nothing written (p50 / p95)',
      value: `${ms(percentile(typing, 50))} / ${ms(percentile(typing, 95))}`,
      target: '≤ 2 ms',
      ok: percentile(typing, 95) <= 2,
    },
    {
      name: 'list filter + sort of 10k notes per keystroke (p50 / p95)',
      value: `${ms(percentile(filtering, 50))} / ${ms(percentile(filtering, 95))}`,
      target: '≤ 16 ms with rendering',
      ok: percentile(filtering, 95) <= 16,
    },
  ]
  printRows(`Notes (issue 4): ${NOTE_COUNT} notes, ${LINKS_PER_NOTE} links each`, rows)
  root.destroy()
}
