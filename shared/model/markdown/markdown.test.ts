import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NoteId } from '../../ids'
import { createCompany, createCompetence, listCompetences } from '../companies'
import { appendNoteBody, noteBodyFragment } from '../noteBody'
import { addNoteFile } from '../noteFiles'
import {
  addNoteCompetence,
  addNoteTag,
  createNote,
  getNote,
  listNotes,
  setNoteCompany,
  setNoteType,
} from '../notes'
import { appendBlocks, fragmentToBlocks, type Block } from '../richText'
import { parseImportFiles, readImportUpload, safeUploadPath, type ImportFile } from './bundle'
import { exportNames, exportNote } from './exportNote'
import { createFileNamer, safeFileStem } from './fileNames'
import { markdownToBlocks } from './fromMarkdown'
import { parseFrontMatter, splitFrontMatter } from './frontMatter'
import { applyImportRecords, planImport, writeImportedBody } from './importPlan'
import { blocksToMarkdown } from './toMarkdown'

const ada = { name: 'Ada' }
const anyText = expect.any(String) as unknown
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
const enc = (text: string): Uint8Array => strToU8(text)
const plain = { noteTitle: () => undefined, imageSrc: () => undefined }

/** Blocks → Y body → blocks, as the editor would store them. */
function throughYjs(blocks: Block[]): Block[] {
  const doc = new Y.Doc()
  doc.transact(() => appendBlocks(noteBodyFragment(doc), blocks))
  return fragmentToBlocks(noteBodyFragment(doc))
}

/** Markdown text → blocks (no workspace: links keep their titles, images their paths). */
function read(markdown: string): Block[] {
  return markdownToBlocks(markdown).blocks
}

const rich: Block[] = [
  { type: 'heading', level: 1, content: ['Robot cell'] },
  { type: 'heading', level: 2, content: ['What ', { text: 'we', italic: true }, ' know'] },
  {
    type: 'paragraph',
    content: [
      'Plain, ',
      { text: 'bold', bold: true },
      ' and ',
      { text: 'both', bold: true, italic: true },
      ', ',
      { text: 'gone', strike: true },
      ', ',
      { text: 'x = a*b', code: true },
      ' and a ',
      { text: 'link', link: 'https://example.com/a?b=1&c=(2)' },
      '.',
    ],
  },
  {
    type: 'paragraph',
    content: ['Line one', { type: 'hardBreak' }, 'line two'],
  },
  {
    type: 'bulletList',
    items: [
      ['first'],
      {
        content: ['second'],
        children: [{ type: 'bulletList', items: [['nested a'], ['nested b']] }],
      },
      ['third'],
    ],
  },
  { type: 'orderedList', items: [['one'], ['two']], start: 3 },
  {
    type: 'taskList',
    items: [
      { checked: true, content: ['done'] },
      { checked: false, content: ['todo'] },
      { checked: false, content: [] },
    ],
  },
  {
    type: 'blockquote',
    children: [
      { type: 'paragraph', content: ['quoted'] },
      { type: 'bulletList', items: [['in a quote']] },
    ],
  },
  { type: 'codeBlock', language: 'ts', text: 'const a = `x` | 1\n```\n# not a heading' },
  { type: 'horizontalRule' },
  {
    type: 'table',
    rows: [
      [
        { header: true, content: ['Name'] },
        { header: true, content: ['Value | pipe'] },
      ],
      [
        { content: [{ text: 'a|b', code: true }] },
        { content: ['two', { type: 'hardBreak' }, 'lines'] },
      ],
    ],
  },
]

describe('rich text blocks in Yjs', () => {
  it('reads back every node and mark it writes', () => {
    expect(throughYjs(rich)).toEqual(rich)
  })
})

