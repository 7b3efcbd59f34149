import { expect, test, type Browser, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { demoInvite, editor, openAs } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

/** Opens a link as a new person and waits for the workspace to show. */
async function join(
  browser: Browser,
  link: string,
  name: string,
  company: string,
  locale?: string,
): Promise<Page> {
  const page = await openAs(browser, link, {
    name,
    company,
    ...(locale === undefined ? {} : { locale }),
  })
  await expect(page.getByTestId('note-list')).toBeVisible()
  return page
}

test('two participants edit one note and see each other’s text, carets and presence', async ({
  browser,
}) => {
  const ada = await join(browser, demoInvite(hub), 'Ada Lien', 'Lien Møbelverk')
  const bo = await join(browser, demoInvite(hub), 'Bo Vik', 'Fjordmat')

  await ada.getByTestId('new-note').click()
  await ada.getByTestId('note-title').fill('Felles notat om varme')
  await ada.getByTestId('note-title').press('Enter')
  await editor(ada).click()
  await ada.keyboard.type('Ada skriver her.')

  await bo.getByTestId('note-item').filter({ hasText: 'Felles notat om varme' }).click()
  await expect(editor(bo)).toContainText('Ada skriver her.')
  await editor(bo).click()
  await bo.keyboard.press('Control+End')
  await bo.keyboard.type(' Bo svarer.')

  await expect(editor(ada)).toContainText('Ada skriver her. Bo svarer.')
  await expect(ada.getByTestId('presence-user')).toHaveCount(2)
  await expect(ada.getByTestId('presence')).toContainText('B')
  await expect(ada.locator('.collaboration-carets__label', { hasText: 'Bo Vik' })).toBeVisible()
  await expect(bo.locator('.collaboration-carets__label', { hasText: 'Ada Lien' })).toBeVisible()
  await expect(ada.getByTestId('sync-status')).toHaveAttribute('data-state', 'connected')
  await expect(ada.getByTestId('sync-status')).toContainText('Connected – 2 people here')
})

test('what the UI called saved survives a killed and restarted hub', async ({ browser }) => {
  const ada = await join(browser, demoInvite(hub), 'Ada Lien', 'Lien Møbelverk')
  await ada.getByTestId('new-note').click()
  await ada.getByTestId('note-title').fill('Overlever omstart')
  await ada.getByTestId('note-title').press('Enter')
  await editor(ada).click()
  await ada.keyboard.type('Dette må ikke forsvinne.')
  await expect(ada.getByTestId('sync-status')).toHaveAttribute('data-state', 'saved')
  await expect(ada.getByTestId('sync-status')).toContainText('Saved on the host')

  await hub.stop('SIGKILL')
  await expect(ada.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline')
  await expect(ada.getByTestId('sync-status')).toContainText(
    'Offline – changes are kept and will sync',
  )

  hub = await startHub({ dataDir: hub.dataDir, port: hub.port })
  await ada.reload()
  await ada.getByTestId('note-item').filter({ hasText: 'Overlever omstart' }).click()
  await expect(editor(ada)).toContainText('Dette må ikke forsvinne.')
})

test('the join link opens the shared workspace, with the example data marked', async ({
  browser,
}) => {
  const ada = await join(browser, demoInvite(hub), 'Ada Lien', 'Lien Møbelverk')
  await expect(ada.getByTestId('demo-banner')).toBeVisible()
  await expect(
    ada.getByTestId('note-item').filter({ hasText: 'Robotcelle for små serier' }),
  ).toBeVisible()
  await ada.getByTestId('note-item').filter({ hasText: 'Robotcelle for små serier' }).click()
  await expect(editor(ada)).toContainText('Offline-programmering fra CAD')

  const broken = await browser.newPage()
  await broken.goto(`${hub.url}/join#bm90LWFuLWludml0ZQ`)
  await expect(broken.getByRole('alert')).toBeVisible()
})

test('the language follows the system and can be switched in settings', async ({ browser }) => {
  const nb = await join(browser, demoInvite(hub), 'Ada Lien', 'Lien Møbelverk', 'nb-NO')
  await expect(nb.locator('html')).toHaveAttribute('lang', 'nb')
  await expect(nb.getByTestId('new-note')).toContainText('Nytt notat')

  await nb.getByTestId('settings-button').click()
  await nb.getByTestId('language-select').selectOption('en')
  await expect(nb.locator('html')).toHaveAttribute('lang', 'en')
  await expect(nb.getByTestId('new-note')).toContainText('New note')
  await nb.keyboard.press('Escape')
  await nb.reload()
  await expect(nb.getByTestId('new-note')).toContainText('New note')
})

test('the owner creates, renames and deletes workspaces', async ({ browser }) => {
  const owner = await join(browser, hub.ownerLink, 'Kari Kryss', 'Kryss Innovasjon')
  const workspaces = owner.getByTestId('workspace-item')
  await expect(workspaces).toHaveCount(1)

  await owner.getByTestId('new-workspace').click()
  await owner.getByRole('dialog').getByRole('textbox').fill('Prosjekt fiberemballasje')
  await owner.getByRole('dialog').getByRole('button', { name: 'Create' }).click()
  await expect(workspaces).toHaveCount(2)
  const project = workspaces.filter({ hasText: 'Prosjekt fiberemballasje' })
  await expect(project).toBeVisible()

  await project.getByRole('button', { name: /More actions/ }).click()
  await owner.getByRole('menuitem', { name: 'Rename' }).click()
  await owner.getByRole('dialog').getByRole('textbox').fill('Fiberemballasje')
  await owner.getByRole('dialog').getByRole('button', { name: 'Rename' }).click()
  await expect(workspaces.filter({ hasText: 'Fiberemballasje' })).toBeVisible()

  await workspaces
    .filter({ hasText: 'Fiberemballasje' })
    .getByRole('button', { name: /More actions/ })
    .click()
  await owner.getByRole('menuitem', { name: 'Delete' }).click()
  await owner.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(workspaces).toHaveCount(1)
})

test('a note’s row menu opens with a tap, without the pointer resting on the row first', async ({
  browser,
}) => {
  const ada = await join(browser, demoInvite(hub), 'Ada Lien', 'Lien Møbelverk')
  const row = ada.getByTestId('note-item').filter({ hasText: 'Robotcelle for små serier' })
  // A click event alone, as a touch screen gives it: no hover before it.
  await row.locator('.row-menu').dispatchEvent('click')
  await expect(ada.getByRole('menuitem', { name: 'Rename' })).toBeVisible()
  await ada.keyboard.press('Escape')
  await expect(ada.getByRole('menuitem', { name: 'Rename' })).toBeHidden()
  // With the pointer on the row, the menu opens from the keyboard as from a mouse.
  await row.hover()
  await row.locator('.row-menu').focus()
  await ada.keyboard.press('Enter')
  await expect(ada.getByRole('menuitem', { name: 'Delete' })).toBeVisible()
})

test('with a mouse, a row’s menu renames its note and stays open while the pointer moves on', async ({
  browser,
}) => {
  const ada = await join(browser, demoInvite(hub), 'Ada Lien', 'Lien Møbelverk')
  const row = ada.getByTestId('note-item').filter({ hasText: 'Robotcelle for små serier' })
  await row.hover()
  await row.locator('.row-menu').click()
  const rename = ada.getByRole('menuitem', { name: 'Rename' })
  await expect(rename).toBeVisible()
  // Crossing another row on the way into the menu arms that row, not closes this menu.
  const other = ada.getByTestId('note-item').nth(0)
  await other.hover()
  await expect(rename).toBeVisible()
  await rename.click()
  const dialog = ada.getByRole('dialog')
  await dialog.getByRole('textbox').fill('Robotcelle for små og store serier')
  await dialog.getByRole('button', { name: 'Rename' }).click()
  await expect(
    ada.getByTestId('note-item').filter({ hasText: 'Robotcelle for små og store serier' }),
  ).toHaveCount(1)
})
