import { expect, test, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { newBoard, onCanvas } from './boardPages'
import { joinDemo } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/map-matches-${name}.png`

async function openMatches(page: Page): Promise<void> {
  await page.getByTestId('space-map').click()
  await page.getByTestId('map-view-matches').click()
  await expect(page.getByTestId('matches-view')).toBeVisible()
}

/** A need's card, by `<company>|<competence>`. */
function needCard(page: Page, key: string) {
  return page.locator(`[data-testid="match-need"][data-need-key="${key}"]`)
}

/** A match's row under its need, by `<need company>|<competence>|<offer company>`. */
function matchRow(page: Page, key: string) {
  return page.locator(`[data-testid="match-row"][data-match-key="${key}"]`)
}

function pipelineColumn(page: Page, status: string) {
  return page.locator(`[data-testid="pipeline-column"][data-status="${status}"]`)
}

const BINDERS_FROM_HIK = 'co-vestplate|cp-binders|co-hik'

test('needs come critical first with ranked, explained offers; a match marked by one participant shows in the pipeline for the other, who moves it on', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await ada.setViewportSize({ width: 1280, height: 900 })
  await openMatches(ada)
  await openMatches(bo)

  // Critical needs first; Vestplate's need for binders lists the university before Fjordmat
  // (both another industry; solid before some), each explained in one line.
  const needs = ada.getByTestId('match-need')
  const levels = needs.getByTestId('match-need-level')
  await expect(levels.first()).toHaveText('Critical')
  await expect(levels.nth(2)).toHaveText('Critical')
  await expect(levels.nth(3)).toHaveText('Important')
  await expect(levels.last()).toHaveText('Nice to have')
  const binders = needCard(ada, 'co-vestplate|cp-binders')
  await expect(binders.getByRole('heading')).toHaveText('Vestplate AS needs Bio-based binders')
  await expect(binders.getByTestId('match-row')).toHaveCount(2)
  await expect(binders.getByTestId('match-row').first()).toHaveAttribute(
    'data-match-key',
    BINDERS_FROM_HIK,
  )
  const hik = matchRow(ada, BINDERS_FROM_HIK)
  await expect(hik.getByTestId('match-explanation')).toHaveText(
    'Vestplate AS (panel maker) needs Bio-based binders (critical); Høgskolen i Kryssdalen (university) offers it (solid) — different industry',
  )
  await expect(hik.getByTestId('match-cross-industry')).toHaveText('Different industry')
  await expect(hik).toContainText('Offer: Solid')

  // Ada marks it contacted: her row says who and when.
  await hik.getByTestId('match-status').selectOption('contacted')
  await expect(hik.getByTestId('match-mark-info')).toHaveText('Contacted by Ada Lien just now')
  await ada.screenshot({ path: shot('needs-light') })

  // Bo sees it in the pipeline, in the "Contacted" column.
  await bo.getByTestId('matches-tab-pipeline').click()
  const boCard = pipelineColumn(bo, 'contacted').locator(
    `[data-testid="pipeline-card"][data-match-key="${BINDERS_FROM_HIK}"]`,
  )
  await expect(boCard).toBeVisible()
  await expect(boCard).toContainText('Bio-based binders')
  await expect(boCard).toContainText('Vestplate AS')
  await expect(boCard).toContainText('Høgskolen i Kryssdalen')
  await expect(boCard.getByTestId('match-mark-info')).toHaveText('Contacted by Ada Lien just now')
  await expect(bo.getByTestId('matches-tab-pipeline')).toContainText('1')

  // Bo moves it on: a project started. Ada's list and pipeline follow.
  await boCard.getByTestId('match-status').selectOption('project-started')
  await expect(
    pipelineColumn(bo, 'project-started').locator(
      `[data-testid="pipeline-card"][data-match-key="${BINDERS_FROM_HIK}"]`,
    ),
  ).toBeVisible()
  await expect(pipelineColumn(bo, 'contacted').getByTestId('pipeline-card')).toHaveCount(0)
  await expect(hik.getByTestId('match-status')).toHaveValue('project-started')
  await expect(hik.getByTestId('match-mark-info')).toHaveText('Project started by Bo Vik just now')
  // The tabs are keyboard-reachable: arrow keys move between them.
  await ada.getByTestId('matches-tab-needs').focus()
  await ada.keyboard.press('ArrowRight')
  await expect(ada.getByTestId('matches-tab-pipeline')).toHaveAttribute('aria-selected', 'true')
  await expect(ada.getByTestId('matches-tab-pipeline')).toBeFocused()
  await expect(
    pipelineColumn(ada, 'project-started').locator(
      `[data-testid="pipeline-card"][data-match-key="${BINDERS_FROM_HIK}"]`,
    ),
  ).toBeVisible()
  await ada.screenshot({ path: shot('pipeline-light') })

  // Back to none from the pipeline: the card leaves it for both.
  await bo
    .locator(`[data-testid="pipeline-card"][data-match-key="${BINDERS_FROM_HIK}"]`)
    .getByTestId('match-status')
    .selectOption('none')
  await expect(ada.getByTestId('pipeline-card')).toHaveCount(0)
})

test('filters: a company both ways, a competence, and "not relevant" hidden', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await openMatches(ada)

  // Fjordmat: its own needs with all offers, and others' needs it could answer, only its offer.
  await ada.getByTestId('matches-company').selectOption({ label: 'Fjordmat AS' })
  await expect(needCard(ada, 'co-fjordmat|cp-fibre')).toBeVisible()
  const heat = needCard(ada, 'co-vestplate|cp-heat')
  await expect(heat.getByTestId('match-row')).toHaveCount(1)
  await expect(heat.getByTestId('match-row')).toHaveAttribute(
    'data-match-key',
    'co-vestplate|cp-heat|co-fjordmat',
  )
  await expect(needCard(ada, 'co-lien|cp-robot')).toHaveCount(0)

  // A competence on top: only the needs for heat recovery that concern Fjordmat.
  await ada.getByTestId('matches-competence').selectOption({ label: 'Heat recovery' })
  await expect(ada.getByTestId('match-need')).toHaveCount(3)

  // Show all again, then mark Fjordmat's offer to Vestplate not relevant and hide those.
  await ada.getByRole('button', { name: 'Show all' }).click()
  await expect(ada.getByTestId('matches-company')).toHaveValue('all')
  const fjordmat = matchRow(ada, 'co-vestplate|cp-binders|co-fjordmat')
  await fjordmat.getByTestId('match-status').selectOption('not-relevant')
  await ada.getByTestId('matches-hide-not-relevant').check()
  await expect(fjordmat).toHaveCount(0)
  await expect(needCard(ada, 'co-vestplate|cp-binders').getByTestId('match-row')).toHaveCount(1)
  await ada.getByTestId('matches-tab-pipeline').click()
  await expect(pipelineColumn(ada, 'not-relevant')).toHaveCount(0)
  await ada.getByTestId('matches-hide-not-relevant').uncheck()
  await expect(pipelineColumn(ada, 'not-relevant').getByTestId('pipeline-card')).toHaveCount(1)

  // Dark theme, for a look.
  await ada.emulateMedia({ colorScheme: 'dark' })
  await ada.getByTestId('matches-tab-needs').click()
  await ada.screenshot({ path: shot('needs-dark') })
})

/** A sticky with `text`, placed with the rail's sticky tool; it stays selected. */
async function addSticky(page: Page, text: string): Promise<void> {
  await page.getByTestId('board-tool-sticky').click()
  const at = await onCanvas(page, { x: 320, y: 220 })
  await page.mouse.click(at.x, at.y)
  await expect(page.getByTestId('board-text-editor')).toBeVisible()
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('board-text-editor')).toHaveCount(0)
}

test('a workshop sticky promoted to a need shows on the company page, with where it came from', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await ada.setViewportSize({ width: 1280, height: 900 })
  await newBoard(ada, 'Verksted mars')

  // Nothing selected: the item says why it cannot be used.
  await ada.getByTestId('board-actions').click()
  await expect(ada.getByTestId('board-action-promote-map')).toHaveAttribute('data-disabled', '')
  await ada.keyboard.press('Escape')

  await addSticky(ada, 'Pulverlakk på stål')
  await ada.getByTestId('board-actions').click()
  await ada.getByTestId('board-action-promote-map').click()
  const dialog = ada.getByTestId('promote-map-dialog')
  await expect(dialog.getByTestId('promote-map-sticky')).toHaveText('Pulverlakk på stål')
  // Ada wrote it; her profile's company is Lien Møbelverk (AS in the map).
  await expect(dialog.getByTestId('promote-map-company')).toHaveValue('co-lien')
  // No competence has that name: a new one, named after the sticky.
  await expect(dialog.getByTestId('promote-map-competence')).toHaveValue('new')
  await expect(dialog.getByTestId('promote-map-new-name')).toHaveValue('Pulverlakk på stål')
  await dialog.getByTestId('promote-map-category').selectOption('processes')
  // A need, critical.
  await expect(dialog.getByTestId('promote-map-side-need')).toBeChecked()
  await dialog.getByTestId('promote-map-level-3').check()
  await expect(dialog.getByTestId('promote-map-comment')).toHaveText(
    /^From workshop board «Verksted mars» \d{4}-\d{2}-\d{2}, by Ada Lien$/,
  )
  await ada.screenshot({ path: shot('promote-dialog') })
  await dialog.getByTestId('promote-map-submit').click()
  await expect(dialog.getByTestId('promote-map-done')).toHaveText(
    'Lien Møbelverk AS now needs Pulverlakk på stål (Critical).',
  )

  // Bo, on Lien Møbelverk's page: the need, with its provenance.
  await bo.getByTestId('space-map').click()
  await bo.getByTestId('map-company-item').filter({ hasText: 'Lien Møbelverk AS' }).click()
  const needs = bo.getByTestId('company-needs')
  const row = needs.getByRole('listitem').filter({ hasText: 'Pulverlakk på stål' })
  await expect(row).toContainText('Critical')
  await expect(row).toContainText(/From workshop board «Verksted mars» .*, by Ada Lien/)
  // And in his matches: a critical need nobody offers yet.
  await bo.getByTestId('map-view-matches').click()
  const need = bo.locator('[data-testid="match-need"]').filter({ hasText: 'Pulverlakk på stål' })
  await expect(need).toContainText('No other company offers this yet.')

  // Ada goes to the company page from the dialog.
  await dialog.getByTestId('promote-map-open-company').click()
  await expect(ada.getByTestId('company-page').getByRole('heading', { level: 1 })).toHaveText(
    'Lien Møbelverk AS',
  )
  await expect(ada.getByTestId('company-needs')).toContainText('Pulverlakk på stål')
})
