import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNoteFile, type NoteFile } from '../../../../shared/model/noteFiles'
import { ANNE, syncReplicas } from '../../../../shared/model/board/testing'
import { createImageCache, IDLE_MS, type Picture } from './imageCache'

type FakePicture = Picture & { closed: boolean; name: string }

/** A decoder whose pictures come when the test says so. */
function decoder() {
  const pending: { file: NoteFile; resolve: (p: FakePicture) => void; reject: () => void }[] = []
  const made: FakePicture[] = []
  return {
    pending,
    made,
    decode: (file: NoteFile): Promise<FakePicture> => {
      return new Promise((resolve, reject) =>
        pending.push({ file, resolve, reject: () => reject(new Error('bad')) }),
      )
    },
    /** Finishes every decode asked for so far. */
    async finish(): Promise<void> {
      for (const { file, resolve } of pending.splice(0)) {
        const picture = { width: 4, height: 3, closed: false, name: file.name, close() {} }
        picture.close = () => void (picture.closed = true)
        made.push(picture)
        resolve(picture)
      }
      await new Promise((resolve) => setTimeout(resolve, 0))
    },
  }
}

async function withFile(doc: Y.Doc, name: string, byte = 1): Promise<string> {
  return addNoteFile(doc, {
    bytes: new Uint8Array([byte, 2, 3]),
    type: 'image/png',
    name,
    addedBy: ANNE.id,
    now: 1,
  })
}

describe('the board’s picture cache', () => {
  it('decodes a file once, on the first ask, and says when it is ready', async () => {
    const doc = new Y.Doc()
    const fileId = await withFile(doc, 'ovn.png')
    const pictures = decoder()
    let clock = 0
    const cache = createImageCache(doc, { decode: pictures.decode, now: () => clock })
    let ready = 0
    cache.subscribe(() => ready++)

    expect(cache.get(fileId)).toBeUndefined()
    expect(cache.get(fileId)).toBeUndefined()
    expect(pictures.pending).toHaveLength(1)
    await pictures.finish()
    expect(ready).toBe(1)
    expect(cache.get(fileId)?.name).toBe('ovn.png')
    expect(cache.size).toBe(1)
    clock += 10
    cache.get(fileId)
    expect(pictures.made).toHaveLength(1)
  })

  it('waits for bytes that are not there yet and decodes them when they arrive', async () => {
    const doc = new Y.Doc()
    const other = new Y.Doc()
    const fileId = await withFile(other, 'senere.png')
    const pictures = decoder()
    const cache = createImageCache(doc, { decode: pictures.decode })
    let ready = 0
    cache.subscribe(() => ready++)

    expect(cache.get(fileId)).toBeUndefined()
    expect(pictures.pending).toHaveLength(0)
    syncReplicas(doc, other)
    expect(pictures.pending).toHaveLength(1)
    await pictures.finish()
    expect(ready).toBe(1)
    expect(cache.get(fileId)?.name).toBe('senere.png')
  })

  it('keeps a picture handed over, and never decodes it', async () => {
    const doc = new Y.Doc()
    const fileId = await withFile(doc, 'limt.png')
    const pictures = decoder()
    const cache = createImageCache(doc, { decode: pictures.decode })
    const handed = { width: 1, height: 1, closed: false, name: 'handed', close() {} }
    cache.put(fileId, handed)
    expect(cache.get(fileId)).toBe(handed)
    expect(pictures.pending).toHaveLength(0)
  })

  it('closes pictures not drawn for a while, and all of them when it goes', async () => {
    const doc = new Y.Doc()
    const [a, b] = [await withFile(doc, 'a.png', 1), await withFile(doc, 'b.png', 2)]
    const pictures = decoder()
    let clock = 0
    const cache = createImageCache(doc, { decode: pictures.decode, now: () => clock })
    cache.get(a)
    cache.get(b)
    await pictures.finish()
    const [first, second] = pictures.made as [FakePicture, FakePicture]

    clock = IDLE_MS - 1000
    cache.get(b)
    clock = IDLE_MS + 500
    cache.sweep()
    expect(first.closed).toBe(true)
    expect(second.closed).toBe(false)
    expect(cache.size).toBe(1)
    // Asked for again: decoded again.
    expect(cache.get(a)).toBeUndefined()
    expect(pictures.pending).toHaveLength(1)

    cache.destroy()
    expect(second.closed).toBe(true)
    await pictures.finish()
    // A decode that finishes after the end is closed at once.
    expect(pictures.made[2]?.closed).toBe(true)
  })

  it('leaves bytes it cannot decode as a placeholder without asking again', async () => {
    const doc = new Y.Doc()
    const fileId = await withFile(doc, 'rart.png')
    const pictures = decoder()
    const cache = createImageCache(doc, { decode: pictures.decode })
    let ready = 0
    cache.subscribe(() => ready++)
    cache.get(fileId)
    pictures.pending.splice(0).forEach(({ reject }) => reject())
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(ready).toBe(1)
    expect(cache.get(fileId)).toBeUndefined()
    expect(pictures.pending).toHaveLength(0)
  })
})
