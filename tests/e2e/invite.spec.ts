import { networkInterfaces } from 'node:os'
import { expect, test, type Page } from '@playwright/test'
import { decodeInviteLink } from '../../shared/invite'
import { startHub, type RunningHub } from './hub'
import { openAs } from './participants'

let hub: RunningHub

/**
 * The dialog shows a QR code only for links others can reach, i.e. when this machine has a LAN
 * address. Without one (a sandbox with no network) the QR checks are skipped, and say so.
 */
const hasLanAddress = Object.values(networkInterfaces()).some((infos) =>
  (infos ?? []).some((info) => info.family === 'IPv4' && !info.internal),
)

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

async function inviteLink(page: Page): Promise<string> {
  const link = await page.getByTestId('invite-link').inputValue()
  const decoded = decodeInviteLink(link)
  expect(decoded.ok, `"${link}" decodes as an invite`).toBe(true)
  return link
}

test('the owner shares on the network, shows the QR code, and a new link locks the old one out', async ({
  browser,
}) => {
  const owner = await openAs(browser, hub.ownerLink, { name: 'Kari Nordmo' })
  await expect(owner.getByTestId('note-list')).toBeVisible()

  await owner.getByTestId('invite-button').click()
  const dialog = owner.getByTestId('invite-dialog')
  await expect(dialog).toBeVisible()
  const hostingSwitch = dialog.getByTestId('hosting-switch')
  await expect(hostingSwitch).toHaveAttribute('aria-checked', 'false')
  await hostingSwitch.click()
  await expect(hostingSwitch).toHaveAttribute('aria-checked', 'true')

  if (!hasLanAddress) {
    console.warn('[invite.spec] no LAN address on this machine: the QR code checks are skipped')
  } else {
    const qr = dialog.locator('svg[data-testid="invite-qr"]')
    await expect(qr).toBeVisible()
    // Big enough to scan from a distance: most of the dialog's width (more on taller screens;
    // the default 720 px viewport is about the least it gets), and "Show large" fills the window.
    const qrBox = await qr.boundingBox()
    const dialogBox = await dialog.boundingBox()
    expect(qrBox && dialogBox && qrBox.width / dialogBox.width).toBeGreaterThan(0.55)
    await dialog.getByTestId('invite-show-large').click()
    const largeBox = await owner.getByTestId('invite-qr').boundingBox()
    expect(largeBox?.height).toBeGreaterThan(480)
    await owner.getByTestId('invite-show-small').click()

    // While hosting, the link leads with the LAN address (the hub itself listens on loopback).
    await expect(dialog.getByTestId('invite-link')).not.toHaveValue(/^http:\/\/127\.0\.0\.1:/)
  }
  const oldLink = await inviteLink(owner)

  const early = await openAs(browser, oldLink, { name: 'Bo Vik' })
  await expect(early.getByTestId('note-list')).toBeVisible()
  await expect(early.getByTestId('sync-status')).toHaveAttribute('data-state', /saved|connected/)

  await dialog.getByTestId('invite-rotate').click()
  await dialog.getByTestId('invite-rotate-confirm').click()
  await expect(dialog.getByTestId('invite-link')).not.toHaveValue(oldLink)
  const newLink = await inviteLink(owner)

  // The guest on the old link is disconnected and told so; the owner stays connected.
  await expect(early.getByTestId('sync-status')).toHaveAttribute('data-state', 'refused')
  await expect(owner.getByTestId('sync-status')).toHaveAttribute('data-state', /saved|connected/)

  const late = await openAs(browser, oldLink, { name: 'Eva Berg' })
  await expect(late.getByTestId('sync-status')).toHaveAttribute('data-state', /offline|refused/)
  await expect(late.getByTestId('note-item')).toHaveCount(0)

  const welcome = await openAs(browser, newLink, { name: 'Ola Dahl' })
  await expect(welcome.getByTestId('sync-status')).toHaveAttribute('data-state', /saved|connected/)
  await expect(welcome.getByTestId('note-item').first()).toBeVisible()
})

test('guests see no Invite button', async ({ browser }) => {
  const [invite] = hub.invites.values()
  const guest = await openAs(browser, invite as string, { name: 'Bo Vik' })
  await expect(guest.getByTestId('note-list')).toBeVisible()
  await expect(guest.getByTestId('sync-status')).toHaveAttribute('data-state', /saved|connected/)
  await expect(guest.getByTestId('invite-button')).toHaveCount(0)
})
