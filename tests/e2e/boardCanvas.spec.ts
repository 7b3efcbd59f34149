import { readFile } from 'node:fs/promises'
import { expect, test, type Download, type Page } from '@playwright/test'
import * as Y from 'yjs'
import { fillBoard } from '../../shared/model/board/fixtures'
import { exportJsonCanvas, serializeJsonCanvas } from '../../shared/model/board/jsonCanvas'
import { startHub, type RunningHub } from './hub'
import { joinDemo } from './participants'
import { newBoard, openBoard, onCanvas } from './boardPages'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/board-canvas-${name}.png`

type Point = { x: number; y: number }
type Camera = { x: number; y: number; zoom: number }

type Probe = { pictures: number; items: number; peerDrag: string; camera: Camera }

/** What the board's paint probe (renderer/src/boards/canvas/paintProbe.ts) says now. */
async function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const found = (window as unknown as { kryssBoardProbe?: Probe }).kryssBoardProbe
    if (found === undefined) throw new Error('the board has not painted yet')
    const { pictures, items, peerDrag, camera } = found
    return { pictures, items, peerDrag, camera }
  })
}

const toWorld = (camera: Camera, at: Point): Point => ({
  x: camera.x + at.x / camera.zoom,
  y: camera.y + at.y / camera.zoom,
})
const toScreen = (camera: Camera, at: Point): Point => ({
  x: (at.x - camera.x) * camera.zoom,
  y: (at.y - camera.y) * camera.zoom,
})

/** What the live region says after a click at a point of the canvas. */
async function clickAndHear(page: Page, at: Point): Promise<string> {
  const on = await onCanvas(page, at)
  await page.mouse.click(on.x, on.y)
  await page.waitForTimeout(100)
  return (await page.getByTestId('board-announcer').textContent()) ?? ''
}

/** A PNG of `width` × `height` drawn in the page (two colour fields and a disc). */
async function pngIn(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w, h)
      const ctx = canvas.getContext('2d')
      if (ctx === null) throw new Error('no 2d context')
      ctx.fillStyle = '#1f7a5a'
      ctx.fillRect(0, 0, w, h)
      ctx.fillStyle = '#f2c14e'
      ctx.fillRect(0, h * 0.6, w, h * 0.4)
      ctx.fillStyle = '#d9482b'
      ctx.beginPath()
      ctx.arc(w * 0.7, h * 0.3, h * 0.15, 0, Math.PI * 2)
      ctx.fill()
      const blob = await canvas.convertToBlob({ type: 'image/png' })
      const bytes = new Uint8Array(await blob.arrayBuffer())
      let binary = ''
      for (const byte of bytes) binary += String.fromCharCode(byte)
      return btoa(binary)
    },
    [width, height] as const,
  )
  return Buffer.from(base64, 'base64')
}

async function download(page: Page, action: string): Promise<Buffer> {
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByTestId('board-actions').click()
      await page.getByTestId(`board-action-${action}`).click()
    })(),
  ])
  return readFile(await file.path())
}

test('a sticky being dragged is seen moving by the other participant, and where it was dropped', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await newBoard(ada, 'Dra og slipp')
  await openBoard(bo, 'Dra og slipp')

  // A frame drawn with the frame tool opens its title at once: "Frame", selected, replaced
  // by what Ada types.
  await ada.getByTestId('board-tool-frame').click()
  const [corner, opposite] = [
    await onCanvas(ada, { x: 700, y: 80 }),
    await onCanvas(ada, { x: 960, y: 240 }),
  ]
  await ada.mouse.move(corner.x, corner.y)
  await ada.mouse.down()
  await ada.mouse.move(opposite.x, opposite.y, { steps: 5 })
  await ada.mouse.up()
  const title = ada.getByTestId('board-text-editor')
  await expect(title).toHaveValue('Frame')
  await ada.screenshot({ path: shot('frame-title') })
  await ada.keyboard.type('Parkert')
  await ada.keyboard.press('Enter')
  await expect(title).toHaveCount(0)
  await expect
    .poll(async () => {
      await bo.getByTestId('board-canvas').focus()
      await bo.keyboard.press('Tab')
      return bo.getByTestId('board-announcer').textContent()
    })
    .toBe('Frame by Ada Lien: «Parkert»')
  await bo.keyboard.press('Escape')

  await ada.getByTestId('board-canvas').focus()
  await ada.keyboard.press('s')
  const start = { x: 420, y: 300 }
  const placed = await onCanvas(ada, start)
  await ada.mouse.click(placed.x, placed.y)
  await expect(ada.getByTestId('board-text-editor')).toBeVisible()
  await ada.keyboard.type('Flytt meg')
  await ada.keyboard.press('Escape')
  await expect(bo.getByTestId('board-empty-hint')).toHaveCount(0)

  // Ada drags it and holds it: Bo's board paints her drag before anything is dropped.
  const end = { x: 760, y: 460 }
  const drop = await onCanvas(ada, end)
  await ada.mouse.move(placed.x, placed.y)
  await ada.mouse.down()
  await ada.mouse.move((placed.x + drop.x) / 2, (placed.y + drop.y) / 2, { steps: 6 })
  await expect.poll(async () => (await probe(bo)).peerDrag).not.toBe('')
  const midway = (await probe(bo)).peerDrag
  await ada.mouse.move(drop.x, drop.y, { steps: 6 })
  // The drag goes on moving on Bo's screen while Ada moves.
  await expect.poll(async () => (await probe(bo)).peerDrag).not.toBe(midway)
  await bo.screenshot({ path: shot('drag-seen') })
  await ada.mouse.up()
  await expect.poll(async () => (await probe(bo)).peerDrag).toBe('')

  // Where Ada dropped it is where Bo finds it (each with a camera of their own).
  const adaCamera = (await probe(ada)).camera
  const boCamera = (await probe(bo)).camera
  const world = {
    from: toWorld(adaCamera, start),
    to: toWorld(adaCamera, end),
  }
  await expect
    .poll(() => clickAndHear(bo, toScreen(boCamera, world.to)))
    .toBe('Sticky by Ada Lien: «Flytt meg»')
  expect(await clickAndHear(bo, toScreen(boCamera, world.from))).toBe('')
})

test('pictures pasted, chosen and dropped show for the other participant; refusals add nothing; exports carry them', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await newBoard(ada, 'Bilder')
  await openBoard(bo, 'Bilder')

  // Ada copies a 640 × 400 picture and pastes it with the pointer over the board.
  await ada.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const png = await pngIn(ada, 640, 400)
  await ada.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    const blob = new Blob([bytes], { type: 'image/png' })
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })])
  }, png.toString('base64'))
  const pointer = await onCanvas(ada, { x: 400, y: 320 })
  await ada.mouse.move(pointer.x, pointer.y)
  await ada.getByTestId('board-canvas').focus()
  await ada.keyboard.press('Control+v')
  await expect.poll(async () => (await probe(ada)).pictures).toBe(1)
  // Selected, sized to the picture: 640 × 400 → 480 × 300, centred on the pointer.
  await expect(ada.getByTestId('board-announcer')).toHaveText(/^Image by Ada Lien: «.+»$/)
  const camera = (await probe(ada)).camera
  const centre = toWorld(camera, { x: 400, y: 320 })
  const corner = toScreen(camera, { x: centre.x - 240 + 4, y: centre.y - 150 + 4 })
  expect(await clickAndHear(ada, corner)).toMatch(/^Image by Ada Lien/)
  const outside = toScreen(camera, { x: centre.x - 240 - 8, y: centre.y })
  expect(await clickAndHear(ada, outside)).toBe('')

  // Bo sees the picture itself, not a placeholder.
  await expect.poll(async () => (await probe(bo)).pictures).toBe(1)
  await bo.getByTestId('board-zoom-fit').click()
  await bo.screenshot({ path: shot('image-pasted-seen') })

  // Refused by the rail's picker: a text file, then a picture over 5 MB. Nothing is added.
  const input = ada.getByTestId('board-image-input')
  await input.setInputFiles({
    name: 'notat.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hei'),
  })
  const notice = ada.getByTestId('board-image-notice')
  await expect(notice).toHaveText('Only PNG, JPEG, GIF and WebP images can be added.')
  await ada.screenshot({ path: shot('image-refused') })
  await input.setInputFiles({
    name: 'stor.png',
    mimeType: 'image/png',
    buffer: Buffer.alloc(6 * 1024 * 1024, 7),
  })
  await expect(notice).toContainText('The image is 6.0 MB. The limit is 5 MB')
  await input.setInputFiles({
    name: 'ødelagt.png',
    mimeType: 'image/png',
    buffer: Buffer.from('x'),
  })
  await expect(notice).toHaveText('The image could not be read.')
  await expect.poll(async () => (await probe(bo)).items).toBe(1)

  // Chosen with the picker: in the middle of Ada's view; a refusal's notice goes.
  await ada.getByTestId('board-tool-image').click()
  await input.setInputFiles({
    name: 'Hall 2.png',
    mimeType: 'image/png',
    buffer: await pngIn(ada, 300, 600),
  })
  await expect(notice).toHaveCount(0)
  await expect(ada.getByTestId('board-announcer')).toHaveText('Image by Ada Lien: «Hall 2»')
  await expect.poll(async () => (await probe(bo)).items).toBe(2)

  // Dropped where it lands.
  const dropAt = { x: 900, y: 200 }
  const dropped = await pngIn(ada, 200, 200)
  const transfer = await ada.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    const data = new DataTransfer()
    data.items.add(new File([bytes], 'Sagflis.png', { type: 'image/png' }))
    return data
  }, dropped.toString('base64'))
  const dropPoint = await onCanvas(ada, dropAt)
  await ada
    .getByTestId('board-canvas')
    .dispatchEvent('drop', { dataTransfer: transfer, clientX: dropPoint.x, clientY: dropPoint.y })
  await expect(ada.getByTestId('board-announcer')).toHaveText('Image by Ada Lien: «Sagflis»')
  const afterDrop = (await probe(ada)).camera
  expect(await clickAndHear(ada, toScreen(afterDrop, toWorld(afterDrop, dropAt)))).toBe(
    'Image by Ada Lien: «Sagflis»',
  )

  await bo.getByTestId('board-zoom-fit').click()
  await expect.poll(async () => (await probe(bo)).pictures).toBe(3)
  await bo.screenshot({ path: shot('images-seen') })

  // Bo's exports carry the pictures: SVG as data URLs, JSON Canvas as kryss-files/ paths.
  const svg = (await download(bo, 'svg')).toString('utf8')
  expect(svg.match(/<image [^>]*href="data:image\/png;base64,/g)).toHaveLength(3)
  const canvas = JSON.parse((await download(bo, 'canvas')).toString('utf8')) as {
    nodes: { type: string; file?: string }[]
  }
  const files = canvas.nodes.filter((node) => node.type === 'file')
  expect(files).toHaveLength(3)
  for (const node of files) expect(node.file).toMatch(/^kryss-files\/f-[0-9a-f]{24}$/)
})

test('a filled board looks right at three zoom levels, light and dark', async ({ browser }) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await newBoard(ada, 'Full tavle')

  // 360 stickies in three frames, with arrows, made by the model and imported as JSON Canvas.
  const doc = new Y.Doc()
  fillBoard(doc, { stickies: 360, seed: 7 })
  const text = serializeJsonCanvas(exportJsonCanvas(doc, { id: 'e2e' }))
  await ada.getByTestId('board-actions').click()
  await ada.getByTestId('board-action-import').click()
  const dialog = ada.getByTestId('canvas-import-dialog')
  await dialog
    .getByTestId('canvas-import-input')
    .setInputFiles({ name: 'full.canvas', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(dialog.getByTestId('canvas-import-status')).toContainText('360 cards')
  await dialog.getByTestId('canvas-import-confirm').click()
  await expect(dialog).toHaveCount(0)

  const canvas = ada.getByTestId('board-canvas')
  await canvas.focus()
  await ada.keyboard.press('Escape')
  await expect.poll(async () => (await probe(ada)).items).toBeGreaterThan(360)

  for (const scheme of ['light', 'dark'] as const) {
    await ada.emulateMedia({ colorScheme: scheme })
    await canvas.focus()
    // The whole board.
    await ada.keyboard.press('Shift+Digit1')
    // The probe is written by the next paint: wait for it, not for a fixed time.
    await expect.poll(async () => (await probe(ada)).camera.zoom).toBeLessThan(0.2)
    await ada.screenshot({ path: shot(`filled-fit-${scheme}`) })
    // 100 %, on the first frame's top-left stickies.
    await ada.keyboard.press('Control+0')
    await expect.poll(async () => (await probe(ada)).camera.zoom).toBe(1)
    // A third: text drawn as bars, authors left out.
    for (let i = 0; i < 5; i++) await ada.keyboard.press('-')
    await expect
      .poll(async () => Math.round((await probe(ada)).camera.zoom * 100) / 100)
      .toBeCloseTo(0.33, 2)
    await ada.screenshot({ path: shot(`filled-third-${scheme}`) })
    for (let i = 0; i < 5; i++) await ada.keyboard.press('+')
    await ada.waitForTimeout(300)
    await ada.screenshot({ path: shot(`filled-100-${scheme}`) })
  }
})