describe('Markdown writer and reader', () => {
  it('round-trips headings, lists, task lists, quotes, code, rules, tables, marks and links', () => {
    const markdown = blocksToMarkdown(rich, plain)
    expect(markdown).toContain('- [x] done')
    expect(markdown).toContain('```ts')
    expect(markdown).toContain('| Name | Value \\| pipe |')
    expect(read(markdown)).toEqual(rich)
  })

  it('keeps tricky text as text: * # | backticks, brackets, entities, æøå', () => {
    const tricky: Block[] = [
      { type: 'paragraph', content: ['# not a heading *nor* _emphasis_ | pipe `tick` [x](y)'] },
      { type: 'paragraph', content: ['- not a list, 1. not numbered, > not quoted'] },
      { type: 'paragraph', content: ['1. starts with a number'] },
      { type: 'paragraph', content: ['&amp; stays literal, a & b, <b>not html</b>, \\ backslash'] },
      { type: 'paragraph', content: ['Blåbær på Ørsta — æøå ÆØÅ, snake_case_name, 2*3*4'] },
      { type: 'paragraph', content: ['---'] },
      { type: 'paragraph', content: ['    four spaces would be code'.trimStart()] },
      { type: 'heading', level: 2, content: ['C# and F#'] },
      { type: 'paragraph', content: ['[[not a link]] ~~not struck~~ ![no](image)'] },
    ]
    expect(read(blocksToMarkdown(tricky, plain))).toEqual(tricky)
  })

  it('keeps adjacent and overlapping marks apart', () => {
    const marks: Block[] = [
      {
        type: 'paragraph',
        content: [
          { text: 'bold', bold: true },
          { text: 'italic', italic: true },
          ' ',
          { text: 'a', italic: true },
          { text: 'b', italic: true, bold: true },
          ' ',
          { text: 'x', bold: true },
          { text: 'y', bold: true, strike: true },
          { text: 'code`tick', code: true },
        ],
      },
    ]
    expect(read(blocksToMarkdown(marks, plain))).toEqual(marks)
  })

  it('writes note links as [[Title]] and images as files beside the note', () => {
    const blocks: Block[] = [
      { type: 'paragraph', content: ['See ', { type: 'noteLink', id: 'note-a' }, '.'] },
      { type: 'image', fileId: 'f-1', alt: 'A [photo]' },
    ]
    const markdown = blocksToMarkdown(blocks, {
      noteTitle: (id) => (id === 'note-a' ? 'Heat | recovery [2]' : undefined),
      imageSrc: (id) => `images/${id}.png`,
    })
    // The title is not a safe file name: the link names the file and shows the title.
    expect(markdown).toBe(
      'See [[Heat recovery \\[2\\]|Heat \\| recovery \\[2\\]]].\n\n![A \\[photo\\]](images/f-1.png)\n',
    )
    expect(read(markdown)).toEqual([
      {
        type: 'paragraph',
        content: [
          'See ',
          { type: 'noteLink', id: '', title: 'Heat recovery [2]', alias: 'Heat | recovery [2]' },
          '.',
        ],
      },
      { type: 'image', fileId: 'images/f-1.png', alt: 'A [photo]' },
    ])
  })

  it('keeps a heading on one line when it holds a break', () => {
    const markdown = blocksToMarkdown(
      [{ type: 'heading', level: 2, content: ['One', { type: 'hardBreak' }, 'two'] }],
      plain,
    )
    expect(read(markdown)).toEqual([{ type: 'heading', level: 2, content: ['One two'] }])
  })

  it('keeps two lists in a row as two lists', () => {
    const blocks: Block[] = [
      { type: 'bulletList', items: [['a']] },
      { type: 'bulletList', items: [['b']] },
      { type: 'orderedList', items: [['c']] },
      { type: 'orderedList', items: [['d']] },
    ]
    expect(read(blocksToMarkdown(blocks, plain))).toEqual(blocks)
  })

  it('reads Markdown written elsewhere: setext, deep headings, loose lists, html, Obsidian', () => {
    const parsed = markdownToBlocks(
      'Title\n=====\n\n#### Deep\n\n* a\n\n* b\n\n<div>raw</div>\n\nSee [other](Other%20note.md) and ![[pic.png]]\n',
    )
    expect(parsed.blocks).toEqual([
      { type: 'heading', level: 1, content: ['Title'] },
      { type: 'heading', level: 3, content: ['Deep'] },
      { type: 'bulletList', items: [['a'], ['b']] },
      { type: 'paragraph', content: ['<div>raw</div>'] },
      {
        type: 'paragraph',
        content: ['See ', { type: 'noteLink', id: '', title: 'Other note' }, ' and'],
      },
      { type: 'image', fileId: 'pic.png' },
    ])
    expect(parsed.warnings).toEqual([{ code: 'heading-level', detail: '4' }])
  })
})

