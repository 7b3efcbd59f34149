import { expect, test, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { joinDemo } from './participants'
import { createBoardInDialog } from './boardPages'

/**
 * A new board's document is started (its meta and template laid out) by whoever opens it
 * first, not only by its creator (renderer/src/boards/list/newBoard.ts): a creator whose
 * session is gone before the board synced must not leave it empty for everyone, and two
 * people who start it at once must end up with one copy of the template.
 */
let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

/**
 * Board rooms never reach the hub from `page` (a guest on bad Wi-Fi), other rooms do. The
 * page is reloaded: the app's socket class is made from the page's WebSocket as it loads, so
 * only a page loaded after the route has its sockets routed.
 */
async function cutBoardSync(page: Page): Promise<void> {
  await page.routeWebSocket(/\/boards\//, () => {
    // Accepted and never answered: the board's document never syncs.
  })
  await page.reload()
  await page.getByTestId('note-list').waitFor()
}

/** Makes a SWOT board through the dialog; it is listed at once and opens. */
async function createSwot(page: Page, title: string): Promise<void> {
  await createBoardInDialog(page, title, 'swot')
  await expect(page.getByTestId('board-screen')).toBeVisible()
}

async function listed(page: Page, title: string): Promise<void> {
  await page.getByTestId('space-boards').click()
  await expect(page.getByTestId('board-item').filter({ hasText: title })).toHaveCount(1)
}

/** Opens the board from the list and waits until it is loaded and holds something. */
async function openStarted(page: Page, title: string): Promise<void> {
  await page.getByTestId('space-boards').click()
  await page.getByTestId('board-item').filter({ hasText: title }).click()
  await expect(page.getByTestId('board-loading')).toHaveCount(0)
  await expect(page.getByTestId('board-empty-hint')).toHaveCount(0)
}

async function expectItemCount(page: Page, count: number): Promise<void> {
  await page.getByTestId('board-canvas').focus()
  await page.keyboard.press('ControlOrMeta+a')
  await expect(page.getByTestId('board-selection-bar')).toContainText(`${count} selected`)
  await page.keyboard.press('Escape')
}

test('a board whose creator left before it synced is started by the next who opens it', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await cutBoardSync(ada)
  await createSwot(ada, 'SWOT uten skaper')
  // Ada's board never syncs, so her session cannot start it…
  await expect(ada.getByTestId('board-loading')).toBeVisible()
  // …and once its list entry has reached the others, she is gone.
  await listed(bo, 'SWOT uten skaper')
  await ada.context().close()

  await openStarted(bo, 'SWOT uten skaper')
  await expect(bo.getByTestId('board-title')).toHaveValue('SWOT uten skaper')
  // SWOT: four fields and a heading, once.
  await expectItemCount(bo, 5)
})

test('two people opening an unstarted board at once get one copy of its template', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  const cy = await joinDemo(browser, hub, { name: 'Cy Berg', company: 'Fjordmat' })
  await cutBoardSync(ada)
  await createSwot(ada, 'SWOT for to')
  await listed(bo, 'SWOT for to')
  await listed(cy, 'SWOT for to')
  await ada.context().close()

  await Promise.all([openStarted(bo, 'SWOT for to'), openStarted(cy, 'SWOT for to')])
  await expect(bo.getByTestId('board-peer')).toHaveCount(1)
  await expectItemCount(bo, 5)
  await expectItemCount(cy, 5)
})
