import { expect, test, type Page } from '@playwright/test'
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

const shot = (name: string): string => `test-results/board-tools-${name}.png`

async function clickCanvas(page: Page, x: number, y: number): Promise<void> {
  const at = await onCanvas(page, { x: x, y: y })
  await page.mouse.click(at.x, at.y)
}

async function dragCanvas(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  const start = await onCanvas(page, { x: from.x, y: from.y })
  const end = await onCanvas(page, { x: to.x, y: to.y })
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(end.x, end.y, { steps: 8 })
  await page.mouse.up()
}

/** Writes into the in-place editor that a new sticky opens, and leaves it. */
async function typeAndLeave(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('board-text-editor')
  await expect(editor).toBeVisible()
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await expect(editor).toHaveCount(0)
}

/** What Tab reads out, item by item, from the top of the board. */
async function readBoard(page: Page, count: number): Promise<string[]> {
  await page.getByTestId('board-canvas').focus()
  await page.keyboard.press('Escape')
  const heard: string[] = []
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab')
    heard.push((await page.getByTestId('board-announcer').textContent()) ?? '')
  }
  return heard
}

test('the tool rail and the selection bar: stickies placed, coloured, duplicated, aligned, undone', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await newBoard(ada, 'Verktøy')
  await openBoard(bo, 'Verktøy')

  const rail = ada.getByTestId('board-toolbar')
  await expect(rail).toBeVisible()
  await expect(ada.getByTestId('board-tool-select')).toHaveAttribute('aria-pressed', 'true')
  await expect(ada.getByTestId('board-undo')).toBeDisabled()

  // The rail's sticky tool: a click places one in edit; then the tool is back to select.
  await ada.getByTestId('board-tool-sticky').click()
  await expect(ada.getByTestId('board-tool-sticky')).toHaveAttribute('aria-pressed', 'true')
  await clickCanvas(ada, 320, 220)
  await typeAndLeave(ada, 'Felles verksted')
  await expect(ada.getByTestId('board-tool-select')).toHaveAttribute('aria-pressed', 'true')

  // The bar over the selection: the sticky stays selected after typing.
  const bar = ada.getByTestId('board-selection-bar')
  await expect(bar).toBeVisible()
  await bar.getByTestId('board-selection-color').click()
  await ada.getByTestId('board-color-blue').click()
  await expect(bar.getByTestId('board-selection-color')).toBeVisible()

  // The next sticky takes the last colour; S picks the sticky tool from the keyboard.
  await ada.getByTestId('board-canvas').focus()
  await ada.keyboard.press('s')
  await expect(ada.getByTestId('board-tool-sticky')).toHaveAttribute('aria-pressed', 'true')
  await clickCanvas(ada, 560, 300)
  await typeAndLeave(ada, 'Delt laserkutter')
  await expect(ada.getByTestId('board-next-color')).toBeVisible()

  // Marquee around both: "2 selected", align their tops from the bar.
  await dragCanvas(ada, { x: 150, y: 60 }, { x: 760, y: 500 })
  await expect(bar).toContainText('2 selected')
  await ada.screenshot({ path: shot('selection-bar') })
  await bar.getByTestId('board-arrange').click()
  await ada.getByRole('menuitem', { name: 'Align top' }).click()

  // Bo reads the board by Tab: both stickies in one row now, left to right.
  await expect
    .poll(async () => (await readBoard(bo, 2)).join(' | '))
    .toMatch(/Felles verksted.*\|.*Delt laserkutter/)

  // Duplicate from the keyboard, then undo it from the rail: Bo is back to two items.
  await ada.getByTestId('board-canvas').focus()
  await ada.keyboard.press('Control+d')
  await expect(bar).toContainText('2 selected')
  await expect
    .poll(async () => (await readBoard(bo, 4)).filter((s) => /verksted/.test(s)).length)
    .toBe(2)
  await ada.getByTestId('board-undo').click()
  await expect(ada.getByTestId('board-redo')).toBeEnabled()
  await expect
    .poll(async () => (await readBoard(bo, 3)).filter((s) => /verksted/.test(s)).length)
    .toBe(1)

  // Cluster by colour: the proposal is shown before anything moves.
  await ada.getByTestId('board-cluster').first().click()
  await ada.getByRole('menuitem', { name: 'By colour' }).click()
  const cluster = ada.getByTestId('board-cluster-dialog')
  await expect(cluster).toContainText('Blue')
  await expect(cluster).toContainText('2 stickies')
  await ada.screenshot({ path: shot('cluster') })
  await cluster.getByRole('button', { name: 'Cancel' }).click()
  await expect(cluster).toHaveCount(0)

  // Group the selection into a frame, then look at it.
  await ada.getByTestId('board-canvas').focus()
  await ada.keyboard.press('Control+a')
  await bar.getByTestId('board-group').click()
  await expect(bar).toBeVisible()
  await ada.screenshot({ path: shot('grouped') })
  await ada.getByTestId('board-next-color').click()
  await expect(ada.getByTestId('board-color-blue')).toHaveAttribute('aria-pressed', 'true')
  await ada.waitForTimeout(200)
  await ada.screenshot({ path: shot('palette') })
  await ada.keyboard.press('Escape')
  await ada.emulateMedia({ colorScheme: 'dark' })
  await clickCanvas(ada, 320, 220)
  await expect(bar).toBeVisible()
  await ada.screenshot({ path: shot('dark') })
})