describe('front-matter', () => {
  it('reads lists given as one string and refuses YAML that does not parse', () => {
    const { yaml, body } = splitFrontMatter('---\ntitle: "Å: x"\ntags: a, b\n---\nBody\n')
    expect(body).toBe('Body\n')
    expect(parseFrontMatter(yaml)).toMatchObject({ title: 'Å: x', tags: ['a', 'b'] })
    expect(() => parseFrontMatter('title: [unclosed')).toThrow()
    expect(() => splitFrontMatter('---\ntitle: x\nno end')).toThrow(/never closed/)
  })
})

describe('file names', () => {
  it('makes titles safe and unique regardless of case', () => {
    expect(safeFileStem('a/b\\c:d*e?"f"<g>|h')).toBe('a b c d e f g h')
    expect(safeFileStem('..hidden.')).toBe('hidden')
    expect(safeFileStem('CON')).toBe('CON_')
    expect(safeFileStem('   ')).toBe('Untitled')
    const name = createFileNamer()
    expect([name('Plan', 'md'), name('plan', 'md'), name('Plan', 'md')]).toEqual([
      'Plan.md',
      'plan (2).md',
      'Plan (3).md',
    ])
  })

  it('refuses upload paths that climb out or are absolute', () => {
    expect(safeUploadPath('../x.md')).toBeUndefined()
    expect(safeUploadPath('a/../../x.md')).toBeUndefined()
    expect(safeUploadPath('/etc/x.md')).toBeUndefined()
    expect(safeUploadPath('C:\\x.md')).toBeUndefined()
    expect(safeUploadPath('notes\\a.md')).toBe('notes/a.md')
  })
})

/** A workspace with a company, a competence and a note using every node, with an image. */
async function sourceWorkspace(): Promise<{ root: Y.Doc; bodies: Map<NoteId, Y.Doc> }> {
  const root = new Y.Doc()
  const company = createCompany(root, {
    name: 'Vestplate AS',
    industry: 'wood-panels',
    location: 'Ørsta',
    description: '',
    color: '#123456',
  })
  const competence = createCompetence(root, { name: 'Varmegjenvinning', category: 'energy' })
  const target = createNote(root, { title: 'Heat recovery', author: ada, now: 1_000 })
  const main = createNote(root, { title: 'Robot cell: *small* batches', author: ada, now: 2_000 })
  setNoteCompany(root, main, { author: ada, now: 2_000, companyId: company })
  setNoteType(root, main, { author: ada, now: 2_000, type: 'competence' })
  addNoteTag(root, main, { author: ada, now: 2_000, tag: 'Robotics' })
  addNoteCompetence(root, main, { author: { name: 'Bo' }, now: 3_000, competenceId: competence })
  const body = new Y.Doc()
  const fileId = await addNoteFile(body, {
    bytes: PNG,
    type: 'image/png',
    name: 'cell.png',
    addedBy: 'Ada',
    now: 1,
  })
  appendNoteBody(body, [
    ...rich,
    { type: 'paragraph', content: ['Links to ', { type: 'noteLink', id: target }] },
    { type: 'image', fileId, alt: 'The cell' },
  ])
  const targetBody = new Y.Doc()
  appendNoteBody(targetBody, [
    { type: 'paragraph', content: ['Back to ', { type: 'noteLink', id: main }] },
  ])
  return {
    root,
    bodies: new Map([
      [main, body],
      [target, targetBody],
    ]),
  }
}

