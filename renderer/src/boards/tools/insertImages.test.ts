import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ItemId } from '../../../../shared/ids'
import { BOARD_ROOT } from '../../../../shared/model/board/boardDoc'
import { createItems } from '../../../../shared/model/board/commands'
import { readAllItems } from '../../../../shared/model/board/items'
import { ANNE } from '../../../../shared/model/board/testing'
import { getNoteFile, MAX_NOTE_FILE_BYTES } from '../../../../shared/model/noteFiles'
import {
  IMAGE_NOTICE_MS,
  imageNotices,
  insertImages,
  type ImageSource,
  type PictureDecoder,
} from './insertImages'
import { testBoards } from './testRuntime'
import { createToolContext } from './toolContext'

const board = testBoards()
afterEach(() => {
  vi.useRealTimers()
})

type Fake = { width: number; height: number; name: string }

/** A file whose first byte says which size its picture has (see `pictures`). */
function file(name: string, sizeIndex: number, extra: Partial<ImageSource> = {}): ImageSource {
  const bytes = new Uint8Array([sizeIndex, ...new TextEncoder().encode(name)])
  return {
    name,
    type: 'image/png',
    size: bytes.byteLength,
    arrayBuffer: () => Promise.resolve(bytes.buffer),
    ...extra,
  }
}

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 200, height: 100 },
]

/** A decoder that records what it keeps and drops; byte 255 is no picture. */
function pictures() {
  const kept = new Map<string, Fake>()
  const dropped: Fake[] = []
  const decoder: PictureDecoder<Fake> = {
    decode: ({ bytes }) => {
      const size = SIZES[bytes[0] ?? 0]
      if (size === undefined) return Promise.reject(new Error('not a picture'))
      return Promise.resolve({ ...size, name: String(bytes[0]) })
    },
    keep: (fileId, picture) => void kept.set(fileId, picture),
    drop: (picture) => void dropped.push(picture),
  }
  return { decoder, kept, dropped }
}

describe('adding images', () => {
  it('stores the file and makes an image sized to its picture at the pointer, selected, one undo step', async () => {
    const b = board({ camera: { x: 1000, y: 500, zoom: 2 } })
    const ctx = createToolContext(b.runtime, () => 5)
    const { decoder, kept } = pictures()
    const result = await insertImages(ctx, [file('Tørkeanlegg.png', 0)], {
      at: { x: 300, y: 200 },
      pictures: decoder,
    })
    expect(result.ok).toBe(true)
    const [item] = readAllItems(b.doc)
    // 1920 × 1080 → 480 × 270, centred on the pointer's world point (1150, 600).
    expect(item).toMatchObject({ kind: 'image', x: 910, y: 465, w: 480, h: 270 })
    expect(item?.alt).toBe('Tørkeanlegg')
    const fileId = item?.fileId as string
    expect(getNoteFile(b.doc, fileId)).toMatchObject({ name: 'Tørkeanlegg.png', addedBy: 'u-anne' })
    expect(kept.get(fileId)?.width).toBe(1920)
    expect(b.runtime.interaction.getSnapshot().selection).toEqual(new Set([item?.id]))

    b.runtime.undo.undo()
    expect(readAllItems(b.doc)).toEqual([])
    // The bytes stay (redo, and others' undo, may show them again).
    expect(getNoteFile(b.doc, fileId)).toBeDefined()
  })

  it('puts several in a row around the middle of the view, in the frame there', async () => {
    const b = board()
    const [frame] = createItems(b.doc, [{ kind: 'frame', x: 0, y: 0, w: 1000, h: 800 }], {
      actor: ANNE,
      now: 1,
    }) as [ItemId]
    const { decoder } = pictures()
    const result = await insertImages(
      createToolContext(b.runtime, () => 5),
      [file('a.png', 0), file('b.webp', 1, { type: 'image/webp' })],
      { pictures: decoder },
    )
    expect(result.ok).toBe(true)
    const images = readAllItems(b.doc).filter((item) => item.kind === 'image')
    expect(images.map(({ x, y, w, h }) => ({ x, y, w, h }))).toEqual([
      { x: 148, y: 265, w: 480, h: 270 },
      { x: 652, y: 350, w: 200, h: 100 },
    ])
    expect(images.every((item) => item.frameId === frame)).toBe(true)
    expect(b.runtime.interaction.getSnapshot().selection.size).toBe(2)
  })

  it('adds nothing when one file is refused: too large, not an image type, or no picture', async () => {
    const b = board()
    const ctx = createToolContext(b.runtime, () => 5)
    const { decoder, dropped } = pictures()
    const large = file('stor.png', 0, { size: MAX_NOTE_FILE_BYTES + 1 })
    expect(await insertImages(ctx, [file('a.png', 0), large], { pictures: decoder })).toEqual({
      ok: false,
      reason: 'too-large',
      size: MAX_NOTE_FILE_BYTES + 1,
    })
    const text = file('notat.txt', 0, { type: 'text/plain' })
    expect(await insertImages(ctx, [text], { pictures: decoder })).toMatchObject({
      ok: false,
      reason: 'unsupported-type',
    })
    const broken = file('ødelagt.png', 255)
    expect(
      await insertImages(ctx, [file('a.png', 0), broken], { pictures: decoder }),
    ).toMatchObject({
      ok: false,
      reason: 'unreadable',
    })
    // The picture decoded before the broken one is let go.
    expect(dropped).toHaveLength(1)
    expect(readAllItems(b.doc)).toEqual([])
    expect(b.doc.getMap(BOARD_ROOT.files).size).toBe(0)
  })

  it('does nothing for a view-only guest or while presenting', async () => {
    const viewer = board({ viewOnly: true })
    const { decoder } = pictures()
    const ctx = createToolContext(viewer.runtime, () => 5)
    expect(await insertImages(ctx, [file('a.png', 0)], { pictures: decoder })).toEqual({
      ok: false,
      reason: 'nothing',
    })
    const presenter = board()
    presenter.runtime.presenting.set(true)
    const other = createToolContext(presenter.runtime, () => 5)
    expect(await insertImages(other, [file('a.png', 0)], { pictures: decoder })).toMatchObject({
      reason: 'nothing',
    })
    expect(readAllItems(viewer.doc)).toEqual([])
    expect(readAllItems(presenter.doc)).toEqual([])
  })
})

describe('image notices', () => {
  it('show a refusal for a while; a later success or a dismiss hides it', () => {
    vi.useFakeTimers()
    const b = board()
    const notices = imageNotices(b.runtime)
    expect(imageNotices(b.runtime)).toBe(notices)
    notices.report({ ok: false, reason: 'nothing' })
    expect(notices.getSnapshot()).toBeUndefined()
    notices.report({ ok: false, reason: 'too-large', size: 7_000_000 })
    expect(notices.getSnapshot()).toMatchObject({ reason: 'too-large', size: 7_000_000 })
    vi.advanceTimersByTime(IMAGE_NOTICE_MS)
    expect(notices.getSnapshot()).toBeUndefined()
    notices.report({ ok: false, reason: 'unreadable', size: 10 })
    notices.report({ ok: true, ids: [] })
    expect(notices.getSnapshot()).toBeUndefined()
    notices.report({ ok: false, reason: 'empty', size: 0 })
    notices.dismiss()
    expect(notices.getSnapshot()).toBeUndefined()
  })
})
