import { expect, test, type Browser, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { joinDemo } from './participants'
import { onCanvas } from './boardPages'

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

  // Presenting hides the header, not the timer: it shows over the board.
  await bo.getByTestId('present').click()
  await expect(bo.getByTestId('facilitation-bar')).toBeHidden()
  await expect(bo.getByTestId('present-timer')).toHaveText(/^00:[0-5]\d$/)
  await bo.screenshot({ path: shot('timer-presenting') })
  await bo.keyboard.press('Escape')
  await expect(bo.getByTestId('facilitation-bar')).toBeVisible()
  await expect(bo.getByTestId('present-timer')).toHaveCount(0)

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

/** A sticky with `text`, placed by a double click at (x, y) on the canvas. */
async function addSticky(page: Page, x: number, y: number, text: string): Promise<void> {
  const at = await onCanvas(page, { x: x, y: y })
  await page.mouse.dblclick(at.x, at.y)
  const editor = page.getByTestId('board-text-editor')
  await expect(editor).toBeVisible()
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await expect(editor).toHaveCount(0)
}

async function click(page: Page, x: number, y: number): Promise<void> {
  const at = await onCanvas(page, { x: x, y: y })
  await page.mouse.click(at.x, at.y)
}

async function startFacilitating(ada: Page, others: Page[]): Promise<void> {
  await ada.getByTestId('facilitation-start').click()
  for (const page of others) {
    await expect(page.getByTestId('facilitator')).toHaveText('Facilitator: Ada Lien')
  }
}

test('a voting round with 3 dots each: the 4th is refused, results open for everyone at the end', async ({
  browser,
}) => {
  const { ada, bo, cy } = await workshop(browser, 'Prioritering')
  await addSticky(ada, 300, 240, 'Felles verksted')
  await addSticky(ada, 620, 240, 'Delt laserkutter')
  await startFacilitating(ada, [bo, cy])

  await ada.getByTestId('voting-button').click()
  await expect(ada.getByTestId('voting-budget')).toHaveValue('3')
  await ada.screenshot({ path: shot('voting-setup') })
  await ada.getByTestId('voting-start').click()
  for (const page of [ada, bo, cy]) {
    await expect(page.getByTestId('voting-status')).toHaveText('Voting: 3 of 3 dots left')
  }
  await ada.screenshot({ path: shot('voting-open-facilitator') })
  await ada.setViewportSize({ width: 1024, height: 700 })
  await ada.screenshot({ path: shot('voting-open-narrow') })
  await ada.setViewportSize({ width: 1280, height: 720 })

  // Bo spends all three dots on one sticky; a fourth is refused.
  for (const left of [2, 1]) {
    await click(bo, 300, 240)
    await expect(bo.getByTestId('voting-status')).toHaveText(`Voting: ${left} of 3 dots left`)
  }
  await click(bo, 300, 240)
  await expect(bo.getByTestId('voting-status')).toHaveText('Voting: all 3 dots used')
  await click(bo, 620, 240)
  await bo.waitForTimeout(500)
  await expect(bo.getByTestId('voting-status')).toHaveText('Voting: all 3 dots used')
  await bo.screenshot({ path: shot('voting-all-used') })
  // Cy gives one to the other sticky, and takes one back with Alt+click after a second.
  await click(cy, 620, 240)
  await click(cy, 300, 240)
  await expect(cy.getByTestId('voting-status')).toHaveText('Voting: 1 of 3 dots left')
  const at = await onCanvas(cy, { x: 300, y: 240 })
  await cy.keyboard.down('Alt')
  await cy.mouse.click(at.x, at.y)
  await cy.keyboard.up('Alt')
  await expect(cy.getByTestId('voting-status')).toHaveText('Voting: 2 of 3 dots left')
  // Nobody sees counts while the round is open: only the facilitator's "people voted".
  await ada.getByTestId('voting-button').click()
  await expect(ada.getByTestId('voting-popover')).toContainText('2 people have voted so far.')
  await expect(ada.getByTestId('voting-results')).toHaveCount(0)
  await ada.keyboard.press('Escape')

  await ada.getByTestId('voting-end').click()
  for (const page of [ada, bo, cy]) {
    await expect(page.getByTestId('voting-status')).toHaveText('Results')
    const results = page.getByTestId('voting-results')
    await expect(results).toBeVisible()
    await expect(page.getByTestId('voting-result')).toHaveCount(2)
    await expect(page.getByTestId('voting-result').nth(0)).toContainText('Felles verksted')
    await expect(page.getByTestId('voting-result-count').nth(0)).toHaveText('3')
    await expect(page.getByTestId('voting-result').nth(0)).toContainText('Bo Vik ×3')
    await expect(page.getByTestId('voting-result').nth(1)).toContainText('Delt laserkutter')
    await expect(page.getByTestId('voting-result-count').nth(1)).toHaveText('1')
  }
  await cy.screenshot({ path: shot('voting-results') })

  // A result shows its sticky on the board, selected.
  await cy.getByTestId('voting-result').nth(1).click()
  await expect(cy.getByTestId('board-announcer')).toContainText('Delt laserkutter')
})

test('private mode hides a participant’s sticky from the others until the facilitator reveals it', async ({
  browser,
}) => {
  const { ada, bo, cy } = await workshop(browser, 'Stille idémyldring')
  await startFacilitating(ada, [bo, cy])
  for (const page of [bo, cy]) await expect(page.getByTestId('private-notice')).toHaveCount(0)

  await ada.getByTestId('private-mode').click()
  await ada.getByRole('menuitem', { name: 'Turn on private mode' }).click()
  for (const page of [ada, bo, cy]) {
    await expect(page.getByTestId('private-notice')).toContainText(
      'new stickies are hidden from others until the facilitator reveals them',
    )
    await expect(page.getByTestId('private-notice')).toContainText(
      'A courtesy, not encryption: every device in the workshop holds the whole board.',
    )
  }
  await expect(ada.getByTestId('private-reveal')).toHaveText('Nothing is hidden yet')

  await addSticky(bo, 400, 260, 'Hemmelig idé')
  await expect(bo.getByTestId('board-empty-hint')).toHaveCount(0)
  await expect(ada.getByTestId('private-reveal')).toHaveText('Reveal all (1 hidden)')
  // Neither Cy nor the facilitator sees it: their boards are still empty.
  await cy.waitForTimeout(500)
  await expect(cy.getByTestId('board-empty-hint')).toBeVisible()
  await expect(ada.getByTestId('board-empty-hint')).toBeVisible()
  await bo.screenshot({ path: shot('private-participant') })
  await ada.screenshot({ path: shot('private-facilitator') })
  await ada.emulateMedia({ colorScheme: 'dark' })
  await ada.getByTestId('private-mode').click()
  await ada.screenshot({ path: shot('private-facilitator-dark') })
  await ada.keyboard.press('Escape')

  await ada.getByTestId('private-reveal').click()
  await expect(cy.getByTestId('board-empty-hint')).toHaveCount(0)
  await cy.getByTestId('board-canvas').focus()
  await cy.keyboard.press('Tab')
  await expect(cy.getByTestId('board-announcer')).toContainText('Hemmelig idé')

  // Off: the notice goes for everyone.
  await ada.getByTestId('private-mode').click()
  await ada.getByRole('menuitem', { name: 'Turn off and reveal all' }).click()
  for (const page of [ada, bo, cy]) await expect(page.getByTestId('private-notice')).toHaveCount(0)
})

test('"bring everyone to me" moves the others’ view; follow goes with a person until I move', async ({
  browser,
}) => {
  const { ada, bo, cy } = await workshop(browser, 'Kartlegging')
  await addSticky(ada, 300, 240, 'Her')
  await startFacilitating(ada, [bo, cy])
  const zoom = (page: Page) => page.getByTestId('board-zoom-percent')
  for (const page of [ada, bo, cy]) await expect(zoom(page)).toHaveText('100%')

  // Only the facilitator may bring everyone.
  await bo.getByTestId('people-button').click()
  await expect(bo.getByRole('menuitem', { name: 'Bring everyone to me' })).toHaveCount(0)
  await bo.keyboard.press('Escape')

  await ada.getByTestId('board-zoom-out').click()
  await ada.getByTestId('board-zoom-out').click()
  const adaZoom = await zoom(ada).textContent()
  expect(adaZoom).not.toBe('100%')
  await ada.getByTestId('people-button').click()
  await ada.screenshot({ path: shot('people-menu') })
  await ada.getByRole('menuitem', { name: 'Bring everyone to me' }).click()
  await expect(ada.getByTestId('facilitation-toast')).toHaveText(
    'Everyone was brought to your view',
  )
  for (const page of [bo, cy]) {
    await expect(zoom(page)).toHaveText(adaZoom ?? '')
    await expect(page.getByTestId('facilitation-toast')).toHaveText(
      'Ada Lien brought everyone here',
    )
  }
  await bo.screenshot({ path: shot('brought') })

  // Bo follows Cy: Cy zooms in twice, Bo's view goes along.
  await bo.getByTestId('people-button').click()
  await bo.getByRole('menuitem', { name: 'Follow Cy Dahl' }).click()
  await expect(bo.getByTestId('following')).toContainText('Following Cy Dahl')
  await cy.getByTestId('board-zoom-in').click()
  await cy.getByTestId('board-zoom-in').click()
  const cyZoom = await zoom(cy).textContent()
  await expect(zoom(bo)).toHaveText(cyZoom ?? '')
  await bo.screenshot({ path: shot('following') })
  // Bo zooms himself: following ends.
  await bo.getByTestId('board-zoom-in').click()
  await expect(bo.getByTestId('following')).toHaveCount(0)
  await cy.getByTestId('board-zoom-out').click()
  await expect(zoom(cy)).not.toHaveText(cyZoom ?? '')
  await bo.waitForTimeout(300)
  await expect(zoom(bo)).not.toHaveText((await zoom(cy).textContent()) ?? '')

  // Esc stops following too.
  await bo.getByTestId('people-button').click()
  await bo.getByRole('menuitem', { name: 'Follow Cy Dahl' }).click()
  await expect(bo.getByTestId('following')).toBeVisible()
  await bo.getByTestId('board-canvas').focus()
  await bo.keyboard.press('Escape')
  await expect(bo.getByTestId('following')).toHaveCount(0)
})

test('the facilitator hands the role over; when the facilitator leaves, someone else takes over', async ({
  browser,
}) => {
  const { ada, bo, cy } = await workshop(browser, 'Rollebytte')
  await startFacilitating(ada, [bo, cy])
  // Ada is here: nobody can take the role from her.
  await expect(bo.getByTestId('facilitator')).toHaveJSProperty('tagName', 'SPAN')

  // A narrower window: the bar still fits the header.
  await ada.setViewportSize({ width: 1024, height: 700 })
  await ada.screenshot({ path: shot('bar-narrow') })
  await ada.setViewportSize({ width: 1280, height: 720 })

  await ada.getByTestId('facilitator').click()
  await ada.screenshot({ path: shot('session-menu') })
  await ada.getByRole('menuitem', { name: 'Hand over to Bo Vik' }).click()
  await expect(bo.getByTestId('facilitator')).toHaveText(/You facilitate/)
  await expect(ada.getByTestId('facilitator')).toHaveText('Facilitator: Bo Vik')
  await expect(cy.getByTestId('facilitator')).toHaveText('Facilitator: Bo Vik')
  await expect(bo.getByTestId('voting-button')).toBeVisible()
  await expect(ada.getByTestId('voting-button')).toHaveCount(0)

  // Bo leaves: Cy sees him gone and takes over.
  await bo.context().close()
  await expect(cy.getByTestId('facilitator')).toHaveText(/Facilitator: Bo Vik \(not here\)/)
  await cy.getByTestId('facilitator').click()
  await cy.getByRole('menuitem', { name: 'Take over facilitating' }).click()
  await expect(cy.getByTestId('facilitator')).toHaveText(/You facilitate/)
  await expect(ada.getByTestId('facilitator')).toHaveText('Facilitator: Cy Dahl')
})