function exportAll(root: Y.Doc, bodies: Map<NoteId, Y.Doc>): ImportFile[] {
  const names = exportNames(root)
  const namer = createFileNamer()
  const files: ImportFile[] = []
  const images = new Set<string>()
  for (const note of listNotes(root)) {
    const exported = exportNote(root, note.id, bodies.get(note.id), names)
    if (exported === undefined) continue
    files.push({ name: namer(exported.title, 'md'), bytes: enc(exported.markdown) })
    for (const image of exported.images) {
      if (!images.has(image.path)) files.push({ name: image.path, bytes: image.bytes })
      images.add(image.path)
    }
  }
  return files
}

async function importInto(root: Y.Doc, files: ImportFile[] | Uint8Array) {
  const bundle =
    files instanceof Uint8Array
      ? readImportUpload({ name: 'upload.zip', bytes: files })
      : parseImportFiles({ files })
  const plan = await planImport(root, bundle, { author: 'Importer', now: 9_000 })
  const bodies = new Map<NoteId, Y.Doc>()
  for (const note of plan.notes) {
    const body = new Y.Doc()
    await writeImportedBody(body, note, { addedBy: 'Importer', now: 9_000 })
    bodies.set(note.id, body)
  }
  applyImportRecords(root, plan)
  return { plan, bodies }
}

describe('export → import of a workspace', () => {
  it('keeps titles, bodies, images, note links and front-matter', async () => {
    const source = await sourceWorkspace()
    const files = exportAll(source.root, source.bodies)
    expect(files.map((f) => f.name).sort()).toEqual([
      'Heat recovery.md',
      'Robot cell small batches.md',
      expect.stringMatching(/^images\/f-[0-9a-f]{24}\.png$/),
    ])
    const mainFile = new TextDecoder().decode(files.find((f) => f.name.startsWith('Robot'))?.bytes)
    expect(mainFile).toMatch(
      /^---\ntitle: "Robot cell: \*small\* batches"\ntype: competence\ncompany: Vestplate AS\ntags:\n {2}- Robotics\ncompetences:\n {2}- Varmegjenvinning\ncreated: 1970-01-01T00:00:02.000Z\nupdated: 1970-01-01T00:00:03.000Z\ncreated_by: Ada\nupdated_by: Bo\nkryss_id: note-/,
    )

    const target = new Y.Doc()
    createCompany(target, {
      name: 'vestplate as',
      industry: 'other',
      location: '',
      description: '',
      color: '#000000',
    })
    const { plan, bodies } = await importInto(
      target,
      zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes]))),
    )
    expect(plan.refused).toEqual([])
    const notes = listNotes(target)
    expect(notes.map((n) => n.title).sort()).toEqual([
      'Heat recovery',
      'Robot cell: *small* batches',
    ])
    const main = notes.find((n) => n.title.startsWith('Robot'))
    const heat = notes.find((n) => n.title === 'Heat recovery')
    if (main === undefined || heat === undefined) throw new Error('notes missing')
    expect(main).toMatchObject({
      type: 'competence',
      tags: ['Robotics'],
      createdAt: 2_000,
      createdBy: 'Ada',
      updatedAt: 3_000,
      updatedBy: 'Bo',
      links: [heat.id],
    })
    expect(main.companyId).toBeDefined()
    expect(listCompetences(target).map((c) => c.name)).toEqual(['Varmegjenvinning'])
    expect(main.competenceIds).toEqual([listCompetences(target)[0]?.id])
    expect(getNote(target, heat.id)?.links).toEqual([main.id])

    const original = fragmentToBlocks(
      noteBodyFragment(
        source.bodies.get(
          listNotes(source.root).find((n) => n.title.startsWith('Robot'))?.id as NoteId,
        ) as Y.Doc,
      ),
    )
    const imported = fragmentToBlocks(noteBodyFragment(bodies.get(main.id) as Y.Doc))
    // Same blocks, but note links point at the imported notes.
    const relinked = JSON.parse(
      JSON.stringify(original).replace(/"id":"note-[^"]+"/g, `"id":"${heat.id}"`),
    ) as Block[]
    expect(imported).toEqual(relinked)
    expect(bodies.get(main.id)?.getMap('files').size).toBe(1)
  })

  it('resolves [[links]] to existing notes case-insensitively and keeps unknown ones as text', async () => {
    const root = new Y.Doc()
    const existing = createNote(root, { title: 'Laser Cutting', author: ada, now: 1 })
    const { plan, bodies } = await importInto(root, [
      { name: 'a.md', bytes: enc('See [[laser cutting]] and [[Nowhere]].\n') },
    ])
    const note = plan.notes[0]
    if (note === undefined) throw new Error('no note')
    expect(fragmentToBlocks(noteBodyFragment(bodies.get(note.id) as Y.Doc))).toEqual([
      {
        type: 'paragraph',
        content: ['See ', { type: 'noteLink', id: existing }, ' and [[Nowhere]].'],
      },
    ])
    expect(note.warnings).toEqual([{ code: 'link-unresolved', detail: 'Nowhere' }])
    expect(getNote(root, note.id)?.title).toBe('a')
  })
})

