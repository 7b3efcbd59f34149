import { expect, test, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { openAs } from './participants'

/**
 * The Competences view with a large vocabulary (renderer/src/map/vocabulary/VocabularyTable.tsx):
 * 1,200 competences imported from a spreadsheet next to the example's ten. Only a screenful
 * of rows is in the page, yet every one can be reached — by the filter, by scrolling, by Tab —
 * the category scrolled through stays pinned under the column titles, and a row being edited
 * stays when it is scrolled away.
 */

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/map-vocabulary-large-${name}.png`

const IMPORTED = 1200
const CATEGORIES = ['materials', 'processes', 'energy', 'logistics', 'digital', 'other']

/** competences.csv: "Kompetanse 0000" … in six categories, some with synonyms. */
function competencesCsv(): string {
  const lines = ['id,name_nb,name_en,category,synonyms,esco']
  for (let i = 0; i < IMPORTED; i++) {
    const n = String(i).padStart(4, '0')
    const synonyms = i % 5 === 0 ? `synonym ${n}a; synonym ${n}b` : ''
    lines.push(`,Kompetanse ${n},Competence ${n},${CATEGORIES[i % 6]},${synonyms},`)
  }
  return `${lines.join('\n')}\n`
}

const rows = (page: Page) => page.getByTestId('vocab-row')

/** Where a locator's box is, relative to the viewport. */
async function top(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox()
  if (box === null) throw new Error(`${selector} is not shown`)
  return box.y
}

test('a vocabulary of 1,210 competences: a screenful in the page, every one reachable by filter, scroll and Tab; the scrolled category pinned', async ({
  browser,
}) => {
  const page = await openAs(browser, hub.ownerLink, { name: 'Kari Kryss' })
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByTestId('space-map').click()
  await page.getByTestId('map-view-vocabulary').click()
  await expect(page.getByTestId('vocab-count')).toHaveText('10 competences')

  await page.getByTestId('map-menu').click()
  await page.getByRole('menuitem', { name: 'Import spreadsheets…' }).click()
  const importer = page.getByTestId('csv-import-dialog')
  await importer.getByTestId('csv-import-input').setInputFiles({
    name: 'competences.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(competencesCsv()),
  })
  await expect(importer.getByTestId('csv-import-competences')).toContainText(/1,?200 new/)
  await importer.getByTestId('csv-import-confirm').click()
  await expect(importer.getByTestId('csv-import-status')).toContainText(/1,?200 competences/)
  await importer.getByTestId('csv-import-close').click()

  await expect(page.getByTestId('vocab-count')).toHaveText('1,210 competences')
  // A screenful (and a few around it), not all of them.
  const rendered = await rows(page).count()
  expect(rendered).toBeGreaterThan(5)
  expect(rendered).toBeLessThan(60)
  await expect(page.getByTestId('vocab-table')).toHaveAttribute('aria-rowcount', /^\d+$/)

  // The filter finds one far down.
  await page.getByTestId('vocab-filter').fill('Kompetanse 1187')
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).getByTestId('vocab-name')).toHaveValue('Kompetanse 1187')
  await page.getByTestId('vocab-filter').fill('')

  // Scrolled to the end: the last row is there, under the category it belongs to, pinned.
  const scroller = page.locator('.vocab-scroll')
  await scroller.evaluate((element) => {
    element.scrollTop = element.scrollHeight
  })
  const last = rows(page).last()
  await expect(last).toBeInViewport()
  const lastCategory = await last.getByTestId('vocab-category').inputValue()
  const pinned = page.locator('.vocab-group.is-pinned')
  await expect(pinned).toHaveCount(1)
  // The row stays where it was; its header cell is what sticks.
  await expect(pinned.locator('th')).toBeInViewport()
  const pinnedCategory = await pinned
    .locator('xpath=ancestor::tbody[1]')
    .getAttribute('data-category')
  expect(pinnedCategory).toBe(lastCategory)
  // Pinned right under the column titles.
  const titlesBottom = await page
    .locator('.vocab-table thead th')
    .first()
    .evaluate((element) => element.getBoundingClientRect().bottom)
  expect(Math.abs((await top(page, '.vocab-group.is-pinned th')) - titlesBottom)).toBeLessThan(2)
  await page.screenshot({ path: shot('end') })

  // Back at the top, Tab walks down past the rows that were first in the page.
  await scroller.evaluate((element) => {
    element.scrollTop = 0
  })
  const firstIds = await rows(page).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-competence-id')),
  )
  await rows(page).first().getByTestId('vocab-name').focus()
  // Six or more stops a row (two labels, synonyms and "+", ESCO, category, menu): ten a row
  // is past the rows that were first in the page, whatever synonyms they have.
  for (let i = 0; i < firstIds.length * 10; i++) await page.keyboard.press('Tab')
  const focusedId = await page
    .locator('[data-testid="vocab-row"]:has(:focus)')
    .getAttribute('data-competence-id')
  expect(firstIds).not.toContain(focusedId)
  await expect(page.locator(':focus')).toBeInViewport()

  // A name half typed stays, with focus, when its row is scrolled far away.
  const editedRow = page.locator(`[data-testid="vocab-row"][data-competence-id="${focusedId}"]`)
  await editedRow.getByTestId('vocab-name').focus()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('Halvskrevet')
  await scroller.evaluate((element) => {
    element.scrollTop = element.scrollHeight / 2
  })
  await expect(editedRow).toHaveCount(1)
  await expect(editedRow).not.toBeInViewport()
  await expect(page.locator(':focus')).toHaveValue('Halvskrevet')
  await expect(page.locator(':focus')).toHaveAttribute('data-testid', 'vocab-name')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('vocab-count')).toHaveText('1,210 competences')
})
