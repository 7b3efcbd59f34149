import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNoteFile, getNoteFile } from '../noteFiles'
import { BOARD_ROOT, initBoard } from './boardDoc'
import { createItems, deleteItems, duplicateItems } from './commands'
import { altFromFileName, IMAGE_GAP, imageItemSize, imageRow, MAX_IMAGE_SIDE } from './images'
import { getItem } from './items'
import { exportJsonCanvas, importJsonCanvas, serializeJsonCanvas } from './jsonCanvas'
import { ANNE, BJORN, replicaOf, syncReplicas } from './testing'
import { createBoardUndo } from './undo'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

function board(): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Bilder', actor: ANNE, now: 1 })
  return doc
}

async function addPicture(doc: Y.Doc, bytes = PNG): Promise<string> {
  return addNoteFile(doc, { bytes, type: 'image/png', name: 'ovn.png', addedBy: ANNE.id, now: 2 })
}

describe('image sizes', () => {
  it('keeps the picture’s shape with its longest side at most 480 units', () => {
    expect(imageItemSize({ width: 1920, height: 1080 })).toEqual({ w: MAX_IMAGE_SIDE, h: 270 })
    expect(imageItemSize({ width: 600, height: 1200 })).toEqual({ w: 240, h: MAX_IMAGE_SIDE })
    // A small picture keeps its own size; a sliver keeps the board's minimum.
    expect(imageItemSize({ width: 200, height: 100 })).toEqual({ w: 200, h: 100 })
    expect(imageItemSize({ width: 4000, height: 20 })).toEqual({ w: 480, h: 16 })
    // A picture that says nothing of its size gets a square.
    expect(imageItemSize({ width: 0, height: Number.NaN })).toEqual({ w: 480, h: 480 })
  })

  it('puts images added together in a row centred on the point', () => {
    const rects = imageRow(
      [
        { w: 200, h: 100 },
        { w: 100, h: 300 },
      ],
      { x: 1000, y: 500 },
    )
    const width = 300 + IMAGE_GAP
    expect(rects).toEqual([
      { x: 1000 - width / 2, y: 450, w: 200, h: 100 },
      { x: 1000 - width / 2 + 200 + IMAGE_GAP, y: 350, w: 100, h: 300 },
    ])
    expect(imageRow([{ w: 480, h: 270 }], { x: 0, y: 0 })).toEqual([
      { x: -240, y: -135, w: 480, h: 270 },
    ])
  })

  it('takes the alt text from the file name', () => {
    expect(altFromFileName('Tørkeanlegg hall 2.jpeg')).toBe('Tørkeanlegg hall 2')
    expect(altFromFileName('image.png')).toBe('image')
    expect(altFromFileName('notat')).toBe('notat')
  })
})

describe('image files on a board', () => {
  it('live in the board document’s files map and travel with it', async () => {
    const doc = board()
    const fileId = await addPicture(doc)
    expect(doc.getMap(BOARD_ROOT.files).has(fileId)).toBe(true)
    const [id] = createItems(
      doc,
      [{ kind: 'image', x: 0, y: 0, w: 480, h: 270, fileId, alt: 'Ovnen' }],
      { actor: ANNE, now: 3 },
    )
    const other = replicaOf(doc)
    const item = getItem(other, id!)
    expect(item).toMatchObject({ kind: 'image', fileId, alt: 'Ovnen', w: 480, h: 270 })
    expect(getNoteFile(other, fileId)?.bytes).toEqual(PNG)
  })

  it('is stored once when added twice, also by two people at once', async () => {
    const doc = board()
    const other = replicaOf(doc)
    const [mine, theirs] = await Promise.all([addPicture(doc), addPicture(other)])
    expect(mine).toBe(theirs)
    syncReplicas(doc, other)
    expect([...doc.getMap(BOARD_ROOT.files).keys()]).toEqual([mine])
    expect(getNoteFile(other, mine)?.bytes).toEqual(PNG)
  })

  it('stays when its item is deleted, so undo brings the picture back', async () => {
    const doc = board()
    const undo = createBoardUndo(doc)
    const fileId = await addPicture(doc)
    const [id] = createItems(doc, [{ kind: 'image', x: 0, y: 0, fileId }], { actor: ANNE, now: 3 })
    undo.stopCapturing()
    deleteItems(doc, [id!])
    expect(getItem(doc, id!)).toBeUndefined()
    undo.undo()
    expect(getItem(doc, id!)?.fileId).toBe(fileId)
    expect(getNoteFile(doc, fileId)).toBeDefined()
  })

  it('a duplicate shows the same file with the same alt text', async () => {
    const doc = board()
    const fileId = await addPicture(doc)
    const [id] = createItems(doc, [{ kind: 'image', x: 0, y: 0, fileId, alt: 'Ovnen' }], {
      actor: BJORN,
      now: 3,
    })
    const [copy] = duplicateItems(doc, [id!], { actor: ANNE, now: 4 })
    expect(getItem(doc, copy!)).toMatchObject({ kind: 'image', fileId, alt: 'Ovnen', x: 24 })
  })

  it('goes out to JSON Canvas as a kryss-files path and comes back as the same image', async () => {
    const doc = board()
    const fileId = await addPicture(doc)
    createItems(doc, [{ kind: 'image', x: 10, y: 20, w: 200, h: 100, fileId }], {
      actor: ANNE,
      now: 3,
    })
    const canvas = exportJsonCanvas(doc, ANNE)
    expect(canvas.nodes).toEqual([
      expect.objectContaining({ type: 'file', file: `kryss-files/${fileId}`, width: 200 }),
    ])
    const result = importJsonCanvas(doc, serializeJsonCanvas(canvas), {
      actor: ANNE,
      now: 4,
      offset: { x: 0, y: 300 },
    })
    expect(result.ok).toBe(true)
    const ids = result.ok ? result.ids : []
    expect(getItem(doc, ids[0]!)).toMatchObject({ kind: 'image', fileId, x: 10, y: 320 })
  })
})
