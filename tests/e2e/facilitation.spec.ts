import { expect, test, type Browser, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { joinDemo } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/facilitation-${name}.png`

type Workshop = { ada: Page; bo: Page; cy: Page }

/**
 * Ada (who will facilitate) makes a blank board; Bo and Cy open it from their lists. All three
 * see the board screen with its facilitation bar.
 */
async function workshop(browser: Browser, title: string): Promise<Workshop> {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  const cy = await joinDemo(browser, hub, { name: 'Cy Dahl', company: 'Nordtre' })
  await ada.getByTestId('space-boards').click()
  await ada.getByTestId('new-board').click()
  await ada.getByTestId('board-template-blank').click()
  await ada.getByTestId('new-board-title').fill(title)
  await ada.getByTestId('new-board-create').click()
  await expect(ada.getByTestId('facilitation-bar')).toBeVisible()
  for (const page of [bo, cy]) {
    await page.getByTestId('space-boards').click()
    await page.getByTestId('board-item').filter({ hasText: title }).click()
    await expect(page.getByTestId('facilitation-bar')).toBeVisible()
  }
  for (const page of [ada, bo, cy]) await expect(page.getByTestId('board-peer')).toHaveCount(2)
  return { ada, bo, cy }
}

test('the facilitator starts a timer that everyone sees count down, pause and end', async ({
  browser,
}) => {
  const { ada, bo, cy } = await workshop(browser, 'Idémyldring')

  // Nobody facilitates yet: anyone may start. Ada does; the others see her as facilitator.
  await expect(bo.getByTestId('facilitation-start')).toBeVisible()
  await ada.screenshot({ path: shot('bar-no-facilitator') })
  await ada.getByTestId('facilitation-start').click()
  await expect(ada.getByTestId('facilitator')).toHaveText(/You facilitate/)
  for (const page of [bo, cy]) {
    await expect(page.getByTestId('facilitator')).toHaveText('Facilitator: Ada Lien')
    await expect(page.getByTestId('facilitation-start')).toHaveCount(0)
    // The timer is not set: participants have nothing to see or press.
    await expect(page.getByTestId('timer')).toHaveCount(0)
  }

  await ada.getByTestId('timer-button').click()
  await expect(ada.getByTestId('timer-popover')).toBeVisible()
  await ada.screenshot({ path: shot('timer-popover') })
  await ada.getByTestId('timer-preset-1').click()
  for (const page of [ada, bo, cy]) {
    await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'running')
    await expect(page.getByTestId('timer-time')).toHaveText(/^00:(5\d|60)$|^01:00$/)
  }
  // It counts down on every screen.
  const before = await bo.getByTestId('timer-time').textContent()
  await expect(bo.getByTestId('timer-time')).not.toHaveText(before ?? '')
  // Participants have no controls.
  await expect(bo.getByTestId('timer-pause')).toHaveCount(0)
  await ada.screenshot({ path: shot('timer-running-facilitator') })
  await bo.screenshot({ path: shot('timer-running-participant') })

  await ada.getByTestId('timer-pause').click()
  for (const page of [ada, bo, cy]) {
    await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'paused')
  }
  const paused = await cy.getByTestId('timer-time').textContent()
  await cy.waitForTimeout(1500)
  await expect(cy.getByTestId('timer-time')).toHaveText(paused ?? '')

  // +1 min while paused, then a custom 0.05 minutes (3 s) that runs out for everyone.
  await ada.getByTestId('timer-extend').click()
  await expect(bo.getByTestId('timer-time')).toHaveText(/^01:(5\d)$|^02:00$/)
  await ada.getByTestId('timer-button').click()
  await ada.getByTestId('timer-custom').fill('0,05')
  await ada.getByTestId('timer-custom-start').click()
  for (const page of [ada, bo, cy]) {
    await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'done', {
      timeout: 8000,
    })
    await expect(page.getByTestId('timer-button')).toHaveText("Time's up")
    await expect(page.getByTestId('facilitation-toast')).toHaveText("Time's up")
  }
  await bo.screenshot({ path: shot('timer-done') })

  await ada.getByTestId('timer-stop').click()
  for (const page of [bo, cy]) await expect(page.getByTestId('timer')).toHaveCount(0)
})
