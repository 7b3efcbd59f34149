import { expect, test, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { demoInvite, joinDemo, openAs } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/boards-${name}.png`

/** The board's row in a person's list, by title. */
function boardRow(page: Page, title: string) {
  return page.getByTestId('board-item').filter({ hasText: title })
}

async function showBoards(page: Page): Promise<void> {
  await page.getByTestId('space-boards').click()
  await expect(page.getByTestId('board-list')).toBeVisible()
}

/** Opens a row's "…" menu and picks an entry. */
async function rowAction(page: Page, title: string, action: 'Rename' | 'Delete'): Promise<void> {
  const row = boardRow(page, title)
  await row.hover()
  await row.getByTestId('board-menu').click()
  await page.getByRole('menuitem', { name: action }).click()
}

test('a board made from the SWOT template is seen, renamed and deleted by both participants', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await showBoards(ada)
  await showBoards(bo)

  await ada.getByTestId('new-board').click()
  const dialog = ada.getByTestId('new-board-dialog')
  await dialog.getByTestId('board-template-swot').click()
  // An empty title takes the template's name.
  await expect(dialog.getByTestId('new-board-title')).toHaveAttribute('placeholder', 'SWOT')
  await dialog.getByTestId('new-board-title').fill('SWOT for varmeprosjektet')
  await dialog.getByTestId('new-board-create').click()
  await expect(dialog).toHaveCount(0)

  await expect(ada.getByTestId('board-screen')).toBeVisible()
  await expect(ada.getByTestId('board-title')).toHaveValue('SWOT for varmeprosjektet')
  await expect(ada.getByTestId('board-crumb')).toHaveText('SWOT for varmeprosjektet')
  await expect(ada.getByTestId('board-loading')).toHaveCount(0)
  await expect(boardRow(ada, 'SWOT for varmeprosjektet')).toHaveAttribute('class', /is-active/)
  // The template is on the board (a board without items says so on the canvas).
  await expect(ada.getByTestId('board-canvas')).toBeVisible()
  await expect(ada.getByTestId('board-empty-hint')).toHaveCount(0)

  // Bo's list shows it with its template; he opens it and sees the same title, and each sees
  // the other on the board.
  const row = boardRow(bo, 'SWOT for varmeprosjektet')
  await expect(row).toContainText('SWOT')
  await expect(row).toContainText('changed just now')
  await row.click()
  await expect(bo.getByTestId('board-title')).toHaveValue('SWOT for varmeprosjektet')
  await expect(bo.getByTestId('board-loading')).toHaveCount(0)
  await expect(bo.getByTestId('board-canvas')).toBeVisible()
  await expect(bo.getByTestId('board-empty-hint')).toHaveCount(0)
  await expect(bo.getByTestId('board-peer')).toHaveCount(1)
  await expect(bo.getByTestId('board-peer')).toHaveAttribute(
    'aria-label',
    'Ada Lien · Lien Møbelverk',
  )
  await expect(ada.getByTestId('board-peer')).toHaveCount(1)

  // Bo renames it in the header: Ada's header, list and breadcrumb follow.
  await bo.getByTestId('board-title').fill('SWOT – varme fra ovnene')
  await bo.getByTestId('board-title').press('Enter')
  await expect(ada.getByTestId('board-title')).toHaveValue('SWOT – varme fra ovnene')
  await expect(ada.getByTestId('board-crumb')).toHaveText('SWOT – varme fra ovnene')
  await expect(boardRow(ada, 'SWOT – varme fra ovnene')).toHaveCount(1)

  // Escape puts the title back.
  await ada.getByTestId('board-title').fill('Ikke dette')
  await ada.getByTestId('board-title').press('Escape')
  await expect(ada.getByTestId('board-title')).toHaveValue('SWOT – varme fra ovnene')
  await expect(bo.getByTestId('board-title')).toHaveValue('SWOT – varme fra ovnene')

  // Ada renames it from her list.
  await rowAction(ada, 'SWOT – varme fra ovnene', 'Rename')
  await ada.getByTestId('board-rename-input').fill('SWOT: overskuddsvarme')
  await ada.getByTestId('board-rename-save').click()
  await expect(bo.getByTestId('board-title')).toHaveValue('SWOT: overskuddsvarme')
  await expect(boardRow(bo, 'SWOT: overskuddsvarme')).toHaveCount(1)

  await ada.screenshot({ path: shot('board-light') })

  // Ada deletes it: it leaves both lists, Ada's screen closes it, Bo's says it was deleted.
  await rowAction(ada, 'SWOT: overskuddsvarme', 'Delete')
  await ada.getByTestId('confirm-delete').click()
  await expect(boardRow(ada, 'SWOT: overskuddsvarme')).toHaveCount(0)
  await expect(boardRow(bo, 'SWOT: overskuddsvarme')).toHaveCount(0)
  await expect(ada.getByTestId('board-screen')).toHaveCount(0)
  await expect(bo.getByTestId('board-deleted')).toContainText('This board was deleted')
  await expect(bo.getByTestId('board-crumb')).toHaveCount(0)
})

test('the sidebar remembers its space per workspace, and a board link shows the Boards space', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await expect(ada.getByTestId('space-notes')).toHaveAttribute('aria-pressed', 'true')
  await showBoards(ada)
  await expect(boardRow(ada, 'Fra idé til prosjekt: fiberemballasje')).toContainText(
    'Idea to project',
  )
  await ada.getByTestId('new-board').click()
  await ada.getByTestId('board-template-retrospective').click()
  await ada.getByTestId('new-board-create').click()
  await expect(ada.getByTestId('board-title')).toHaveValue('Retrospective')

  await expect(ada.getByTestId('board-empty-hint')).toHaveCount(0)

  // A blank board starts empty.
  await ada.getByTestId('new-board').click()
  await ada.getByTestId('new-board-title').fill('Tom tavle')
  await ada.getByTestId('new-board-create').click()
  await expect(ada.getByTestId('board-title')).toHaveValue('Tom tavle')
  await expect(ada.getByTestId('board-empty-hint')).toBeVisible()
  await boardRow(ada, 'Retrospective').click()
  await expect(ada.getByTestId('board-title')).toHaveValue('Retrospective')

  // A note opened from the Notes space replaces the board in the main area.
  await ada.getByTestId('space-notes').click()
  await ada.getByTestId('note-item').first().click()
  await expect(ada.getByTestId('board-screen')).toHaveCount(0)
  await expect(ada.getByTestId('note-title')).toBeVisible()

  // Reloading a board's address shows it, with the Boards space.
  await showBoards(ada)
  await boardRow(ada, 'Retrospective').click()
  await ada.getByTestId('space-notes').click()
  await ada.reload()
  await expect(ada.getByTestId('board-title')).toHaveValue('Retrospective')
  await expect(ada.getByTestId('space-boards')).toHaveAttribute('aria-pressed', 'true')
  await expect(boardRow(ada, 'Retrospective')).toHaveAttribute('class', /is-active/)
})

test('present mode shows only the board, with a way out (the button or Esc)', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await ada.setViewportSize({ width: 1280, height: 800 })
  await showBoards(ada)
  await boardRow(ada, 'Fra idé til prosjekt: fiberemballasje').click()
  const header = ada.locator('.board-header')
  await expect(header).toBeVisible()

  await ada.getByTestId('present').click()
  await expect(header).toBeHidden()
  await expect(ada.locator('.sidebar')).toBeHidden()
  await expect(ada.locator('.topbar')).toBeHidden()
  await expect(ada.getByTestId('board-exit-present')).toBeVisible()
  await ada.screenshot({ path: shot('presenting') })
  await ada.keyboard.press('Escape')
  await expect(header).toBeVisible()
  await expect(ada.locator('.sidebar')).toBeVisible()
  await expect(ada.getByTestId('board-exit-present')).toHaveCount(0)

  await ada.getByTestId('present').click()
  await ada.getByTestId('board-exit-present').click()
  await expect(header).toBeVisible()
  await expect(ada.getByTestId('board-title')).toHaveValue('Fra idé til prosjekt: fiberemballasje')
})

test('a view-only guest sees the boards and opens one, but cannot create, rename or delete', async ({
  browser,
}) => {
  const owner = await openAs(browser, hub.ownerLink, { name: 'Kari Nordmo' })
  await owner.getByTestId('invite-button').click()
  const invite = owner.getByTestId('invite-dialog')
  const editLink = await invite.getByTestId('invite-link').inputValue()
  await invite.getByTestId('view-only-switch').click()
  await expect(invite.getByTestId('invite-link')).not.toHaveValue(editLink)
  const viewLink = await invite.getByTestId('invite-link').inputValue()
  await owner.keyboard.press('Escape')

  await showBoards(owner)
  await owner.getByTestId('new-board').click()
  await owner.getByTestId('new-board-title').fill('Lean coffee i mars')
  await owner.getByTestId('board-template-lean-coffee').click()
  await owner.getByTestId('new-board-create').click()
  await expect(owner.getByTestId('board-title')).toHaveValue('Lean coffee i mars')

  const reader = await openAs(browser, viewLink, { name: 'Lise Leser' })
  await showBoards(reader)
  await expect(reader.getByTestId('new-board')).toHaveCount(0)
  const row = boardRow(reader, 'Lean coffee i mars')
  await expect(row).toContainText('Lean coffee')
  await expect(row.getByTestId('board-menu')).toHaveCount(0)
  await row.click()
  // The title is read, not edited.
  await expect(reader.getByTestId('board-title')).toHaveText('Lean coffee i mars')
  await expect(reader.locator('input[data-testid="board-title"]')).toHaveCount(0)
})

test('screenshots: the new-board dialog and the board screen, light and dark', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await ada.setViewportSize({ width: 1280, height: 800 })
  for (const scheme of ['light', 'dark'] as const) {
    await ada.emulateMedia({ colorScheme: scheme })
    await showBoards(ada)
    // The example workspace comes with a filled board.
    await boardRow(ada, 'Fra idé til prosjekt: fiberemballasje').click()
    await expect(ada.getByTestId('board-title')).toHaveValue(
      'Fra idé til prosjekt: fiberemballasje',
    )
    await expect(ada.getByTestId('board-loading')).toHaveCount(0)
    await ada.screenshot({ path: shot(`demo-${scheme}`) })
    await ada.getByTestId('new-board').click()
    await ada.getByTestId('new-board-title').fill(`Idémyldring (${scheme})`)
    await ada.getByTestId('board-template-brainstorm').click()
    await ada.screenshot({ path: shot(`new-dialog-${scheme}`) })
    await ada.getByTestId('new-board-create').click()
    await expect(ada.getByTestId('board-loading')).toHaveCount(0)
    await ada.screenshot({ path: shot(`screen-${scheme}`) })
  }

  // In Norwegian: the switch over the notes, then the boards and the dialog.
  const kari = await openAs(browser, demoInvite(hub), { name: 'Kari Nordmo', locale: 'nb-NO' })
  await kari.setViewportSize({ width: 1280, height: 800 })
  await expect(kari.getByTestId('space-notes')).toHaveText('Notater')
  await kari.screenshot({ path: shot('notes-nb') })
  await kari.getByTestId('space-boards').click()
  await expect(kari.getByTestId('new-board')).toHaveText('Ny tavle')
  await kari.getByTestId('new-board').click()
  await expect(kari.getByTestId('board-template-retrospective')).toContainText('Retrospektiv')
  await kari.screenshot({ path: shot('new-dialog-nb') })
  await kari.keyboard.press('Escape')

  // On a phone (a workshop guest who scanned the QR code): the board fills the screen.
  await boardRow(kari, 'Fra idé til prosjekt: fiberemballasje').click()
  await kari.setViewportSize({ width: 390, height: 780 })
  await expect(kari.getByTestId('board-canvas')).toBeVisible()
  await kari.screenshot({ path: shot('phone-nb') })
})
