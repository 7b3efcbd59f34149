import { expect, test, type Browser, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { editor, joinDemo } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

function join(browser: Browser, name: string, company: string): Promise<Page> {
  return joinDemo(browser, hub, { name, company })
}

test('one person restores a version the other wrote, both see it, and compare shows what went', async ({
  browser,
}) => {
  const ada = await join(browser, 'Ada Lien', 'Lien Møbelverk')
  const bo = await join(browser, 'Bo Vik', 'Fjordmat')

  await ada.getByTestId('new-note').click()
  await ada.getByTestId('note-title').fill('Varme fra tørken')
  await ada.getByTestId('note-title').press('Enter')
  await editor(ada).click()
  await ada.keyboard.type('Første utkast om tørken.')

  // Ada saves a named version, then writes more.
  await ada.getByTestId('history-button').click()
  const adaHistory = ada.getByTestId('history-dialog')
  await expect(adaHistory).toBeVisible()
  await adaHistory.getByTestId('history-label').fill('Utkast 1')
  await adaHistory.getByTestId('history-save').click()
  await expect(adaHistory.getByTestId('history-status')).toHaveText('Version saved.')
  await expect(adaHistory.getByTestId('history-item')).toHaveCount(1)
  await expect(adaHistory.getByTestId('history-item').first()).toContainText('Utkast 1')
  await expect(adaHistory.getByTestId('history-item').first()).toContainText('Ada Lien')
  await ada.keyboard.press('Escape')
  await expect(adaHistory).toBeHidden()
  await editor(ada).click()
  await ada.keyboard.press('Control+End')
  await ada.keyboard.press('Enter')
  await ada.keyboard.type('Andre avsnitt som skal bort.')

  // Bo opens the note and its history: the version shows as it was, read-only.
  await bo.getByTestId('note-item').filter({ hasText: 'Varme fra tørken' }).click()
  await expect(editor(bo)).toContainText('Andre avsnitt som skal bort.')
  await bo.getByTestId('history-button').click()
  const boHistory = bo.getByTestId('history-dialog')
  const draft = boHistory.getByTestId('history-item').filter({ hasText: 'Utkast 1' })
  await draft.click()
  await expect(draft).toHaveAttribute('aria-pressed', 'true')
  const viewer = boHistory.getByTestId('history-viewer').locator('.ProseMirror')
  await expect(viewer).toContainText('Første utkast om tørken.')
  await expect(viewer).not.toContainText('Andre avsnitt')
  await expect(viewer).toHaveAttribute('contenteditable', 'false')

  // Compared with the current text, Ada's second paragraph is what was added since.
  await boHistory.getByTestId('history-compare-mode').click()
  const compare = boHistory.getByTestId('history-compare')
  await expect(compare.locator('ins', { hasText: 'Andre avsnitt som skal bort.' })).toBeVisible()

  // Bo restores the draft; it is confirmed first.
  await boHistory.getByTestId('history-restore').click()
  const confirm = bo.getByRole('dialog', { name: /Restore the version from/ })
  await confirm.getByRole('button', { name: 'Restore' }).click()
  await expect(confirm).toBeHidden()
  await expect(boHistory.getByTestId('history-status')).toContainText('is restored')

  // Both editors now hold the old text.
  for (const page of [bo, ada]) {
    await expect(editor(page)).not.toContainText('Andre avsnitt')
    await expect(editor(page)).toContainText('Første utkast om tørken.')
  }

  // The text before the restore was kept; compared with now, the paragraph is shown removed.
  const before = boHistory
    .getByTestId('history-item')
    .and(bo.locator('[data-kind="before-restore"]'))
  await expect(before).toHaveCount(1)
  await expect(before).toContainText('The text before a restore')
  await before.click()
  await boHistory.getByTestId('history-compare-mode').click()
  await expect(compare.locator('del', { hasText: 'Andre avsnitt som skal bort.' })).toBeVisible()
  await expect(compare).toContainText('Removed')

  // Ada sees who restored, in her own history.
  await ada.getByTestId('history-button').click()
  const restored = ada
    .getByTestId('history-dialog')
    .getByTestId('history-item')
    .and(ada.locator('[data-kind="restored"]'))
  await expect(restored).toContainText('Bo Vik')
})

test('leaving a note keeps what was written as a version, named by its writer', async ({
  browser,
}) => {
  const ada = await join(browser, 'Ada Lien', 'Lien Møbelverk')
  const bo = await join(browser, 'Bo Vik', 'Fjordmat')

  await ada.getByTestId('new-note').click()
  await ada.getByTestId('note-title').fill('Robotcelle, notater')
  await ada.getByTestId('note-title').press('Enter')
  await editor(ada).click()
  await ada.keyboard.type('Gripperen må byttes for små serier.')

  // A note opened and left without writing gets no version; one written in gets one.
  await bo.getByTestId('note-item').filter({ hasText: 'Robotcelle, notater' }).click()
  await expect(editor(bo)).toContainText('Gripperen må byttes')
  await bo.getByTestId('history-button').click()
  await expect(bo.getByTestId('history-dialog')).toContainText('No versions yet')
  await bo.keyboard.press('Escape')

  await ada.getByTestId('note-item').filter({ hasText: 'Robotcelle for små serier' }).click()
  await bo.getByTestId('history-button').click()
  const items = bo.getByTestId('history-dialog').getByTestId('history-item')
  await expect(items).toHaveCount(1)
  await expect(items.first()).toContainText('Ada Lien')
  await expect(items.first()).toContainText('just now')
  await expect(bo.getByTestId('history-viewer')).toContainText(
    'Gripperen må byttes for små serier.',
  )
})
