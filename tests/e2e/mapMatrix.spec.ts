import { expect, test, type Locator, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { joinDemo, openAs } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/map-matrix-${name}.png`

async function openMatrix(page: Page): Promise<void> {
  await page.getByTestId('space-map').click()
  await page.getByTestId('map-view-matrix').click()
  await expect(page.getByRole('grid', { name: /companies and competences/ })).toBeVisible()
}

/** A cell, found by its label ("Company × Competence: …"), as a screen reader finds it. */
function cell(page: Page, company: string, competence: string): Locator {
  return page.getByRole('gridcell', { name: `${company} × ${competence}:`, exact: false })
}

function editor(page: Page): Locator {
  return page.getByTestId('matrix-editor')
}

async function setLevel(page: Page, side: 'offer' | 'need', level: string): Promise<void> {
  await editor(page).getByTestId(`matrix-editor-${side}`).getByText(level, { exact: true }).click()
}

test('two participants edit the matrix at once — different cells, and the offer and the need of one cell — and see each other’s changes live', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await openMatrix(ada)
  await openMatrix(bo)

  // Different cells, both editors open at the same time.
  await cell(ada, 'Lien Møbelverk AS', 'Laser cutting').click()
  await cell(bo, 'Fjordmat AS', 'Robot cells for small batches').click()
  await expect(editor(ada)).toBeVisible()
  await expect(editor(bo)).toBeVisible()
  await expect(cell(ada, 'Lien Møbelverk AS', 'Laser cutting')).toHaveAttribute(
    'aria-expanded',
    'true',
  )
  // Each sees where the other is (awareness, not the document).
  await expect(cell(bo, 'Lien Møbelverk AS', 'Laser cutting')).toHaveAttribute(
    'aria-label',
    /open for Ada Lien/,
  )
  await expect(cell(ada, 'Fjordmat AS', 'Robot cells for small batches')).toHaveAttribute(
    'data-peer',
    '',
  )
  await Promise.all([setLevel(ada, 'offer', 'Expert'), setLevel(bo, 'need', 'Critical')])
  await expect(cell(ada, 'Fjordmat AS', 'Robot cells for small batches')).toHaveAttribute(
    'aria-label',
    'Fjordmat AS × Robot cells for small batches: needs critical, open for Bo Vik',
  )
  await expect(cell(bo, 'Lien Møbelverk AS', 'Laser cutting')).toHaveAttribute(
    'aria-label',
    'Lien Møbelverk AS × Laser cutting: offers expert, needs important, open for Ada Lien',
  )
  await ada.keyboard.press('Escape')
  await bo.keyboard.press('Escape')
  await expect(editor(ada)).toHaveCount(0)
  await expect(cell(bo, 'Lien Møbelverk AS', 'Laser cutting')).not.toHaveAttribute('data-peer', '')

  // One cell: Ada sets its offer while Bo sets its need; both stay.
  const heat = (page: Page) => cell(page, 'Vestplate AS', 'Heat recovery')
  await expect(heat(ada)).toHaveAttribute(
    'aria-label',
    'Vestplate AS × Heat recovery: needs important, has a comment',
  )
  await heat(ada).click()
  await heat(bo).click()
  await expect(editor(ada).getByTestId('matrix-editor-peers')).toHaveText(
    'Also has this cell open: Bo Vik',
  )
  await Promise.all([setLevel(ada, 'offer', 'Solid'), setLevel(bo, 'need', 'Critical')])
  // The open editors follow the other's edit.
  await expect(editor(ada).getByRole('radio', { name: 'Critical' })).toBeChecked()
  await expect(editor(bo).getByRole('radio', { name: 'Solid' })).toBeChecked()
  await expect(editor(ada).getByRole('radio', { name: 'Solid' })).toBeChecked()

  // A comment is written when its field is left; an evidence note is linked from the notes.
  await editor(ada).getByTestId('matrix-editor-comment').fill('Tørkeluft til ovnene, 80 °C.')
  await editor(ada).getByTestId('matrix-evidence-add').click()
  const picker = ada.getByTestId('matrix-evidence-picker')
  await picker.getByRole('combobox', { name: 'Link a note' }).fill('sponplatetørken')
  await picker.getByRole('option', { name: 'Spillvarme fra sponplatetørken' }).click()
  await expect(picker).toHaveCount(0)
  await expect(editor(ada).getByTestId('matrix-evidence')).toContainText(
    'Spillvarme fra sponplatetørken',
  )
  await expect(editor(bo).getByTestId('matrix-evidence')).toContainText(
    'Spillvarme fra sponplatetørken',
  )
  await expect(editor(bo).getByTestId('matrix-editor-comment')).toHaveValue(
    'Tørkeluft til ovnene, 80 °C.',
  )
  await expect(editor(bo)).toContainText('Edited just now by Ada Lien')
  await ada.screenshot({ path: shot('two-editing') })
  await ada.keyboard.press('Escape')
  await bo.keyboard.press('Escape')
  for (const page of [ada, bo]) {
    await expect(heat(page)).toHaveAttribute(
      'aria-label',
      'Vestplate AS × Heat recovery: offers solid, needs critical, has a comment, 1 evidence note',
    )
  }

  // The evidence link opens the note.
  await heat(bo).click()
  await editor(bo)
    .getByRole('button', { name: 'Spillvarme fra sponplatetørken', exact: true })
    .click()
  await expect(bo.getByTestId('note-title')).toHaveValue('Spillvarme fra sponplatetørken')
})

test('the grid is keyboard-driven, filters narrow it, and it reads in light and dark', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await openMatrix(ada)

  // Tab into the grid lands on its one tabbable cell: the first.
  const first = cell(ada, 'Aune Bygg AS', 'Bio-based binders')
  await first.focus()
  await expect(first).toBeFocused()
  await ada.keyboard.press('ArrowRight')
  await ada.keyboard.press('ArrowDown')
  const moved = cell(ada, 'Embla Emballasje AS', 'Moisture protection in mass timber')
  await expect(moved).toBeFocused()
  await expect(moved).toHaveAttribute('tabindex', '0')
  await expect(first).toHaveAttribute('tabindex', '-1')
  // Down past the last material: the category header row is stepped over.
  await ada.keyboard.press('ArrowDown')
  await ada.keyboard.press('ArrowDown')
  await expect(cell(ada, 'Embla Emballasje AS', 'Laser cutting')).toBeFocused()

  // Enter opens the editor on the offer level; arrows there change it; Escape goes back.
  await ada.keyboard.press('Enter')
  await expect(editor(ada).getByRole('radio', { name: 'None' }).first()).toBeFocused()
  await ada.keyboard.press('ArrowRight')
  await expect(editor(ada).getByRole('radio', { name: 'Some' })).toBeChecked()
  await ada.keyboard.press('Escape')
  await expect(editor(ada)).toHaveCount(0)
  const laser = cell(ada, 'Embla Emballasje AS', 'Laser cutting')
  await expect(laser).toBeFocused()
  await expect(laser).toHaveAttribute(
    'aria-label',
    'Embla Emballasje AS × Laser cutting: offers some',
  )

  // Up from the first row is the company header row; Enter there opens the company.
  await ada.keyboard.press('Control+Home')
  await ada.keyboard.press('ArrowUp')
  await expect(ada.getByRole('columnheader', { name: 'Aune Bygg AS, Construction' })).toBeFocused()
  await ada.keyboard.press('Enter')
  await expect(ada.getByTestId('company-page')).toBeVisible()
  await ada.getByTestId('map-view-matrix').click()

  // Filters: a synonym finds its competence; industry narrows the companies; needs only.
  const count = ada.getByTestId('matrix-count')
  await expect(count).toContainText('10 of 10 competences · 10 of 10 companies')
  await ada.getByTestId('matrix-search').fill('spillvarme')
  await expect(ada.getByRole('rowheader', { name: 'Heat recovery' })).toBeVisible()
  await expect(ada.getByRole('row')).toHaveCount(3)
  await expect(count).toContainText('1 of 10 competences')
  await ada.getByTestId('matrix-clear').click()
  await ada.getByTestId('matrix-industry').selectOption('food')
  await expect(ada.getByRole('columnheader', { name: /, Food$/ })).toHaveCount(2)
  await ada.getByTestId('matrix-sides').getByText('Needs').click()
  await ada.getByTestId('matrix-only-filled').check()
  await expect(count).toContainText('3 of 10 competences · 2 of 10 companies')
  await expect(cell(ada, 'Fjordmat AS', 'Starch chemistry')).toHaveCount(0)
  await expect(cell(ada, 'Fjordmat AS', 'Moulded fibre')).toHaveAttribute(
    'aria-label',
    'Fjordmat AS × Moulded fibre: needs important, has a comment',
  )
  await ada.getByTestId('matrix-clear').click()
  await expect(count).toContainText('10 of 10 competences · 10 of 10 companies')

  for (const scheme of ['light', 'dark'] as const) {
    await ada.emulateMedia({ colorScheme: scheme })
    await cell(ada, 'Vestplate AS', 'Bio-based binders').hover()
    await expect(ada.getByTestId('matrix-tooltip')).toContainText('Needs: Critical')
    await ada.screenshot({ path: shot(`grid-${scheme}`) })
    await cell(ada, 'Vestplate AS', 'Bio-based binders').click()
    await expect(editor(ada)).toBeVisible()
    await ada.screenshot({ path: shot(`editor-${scheme}`) })
    await ada.keyboard.press('Escape')
  }
  // Clicked as soon as the pointer arrives: the editor opens, and the cell's tooltip, due once
  // the pointer has rested, does not show up over it.
  await cell(ada, 'Fjordmat AS', 'Bio-based binders').click()
  await expect(editor(ada)).toBeVisible()
  await ada.waitForTimeout(600)
  await expect(ada.getByTestId('matrix-tooltip')).toHaveCount(0)
  await ada.keyboard.press('Escape')
})

test('a view-only guest sees the matrix and its tooltips but gets no editor', async ({
  browser,
}) => {
  const owner = await openAs(browser, hub.ownerLink, { name: 'Kari Nordmo' })
  await owner.getByTestId('invite-button').click()
  const invite = owner.getByTestId('invite-dialog')
  const editLink = await invite.getByTestId('invite-link').inputValue()
  await invite.getByTestId('view-only-switch').click()
  await expect(invite.getByTestId('invite-link')).not.toHaveValue(editLink)
  const viewLink = await invite.getByTestId('invite-link').inputValue()

  const reader = await openAs(browser, viewLink, { name: 'Lise Leser' })
  await openMatrix(reader)
  await expect(reader.getByRole('grid')).toHaveAttribute('aria-readonly', 'true')
  const binders = cell(reader, 'Vestplate AS', 'Bio-based binders')
  await expect(binders).toHaveAttribute(
    'aria-label',
    'Vestplate AS × Bio-based binders: offers some, needs critical, has a comment',
  )
  await binders.click()
  await reader.keyboard.press('Enter')
  await expect(editor(reader)).toHaveCount(0)
  await binders.hover()
  await expect(reader.getByTestId('matrix-tooltip')).toContainText('Offers: Some')
})