describe('malformed input', () => {
  it('reports each unreadable file by name and imports nothing from it', async () => {
    const root = new Y.Doc()
    const good = enc('---\ntitle: Good\n---\nFine.\n')
    const files: ImportFile[] = [
      { name: 'good.md', bytes: good },
      { name: 'bad-yaml.md', bytes: enc('---\ntitle: [oops\n---\nText\n') },
      { name: 'latin1.md', bytes: new Uint8Array([0x48, 0xe6, 0x72, 0x0a]) },
      { name: 'missing-image.md', bytes: enc('Text\n\n![x](images/nope.png)\n') },
      { name: 'svg.md', bytes: enc('![x](a.svg)\n') },
      { name: 'a.svg', bytes: enc('<svg/>') },
      { name: 'slides.pdf', bytes: enc('%PDF-1.7') },
      { name: 'unused.png', bytes: PNG },
      { name: '../escape.md', bytes: good },
    ]
    const { plan } = await importInto(root, files)
    expect(plan.refused).toEqual([
      { file: '../escape.md', reason: 'unsafe-path' },
      { file: 'bad-yaml.md', reason: 'front-matter', detail: anyText },
      { file: 'latin1.md', reason: 'not-utf8' },
      { file: 'missing-image.md', reason: 'image-missing', detail: 'images/nope.png' },
      { file: 'svg.md', reason: 'image-type', detail: 'a.svg' },
      { file: 'slides.pdf', reason: 'not-markdown' },
    ])
    expect(listNotes(root).map((n) => n.title)).toEqual(['Good'])
  })

  it('refuses a broken zip entry and a path-traversal entry, and keeps the rest', async () => {
    const zip = zipSync({
      'ok.md': enc('Fine '.repeat(50)),
      'broken.md': enc('Broken '.repeat(50)),
      '../evil.md': enc('Evil'),
    })
    // Corrupt the deflate data of broken.md (right after its local header's name).
    const at = Buffer.from(zip).indexOf('broken.md') + 'broken.md'.length
    zip[at] = 0xff
    zip[at + 1] = 0xff
    const root = new Y.Doc()
    const { plan } = await importInto(root, zip)
    expect(plan.refused).toEqual(
      expect.arrayContaining([
        { file: '../evil.md', reason: 'unsafe-path' },
        { file: 'broken.md', reason: 'damaged-entry', detail: anyText },
      ]),
    )
    expect(plan.refused).toHaveLength(2)
    expect(listNotes(root).map((n) => n.title)).toEqual(['ok'])
  })

  it('refuses a file that is not a zip at all as one damaged upload', () => {
    const bundle = readImportUpload({ name: 'x.zip', bytes: enc('not a zip') })
    expect(bundle).toEqual({
      notes: [],
      refused: [{ file: 'x.zip', reason: 'damaged-zip', detail: anyText }],
    })
  })
})