test('frames drawn by dragging, arrows between stickies, locks only the facilitator undoes', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await newBoard(ada, 'Rammer')
  await openBoard(bo, 'Rammer')

  // A frame drawn with the frame tool, two stickies placed in it by double clicks.
  await ada.getByTestId('board-tool-frame').click()
  await dragCanvas(ada, { x: 120, y: 60 }, { x: 820, y: 460 })
  await expect(ada.getByTestId('board-tool-select')).toHaveAttribute('aria-pressed', 'true')
  for (const [x, text] of [
    [260, 'Kartlegge behov'],
    [620, 'Søke midler'],
  ] as const) {
    const at = await onCanvas(ada, { x: x, y: 260 })
    await ada.mouse.dblclick(at.x, at.y)
    await typeAndLeave(ada, text)
  }

  // An arrow from the first to the second, pulled with the connector tool.
  await ada.getByTestId('board-canvas').focus()
  await ada.keyboard.press('c')
  const from = await onCanvas(ada, { x: 260, y: 260 })
  const to = await onCanvas(ada, { x: 620, y: 260 })
  await ada.mouse.move(from.x, from.y)
  await ada.mouse.down()
  await ada.mouse.move(to.x, to.y, { steps: 10 })
  await ada.screenshot({ path: shot('connecting') })
  await ada.mouse.up()
  await ada.keyboard.press('v')
  await expect(ada.getByTestId('board-tool-select')).toHaveAttribute('aria-pressed', 'true')

  // Bo sees the frame, both stickies and the arrow when he walks the board.
  await expect
    .poll(async () => (await readBoard(bo, 4)).join(' | '))
    .toMatch(/Kartlegge behov.*Søke midler.*\|/)

  // Ada locks the frame (by its title band): it no longer moves, and she may not unlock it.
  await clickCanvas(ada, 400, 80)
  const bar = ada.getByTestId('board-selection-bar')
  await bar.getByTestId('board-lock').click()
  await expect(bar.getByTestId('board-lock')).toHaveCount(0)
  await expect(bar.getByTestId('board-unlock')).toHaveCount(0)
  await dragCanvas(ada, { x: 400, y: 80 }, { x: 500, y: 180 })
  await ada.screenshot({ path: shot('locked') })
  // The facilitator may: once Ada facilitates, the bar offers to unlock.
  await ada.getByTestId('facilitation-start').click()
  await clickCanvas(ada, 400, 80)
  await expect(bar.getByTestId('board-unlock')).toBeVisible()
  await bar.getByTestId('board-unlock').click()
  await expect(bar.getByTestId('board-lock')).toBeVisible()

  // While a voting round is open the rail offers the vote tool (and it is the tool at first).
  await expect(ada.getByTestId('board-tool-vote')).toHaveCount(0)
  await ada.getByTestId('voting-button').click()
  await ada.getByTestId('voting-start').click()
  await expect(ada.getByTestId('board-tool-vote')).toHaveAttribute('aria-pressed', 'true')
  await expect(bo.getByTestId('board-tool-vote')).toHaveAttribute('aria-pressed', 'true')
  await bo.getByTestId('board-tool-select').click()
  await expect(bo.getByTestId('board-tool-vote')).toHaveAttribute('aria-pressed', 'false')
  await ada.screenshot({ path: shot('voting') })
  await ada.getByTestId('voting-end').click()
  await expect(ada.getByTestId('board-tool-vote')).toHaveCount(0)
  await expect(ada.getByTestId('board-tool-select')).toHaveAttribute('aria-pressed', 'true')
})

test('present mode shows no tools, and its keys make nothing', async ({ browser }) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await newBoard(ada, 'Presentasjon')
  await expect(ada.getByTestId('board-toolbar')).toBeVisible()
  await ada.getByTestId('present').click()
  await expect(ada.getByTestId('board-toolbar')).toHaveCount(0)
  await ada.getByTestId('board-canvas').focus()
  await ada.keyboard.press('s')
  await ada.getByTestId('board-exit-present').click()
  await expect(ada.getByTestId('board-toolbar')).toBeVisible()
  await expect(ada.getByTestId('board-tool-select')).toHaveAttribute('aria-pressed', 'true')
})
