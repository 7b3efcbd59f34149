import { readFile, writeFile } from 'node:fs/promises'
import { expect, test, type Download, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { newBoard } from './boardPages'
import { editor, joinDemo } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/board-export-${name}.png`

/**
 * A small retrospective as Obsidian would save it: two groups with coloured cards (stickies)
 * in them, a card without colour (text) outside, and an arrow.
 */
const RETRO_CANVAS = JSON.stringify({
  nodes: [
    { id: 'g-good', type: 'group', x: 0, y: 0, width: 420, height: 260, label: 'Bra' },
    {
      id: 'g-better',
      type: 'group',
      x: 500,
      y: 0,
      width: 240,
      height: 260,
      label: 'Kan bli bedre',
    },
    {
      id: 'c-coffee',
      type: 'text',
      x: 30,
      y: 70,
      width: 160,
      height: 160,
      color: '3',
      text: 'Kaffe hver morgen',
    },
    {
      id: 'c-short',
      type: 'text',
      x: 230,
      y: 70,
      width: 160,
      height: 160,
      color: '4',
      text: 'Korte møter & <god> flyt',
    },
    {
      id: 'c-demo',
      type: 'text',
      x: 540,
      y: 70,
      width: 160,
      height: 160,
      color: '1',
      text: 'Mer tid til demo',
    },
    {
      id: 't-next',
      type: 'text',
      x: 0,
      y: 320,
      width: 300,
      height: 48,
      text: 'Neste retro: 4. des',
    },
  ],
  edges: [{ id: 'e-1', fromNode: 'c-coffee', toNode: 'c-demo', toEnd: 'arrow' }],
})

async function boardAction(page: Page, action: string): Promise<void> {
  await page.getByTestId('board-actions').click()
  await page.getByTestId(`board-action-${action}`).click()
}

async function download(page: Page, action: string): Promise<{ name: string; bytes: Buffer }> {
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    boardAction(page, action),
  ])
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
}

async function importCanvas(page: Page, name: string, text: string): Promise<void> {
  await boardAction(page, 'import')
  const dialog = page.getByTestId('canvas-import-dialog')
  await dialog
    .getByTestId('canvas-import-input')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(dialog.getByTestId('canvas-import-status')).toHaveText(
    `${name} has 4 cards, 2 groups and 1 connection.`,
  )
  await page.screenshot({ path: shot('import-preview') })
  await dialog.getByTestId('canvas-import-confirm').click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('board-empty-hint')).toHaveCount(0)
}

type CanvasFile = {
  nodes: { type: string; text?: string; label?: string; color?: string }[]
  edges: unknown[]
}

test('a board is exported as PNG, SVG and JSON Canvas, imported into a fresh board, summarised as a note and a sticky promoted', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await newBoard(ada, 'Retro uke 12')

  // A broken file is refused with the reason, and nothing lands on the board.
  await boardAction(ada, 'import')
  const dialog = ada.getByTestId('canvas-import-dialog')
  await dialog.getByTestId('canvas-import-input').setInputFiles({
    name: 'broken.canvas',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ nodes: [{ id: 'a', type: 'text' }] })),
  })
  await expect(dialog.getByTestId('canvas-import-error')).toContainText(
    'cannot be imported, and nothing was changed: nodes[0]',
  )
  await expect(dialog.getByTestId('canvas-import-confirm')).toHaveCount(0)
  await ada.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(ada.getByTestId('board-empty-hint')).toBeVisible()

  await importCanvas(ada, 'retro.canvas', RETRO_CANVAS)
  await ada.screenshot({ path: shot('imported') })
  // The whole import is one undo step.
  await ada.getByTestId('board-canvas').focus()
  await ada.keyboard.press('Control+z')
  await expect(ada.getByTestId('board-empty-hint')).toBeVisible()
  await ada.keyboard.press('Control+y')
  await expect(ada.getByTestId('board-empty-hint')).toHaveCount(0)

  // PNG: a real PNG of some size, named after the board.
  const png = await download(ada, 'png')
  expect(png.name).toBe('Retro uke 12.png')
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(png.bytes.length).toBeGreaterThan(5_000)
  await writeFile(shot('download'), png.bytes)
  // Its size: the board (740 × 368 units) with a margin of 40, at 2 pixels per unit.
  expect(png.bytes.readUInt32BE(16)).toBe((740 + 80) * 2)
  expect(png.bytes.readUInt32BE(20)).toBe((368 + 80) * 2)
  await expect(ada.getByTestId('board-actions-notice')).toContainText('Retro uke 12.png')

  // SVG: parses in the browser, text escaped.
  const svg = await download(ada, 'svg')
  expect(svg.name).toBe('Retro uke 12.svg')
  const parsed = await ada.evaluate((text) => {
    const xml = new DOMParser().parseFromString(text, 'image/svg+xml')
    return {
      error: xml.querySelector('parsererror')?.textContent ?? null,
      stickies: xml.querySelectorAll('g.sticky').length,
      texts: [...xml.querySelectorAll('text')].map((text) =>
        [...text.querySelectorAll('tspan')].map((line) => line.textContent).join(' '),
      ),
    }
  }, svg.bytes.toString('utf8'))
  expect(parsed.error).toBeNull()
  expect(parsed.stickies).toBe(3)
  expect(parsed.texts).toContain('Korte møter & <god> flyt')

  // JSON Canvas: what was imported comes back out.
  const canvas = await download(ada, 'canvas')
  expect(canvas.name).toBe('Retro uke 12.canvas')
  const exported = JSON.parse(canvas.bytes.toString('utf8')) as CanvasFile
  expect(exported.nodes).toHaveLength(6)
  expect(exported.edges).toHaveLength(1)
  expect(exported.nodes.map((node) => node.text ?? node.label).sort()).toEqual(
    [
      'Bra',
      'Kaffe hver morgen',
      'Kan bli bedre',
      'Korte møter & <god> flyt',
      'Mer tid til demo',
      'Neste retro: 4. des',
    ].sort(),
  )

  // Into a fresh board: the same number of items, as its own export shows.
  await newBoard(ada, 'Kopi av retro')
  await importCanvas(ada, 'Retro uke 12.canvas', canvas.bytes.toString('utf8'))
  const copy = JSON.parse((await download(ada, 'canvas')).bytes.toString('utf8')) as CanvasFile
  expect(copy.nodes).toHaveLength(exported.nodes.length)
  expect(copy.edges).toHaveLength(exported.edges.length)

  // Promote: only with one sticky selected. Tab walks the board: the frame "Bra", then the
  // first sticky in it.
  await ada.getByTestId('board-actions').click()
  await expect(ada.getByTestId('board-action-promote')).toHaveAttribute('data-disabled', '')
  await ada.screenshot({ path: shot('menu') })
  await ada.keyboard.press('Escape')
  await ada.getByTestId('board-canvas').focus()
  await ada.keyboard.press('Escape')
  await ada.keyboard.press('Tab')
  await ada.keyboard.press('Tab')
  await expect(ada.getByTestId('board-announcer')).toContainText('Kaffe hver morgen')
  await boardAction(ada, 'promote')
  const saved = ada.getByTestId('board-note-dialog')
  await expect(saved.getByTestId('board-note-saved')).toContainText(
    'saved as the competence note “Kaffe hver morgen”',
  )
  await saved.getByRole('button', { name: 'Stay on the board' }).click()
  await expect(saved).toHaveCount(0)

  // The summary as a note: frames as headings, and it opens.
  await boardAction(ada, 'summary')
  await expect(saved.getByTestId('board-note-saved')).toContainText(
    'saved as the meeting note “Summary: Kopi av retro”',
  )
  await ada.screenshot({ path: shot('summary-saved') })
  await saved.getByTestId('board-note-open').click()
  await expect(ada.getByTestId('board-screen')).toHaveCount(0)
  await expect(editor(ada).locator('h2', { hasText: 'Bra' })).toBeVisible()
  await expect(editor(ada).locator('h2', { hasText: 'Kan bli bedre' })).toBeVisible()
  await expect(editor(ada)).toContainText('Kaffe hver morgen')
  const back = editor(ada).locator('a', { hasText: 'Open the board “Kopi av retro” in Kryss' })
  await expect(back).toHaveCount(1)
  await ada.screenshot({ path: shot('summary-note') })

  // The promoted sticky is a competence note that says where it came from.
  await ada.getByTestId('space-notes').click()
  await ada.getByTestId('note-item').filter({ hasText: 'Kaffe hver morgen' }).click()
  await expect(editor(ada)).toContainText('Kaffe hver morgen')
  await expect(editor(ada)).toContainText(
    /From the workshop board “Kopi av retro” \d{4}-\d\d-\d\d, written by Ada Lien\. Group: Bra\./,
  )
  await expect(editor(ada).locator('a', { hasText: 'Open the board “Kopi av retro”' })).toHaveCount(
    1,
  )
  await ada.screenshot({ path: shot('promoted-note') })
})
