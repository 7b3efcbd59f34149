import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNoteFile,
  checkNoteFile,
  getNoteFile,
  listNoteFiles,
  MAX_NOTE_FILE_BYTES,
  NoteFileError,
  noteFileId,
  noteFilesMap,
} from './noteFiles'
import { COMMAND_ORIGIN } from './schema'

/** The 8-byte PNG signature and a few bytes: enough for the store, which never decodes. */
function png(seed: number, size = 64): Uint8Array {
  const bytes = new Uint8Array(size)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  for (let i = 8; i < size; i++) bytes[i] = (seed * 31 + i * 7) & 0xff
  return bytes
}

const input = (bytes: Uint8Array, type = 'image/png', name = 'a.png') => ({
  bytes,
  type,
  name,
  addedBy: 'Ada',
  now: 1_700_000_000_000,
})

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

async function rejection(promise: Promise<unknown>): Promise<NoteFileError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof NoteFileError) return error
    throw error
  }
  throw new Error('expected a NoteFileError')
}

describe('note files', () => {
  it('stores a file under its content id, in one command transaction', async () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const bytes = png(1)
    const id = await addNoteFile(doc, input(bytes))
    expect(id).toBe(await noteFileId(bytes))
    expect(id).toMatch(/^f-[0-9a-f]{24}$/)
    expect(origins).toEqual([COMMAND_ORIGIN])
    const file = getNoteFile(doc, id)
    expect(file).toMatchObject({ id, name: 'a.png', type: 'image/png', addedBy: 'Ada' })
    expect([...(file?.bytes ?? [])]).toEqual([...bytes])
  })

  it('keeps its own copy of the bytes', async () => {
    const doc = new Y.Doc()
    const bytes = png(2)
    const id = await addNoteFile(doc, input(bytes))
    bytes.fill(0)
    expect(getNoteFile(doc, id)?.bytes[0]).toBe(0x89)
  })

  it('stores the same content once, whatever its name, and different content apart', async () => {
    const doc = new Y.Doc()
    let writes = 0
    doc.on('afterTransaction', () => writes++)
    const first = await addNoteFile(doc, input(png(3), 'image/png', 'one.png'))
    const again = await addNoteFile(doc, input(png(3), 'image/png', 'two.png'))
    expect(again).toBe(first)
    expect(writes).toBe(1)
    expect(getNoteFile(doc, first)?.name).toBe('one.png')
    const other = await addNoteFile(doc, input(png(4)))
    expect(other).not.toBe(first)
    expect(
      listNoteFiles(doc)
        .map((file) => file.id)
        .sort(),
    ).toEqual([first, other].sort())
  })

  it('refuses a file above the limit and writes nothing', async () => {
    const doc = new Y.Doc()
    expect(() => checkNoteFile({ size: MAX_NOTE_FILE_BYTES, type: 'image/png' })).not.toThrow()
    const error = await rejection(addNoteFile(doc, input(png(5, MAX_NOTE_FILE_BYTES + 1))))
    expect(error.reason).toBe('too-large')
    expect(error.message).toContain('5 MB')
    expect(noteFilesMap(doc).size).toBe(0)
  })

  it('refuses SVG and other non-raster types, and empty files', async () => {
    const doc = new Y.Doc()
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    expect((await rejection(addNoteFile(doc, input(svg, 'image/svg+xml', 'x.svg')))).reason).toBe(
      'unsupported-type',
    )
    expect((await rejection(addNoteFile(doc, input(png(6), 'text/html')))).reason).toBe(
      'unsupported-type',
    )
    expect((await rejection(addNoteFile(doc, input(new Uint8Array(0))))).reason).toBe('empty')
    expect(noteFilesMap(doc).size).toBe(0)
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) {
      expect(checkNoteFile({ size: 10, type })).toBe(type)
    }
  })

  it('ignores entries it cannot read (a newer peer, a damaged write)', () => {
    const doc = new Y.Doc()
    const odd = new Y.Map<unknown>()
    odd.set('type', 'image/svg+xml')
    odd.set('bytes', new Uint8Array([1]))
    noteFilesMap(doc).set('f-odd', odd)
    expect(getNoteFile(doc, 'f-odd')).toBeUndefined()
    expect(listNoteFiles(doc)).toEqual([])
  })

  it('converges when two replicas add files concurrently, the same one included', async () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const shared = png(7)
    const [fromA, fromB] = await Promise.all([
      addNoteFile(a, { ...input(shared), name: 'by-a.png', addedBy: 'Ada' }),
      addNoteFile(b, { ...input(shared), name: 'by-b.png', addedBy: 'Bo' }),
    ])
    expect(fromA).toBe(fromB)
    const onlyA = await addNoteFile(a, input(png(8)))
    const onlyB = await addNoteFile(b, input(png(9), 'image/webp', 'b.webp'))
    sync(a, b)
    const ids = (doc: Y.Doc) =>
      listNoteFiles(doc)
        .map((file) => file.id)
        .sort()
    expect(ids(a)).toEqual([fromA, onlyA, onlyB].sort())
    expect(ids(b)).toEqual(ids(a))
    // Both wrote the same key: one write wins on both, and its bytes are the content's.
    expect(getNoteFile(a, fromA)?.name).toBe(getNoteFile(b, fromA)?.name)
    expect([...(getNoteFile(b, fromA)?.bytes ?? [])]).toEqual([...shared])
    expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b))
  })
})
