import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { demoInvite, editor, openAs } from './participants'

/**
 * Desktop-style joining and the truth about peers: hub A hosts the example workspace, hub B
 * starts empty and its owner joins A's workspace by pasting the invite, as in the desktop app.
 */
let a: RunningHub
let b: RunningHub

test.beforeEach(async () => {
  a = await startHub()
  b = await startHub({ args: ['--no-demo'] })
})

test.afterEach(async () => {
  await Promise.all([a.stop(), b.stop()])
})

const NOTE = 'Robotcelle for små serier'

/** Screenshots of the peers panel to look at, outside test-results (cleaned on a pass). */
function shot(name: string): string {
  return join(tmpdir(), `kryss-peers-panel-${name}.png`)
}

/** B's owner pastes A's invite in the UI; the example notes arrive on B. */
async function joinOnB(browser: Browser): Promise<Page> {
  const owner = await openAs(browser, b.ownerLink, { name: 'Bo Vik' })
  await owner.getByTestId('join-workspace').click()
  await owner.getByTestId('join-link').fill('http://example.com/not-an-invite#x')
  await owner.getByTestId('join-submit').click()
  await expect(owner.getByRole('alert')).toContainText('not an invite link')
  await owner.getByTestId('join-link').fill(demoInvite(a))
  await owner.getByTestId('join-submit').click()
  await expect(owner.getByTestId('note-item').filter({ hasText: NOTE })).toBeVisible()
  await expect(owner.getByTestId('workspace-item')).toHaveCount(1)
  return owner
}

test('a second host joins by pasted invite; a guest on A, the facilitator and B edit one note', async ({
  browser,
}) => {
  const bo = await joinOnB(browser)
  const facilitator = await openAs(browser, a.ownerLink, { name: 'Kari Nordmo' })
  const guest = await openAs(browser, demoInvite(a), { name: 'Ada Lien' })
  for (const page of [facilitator, guest, bo]) {
    await page.getByTestId('note-item').filter({ hasText: NOTE }).click()
    await expect(editor(page)).toContainText('Offline-programmering fra CAD')
  }

  await editor(guest).click()
  await guest.keyboard.press('Control+End')
  await guest.keyboard.type(' Ada direkte.')
  await expect(editor(bo)).toContainText('Ada direkte.')
  await editor(bo).click()
  await bo.keyboard.press('Control+End')
  await bo.keyboard.type(' Bo via B.')
  await expect(editor(guest)).toContainText('Bo via B.')
  await expect(editor(facilitator)).toContainText('Ada direkte.')
  await expect(editor(facilitator)).toContainText('Bo via B.')
})

test('B shows its link to A: in sync, offline with changes waiting, then in sync again', async ({
  browser,
}) => {
  const bo = await joinOnB(browser)
  await bo.getByTestId('note-item').filter({ hasText: NOTE }).click()
  await expect(editor(bo)).toContainText('Offline-programmering fra CAD')
  await bo.getByTestId('peers-button').click()
  const panel = bo.getByTestId('peers-panel')
  const link = panel.getByTestId('peer-link')
  const unshared = panel.getByTestId('peers-unshared')
  await expect(link).toHaveAttribute('data-state', 'synced')
  await expect(link).toContainText('in sync')
  await expect(unshared).toHaveAttribute('data-count', '0')

  await a.stop()
  await expect(link).toHaveAttribute('data-state', 'connecting')
  await expect(link).toContainText('offline since')
  await bo.keyboard.press('Escape')
  await editor(bo).click()
  await bo.keyboard.press('Control+End')
  await bo.keyboard.type(' Skrevet mens A var borte.')
  await bo.getByTestId('peers-button').click()
  await expect(unshared).not.toHaveAttribute('data-count', '0')
  await expect(unshared).toContainText('not yet shared with any peer')
  await bo.screenshot({ path: shot('offline') })

  a = await startHub({ dataDir: a.dataDir, port: a.port })
  await expect(link).toHaveAttribute('data-state', 'synced', { timeout: 30_000 })
  await expect(unshared).toHaveAttribute('data-count', '0')
  await expect(unshared).toContainText('All changes are shared.')
  await bo.screenshot({ path: shot('synced') })
  const guest = await openAs(browser, demoInvite(a), { name: 'Ada Lien' })
  await guest.getByTestId('note-item').filter({ hasText: NOTE }).click()
  await expect(editor(guest)).toContainText('Skrevet mens A var borte.')
})

test('a view-only invite lets a guest read along; what it types never reaches the host', async ({
  browser,
}) => {
  const facilitator = await openAs(browser, a.ownerLink, { name: 'Kari Nordmo' })
  await facilitator.getByTestId('invite-button').click()
  const dialog = facilitator.getByTestId('invite-dialog')
  const editLink = await dialog.getByTestId('invite-link').inputValue()
  await dialog.getByTestId('view-only-switch').click()
  await expect(dialog.getByTestId('view-only-switch')).toHaveAttribute('aria-checked', 'true')
  await expect(dialog.getByTestId('invite-link')).not.toHaveValue(editLink)
  const viewLink = await dialog.getByTestId('invite-link').inputValue()
  await facilitator.keyboard.press('Escape')

  const reader = await openAs(browser, viewLink, { name: 'Lise Leser' })
  for (const page of [facilitator, reader]) {
    await page.getByTestId('note-item').filter({ hasText: NOTE }).click()
  }
  await editor(facilitator).click()
  await facilitator.keyboard.press('Control+End')
  await facilitator.keyboard.type(' Kari skriver.')
  await expect(editor(reader)).toContainText('Kari skriver.')

  // The link says view-only, so the reader gets nothing to edit (and so never a 4403).
  await expect(reader.getByTestId('view-only-badge')).toBeVisible()
  await expect(facilitator.getByTestId('view-only-badge')).toHaveCount(0)
  await expect(editor(reader)).toHaveAttribute('contenteditable', 'false')
  await expect(reader.getByTestId('note-title')).toHaveAttribute('readonly', '')
  await expect(reader.getByTestId('new-note')).toHaveCount(0)
  await editor(reader).click()
  await reader.keyboard.press('Control+End')
  await reader.keyboard.type(' Lise prøver.')
  await expect(editor(reader)).not.toContainText('Lise prøver.')
  await facilitator.waitForTimeout(500)
  await expect(editor(facilitator)).not.toContainText('Lise prøver.')
  // Nothing pending and never refused: `connected` is `saved` with others present.
  await expect(reader.getByTestId('sync-status')).toHaveAttribute(
    'data-state',
    /^(saved|connected)$/,
  )
})
