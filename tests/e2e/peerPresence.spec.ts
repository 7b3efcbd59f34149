import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { demoInvite, editor, openAs } from './participants'

/**
 * Presence across a peer link: hub A hosts the example workspace, hub B is linked to it with
 * `--peer` (a workshop spread over two hosts). A browser guest on A sees a person on B in the
 * presence list, in the note list's "who is where", and as a caret in the note.
 */
let a: RunningHub
let b: RunningHub

test.beforeEach(async () => {
  a = await startHub()
  b = await startHub({ args: ['--no-demo', '--peer', demoInvite(a)] })
})

test.afterEach(async () => {
  await Promise.all([b.stop(), a.stop()])
})

const NOTE = 'Robotcelle for små serier'

test('a person on a second host shows in a guest’s presence list and as a caret in the note', async ({
  browser,
}) => {
  const ada = await openAs(browser, demoInvite(a), { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await openAs(browser, demoInvite(b), { name: 'Bo Vik', company: 'Fjordmat' })
  await expect(bo.getByTestId('note-item').filter({ hasText: NOTE })).toBeVisible()

  // The workspace's presence list on A names Bo, who is connected to B only.
  const boOnA = ada.getByTestId('presence-user').and(ada.locator('[aria-label^="Bo Vik"]'))
  await expect(boOnA).toBeVisible()
  await expect(ada.getByTestId('presence-user')).toHaveCount(2)

  // Bo opens the note on B: A's note list shows him there, and his caret shows in A's editor.
  for (const page of [ada, bo]) {
    await page.getByTestId('note-item').filter({ hasText: NOTE }).click()
    await expect(editor(page)).toContainText('Offline-programmering fra CAD')
  }
  await expect(
    ada.getByTestId('note-item').filter({ hasText: NOTE }).locator('.note-item-viewers'),
  ).toHaveAttribute('aria-label', /Bo Vik/)
  await editor(bo).click()
  await bo.keyboard.press('Control+End')
  await bo.keyboard.type(' Bo via B.')
  await expect(editor(ada)).toContainText('Bo via B.')
  await editor(ada).click()
  await ada.keyboard.press('Control+End')
  await expect(ada.locator('.collaboration-carets__label', { hasText: 'Bo Vik' })).toBeVisible()
  await expect(bo.locator('.collaboration-carets__label', { hasText: 'Ada Lien' })).toBeVisible()
  await ada.screenshot({ path: join(tmpdir(), 'kryss-peer-presence.png') })

  // B goes away: Bo leaves A's presence list at once, not after the 30 s awareness timeout.
  await b.stop()
  await expect(boOnA).toHaveCount(0, { timeout: 10_000 })
  await expect(ada.locator('.collaboration-carets__label', { hasText: 'Bo Vik' })).toHaveCount(0, {
    timeout: 10_000,
  })
})
