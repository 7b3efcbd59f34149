import { expect, test, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { joinDemo } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/map-companies-${name}.png`

async function openMapSpace(page: Page): Promise<void> {
  await page.getByTestId('space-map').click()
  await expect(page.getByTestId('map-company-list')).toBeVisible()
}

async function openCompany(page: Page, name: string): Promise<void> {
  await page.getByTestId('map-company-item').filter({ hasText: name }).getByRole('button').click()
  await expect(page.getByTestId('company-page').getByRole('heading', { level: 1 })).toHaveText(name)
}

/** A competence's row in the vocabulary table (labels are inputs, so rows are found by id). */
function competenceRow(page: Page, id: string) {
  return page.locator(`[data-testid="vocab-row"][data-competence-id="${id}"]`)
}

test('a company made by one participant is seen by the other; both edit its profile at once and keep both edits; deleting says what goes', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await openMapSpace(ada)
  await openMapSpace(bo)

  await ada.getByTestId('new-company').click()
  const dialog = ada.getByTestId('company-dialog')
  await dialog.getByTestId('company-field-name').fill('Nordlys Sagbruk AS')
  await dialog.getByTestId('company-field-industry').selectOption('wood-panels')
  await dialog.getByTestId('company-field-sizeBand').selectOption('10-49')
  await dialog.getByTestId('company-field-location').fill('Tynset')
  await dialog.getByTestId('company-field-website').fill('nordlys.example')
  await dialog.getByTestId('company-field-contactEmail').fill('post@')
  await dialog.getByRole('radio', { name: 'Teal' }).check()
  await dialog.getByTestId('company-save').click()
  // zod's verdict stands by the field, and nothing was created.
  const emailField = dialog.getByTestId('company-field-contactEmail')
  await expect(emailField).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('alert')).toHaveText(
    'Not an e-mail address. Write for example name@company.no.',
  )
  await expect(emailField).toBeFocused()
  await ada.screenshot({ path: shot('new-company-error') })
  await emailField.fill('post@nordlys.example')
  await dialog.getByTestId('company-save').click()
  await expect(dialog).toHaveCount(0)

  // Ada lands on the new company's page; Bo finds it in his list.
  const adaPage = ada.getByTestId('company-page')
  await expect(adaPage.getByRole('heading', { level: 1 })).toHaveText('Nordlys Sagbruk AS')
  await expect(adaPage.locator('.company-facts')).toHaveText(
    'Wood panels · Tynset · 10-49 employees',
  )
  await openCompany(bo, 'Nordlys Sagbruk AS')
  const boPage = bo.getByTestId('company-page')
  await expect(boPage.locator('.company-links')).toContainText('nordlys.example')
  await expect(boPage.locator('.company-links')).toContainText('post@nordlys.example')
  await expect(boPage.locator('.company-badge').first()).toHaveCSS(
    'background-color',
    'rgb(14, 116, 144)',
  )

  // Both open "Edit profile" at once; Ada changes the location, Bo the contact person.
  await ada.getByTestId('company-edit').click()
  await bo.getByTestId('company-edit').click()
  const adaForm = ada.getByTestId('company-dialog')
  const boForm = bo.getByTestId('company-dialog')
  await adaForm.getByTestId('company-field-location').fill('Ålesund')
  await boForm.getByTestId('company-field-contactPerson').fill('Bo Vik')
  await adaForm.getByTestId('company-save').click()
  await expect(adaForm).toHaveCount(0)
  // Bo's open form follows the field he did not touch…
  await expect(boForm.getByTestId('company-field-location')).toHaveValue('Ålesund')
  await bo.screenshot({ path: shot('edit-profile') })
  await boForm.getByTestId('company-save').click()
  await expect(boForm).toHaveCount(0)
  // …and both edits stay, for both.
  for (const page of [ada, bo]) {
    const header = page.getByTestId('company-page')
    await expect(header.locator('.company-facts')).toContainText('Ålesund')
    await expect(header.locator('.company-links')).toContainText('Contact person: Bo Vik')
  }
  // A field error on edit: a website that is not one.
  await ada.getByTestId('company-edit').click()
  await adaForm.getByTestId('company-field-website').fill('ikke en adresse')
  await adaForm.getByTestId('company-save').click()
  await expect(adaForm.getByRole('alert')).toHaveText(
    'Not a web address. Write for example lien.no or https://lien.no.',
  )
  await ada.keyboard.press('Escape')
  await expect(adaForm).toHaveCount(0)
  await expect(boPage.locator('.company-links')).toContainText('nordlys.example')

  // Deleting a company with offers and needs says what goes with it.
  await openCompany(ada, 'Vestplate AS')
  // A colour from outside the palette (the example's) stays chosen when the profile is edited.
  await ada.getByTestId('company-edit').click()
  await expect(adaForm.getByRole('radio', { name: 'Current colour' })).toBeChecked()
  await ada.keyboard.press('Escape')
  await ada.getByTestId('company-menu').click()
  await ada.getByRole('menuitem', { name: 'Delete company…' }).click()
  const confirm = ada.getByRole('dialog', { name: 'Delete “Vestplate AS”?' })
  await expect(confirm).toContainText(
    '“Vestplate AS” is deleted for everyone in the workspace, with its 2 offers, 4 needs and 0 match marks.',
  )
  await ada.screenshot({ path: shot('delete-confirm') })
  await confirm.getByRole('button', { name: 'Cancel' }).click()

  await openCompany(ada, 'Nordlys Sagbruk AS')
  await ada.getByTestId('company-menu').click()
  await ada.getByRole('menuitem', { name: 'Delete company…' }).click()
  await ada.getByTestId('confirm-delete').click()
  await expect(ada.getByTestId('map-company-item').filter({ hasText: 'Nordlys' })).toHaveCount(0)
  await expect(bo.getByTestId('map-company-item').filter({ hasText: 'Nordlys' })).toHaveCount(0)
  await expect(bo.getByTestId('company-missing')).toBeVisible()
  await expect(bo.getByTestId('map-company-item').filter({ hasText: 'Vestplate AS' })).toHaveCount(
    1,
  )
})

test('the vocabulary: one adds, renames and edits synonyms, the other sees it; merging two moves offers, needs and names for both', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  for (const page of [ada, bo]) {
    await openMapSpace(page)
    await page.getByTestId('map-view-vocabulary').click()
    await expect(page.getByTestId('vocabulary-view')).toBeVisible()
  }
  await expect(ada.getByTestId('vocab-count')).toHaveText('10 competences')
  const materials = ada.locator('[data-testid="vocab-group"][data-category="materials"]')
  await expect(materials.getByTestId('vocab-group-count')).toHaveText('3')
  await expect(competenceRow(ada, 'cp-starch').getByTestId('vocab-usage')).toHaveText(
    'offered by 2needed by 1',
  )
  await ada.screenshot({ path: shot('vocabulary') })

  // Add, with an ESCO code that is not one first.
  await ada.getByTestId('vocab-new').click()
  const add = ada.getByTestId('competence-dialog')
  await add.getByTestId('competence-field-name').fill('Tørking av tre')
  await add.getByTestId('competence-field-name-en').fill('Wood drying')
  await add.getByTestId('competence-field-category').selectOption('processes')
  await add.getByTestId('competence-field-synonyms').fill('trelasttørking, kammertørking')
  await add.getByTestId('competence-field-esco').fill('tørking')
  await add.getByTestId('competence-save').click()
  await expect(add.getByRole('alert')).toContainText('Not an ESCO URI or code.')
  await add.getByTestId('competence-field-esco').fill('S6.3.1')
  await add.getByTestId('competence-save').click()
  await expect(add).toHaveCount(0)
  await expect(ada.getByTestId('vocab-notice')).toHaveText(
    '“Tørking av tre” was added under Processes.',
  )

  // Bo finds it with the filter (by a synonym, whatever the case), renames it in place.
  await bo.getByTestId('vocab-filter').fill('KAMMERTØRK')
  await expect(bo.getByTestId('vocab-row')).toHaveCount(1)
  await expect(bo.getByTestId('vocab-count')).toHaveText('1 of 11')
  const found = bo.getByTestId('vocab-row')
  await expect(found.getByTestId('vocab-name')).toHaveValue('Tørking av tre')
  const newId = await found.getAttribute('data-competence-id')
  if (newId === null) throw new Error('the row has an id')
  // From here on by its id: the filter is cleared so the row stays when its synonym goes.
  await bo.getByTestId('vocab-filter').fill('')
  const boRow = competenceRow(bo, newId)
  await expect(boRow.getByTestId('vocab-name-en')).toHaveValue('Wood drying')
  await expect(boRow.getByTestId('vocab-esco')).toHaveValue('S6.3.1')
  await expect(boRow.getByTestId('vocab-synonym')).toHaveText(['kammertørking', 'trelasttørking'])
  await boRow.getByTestId('vocab-name').fill('Tretørking')
  await boRow.getByTestId('vocab-name').press('Enter')
  // An empty name is refused where it is typed; Escape brings the name back.
  await boRow.getByTestId('vocab-name').fill('')
  await boRow.getByTestId('vocab-name').press('Enter')
  await expect(boRow.getByRole('alert')).toHaveText('A competence needs a name.')
  await boRow.getByTestId('vocab-name').press('Escape')
  await expect(boRow.getByTestId('vocab-name')).toHaveValue('Tretørking')
  await boRow.getByRole('button', { name: 'Remove the synonym “kammertørking”' }).click()
  await boRow.getByTestId('vocab-synonym-add').click()
  await boRow.getByTestId('vocab-synonym-input').fill('ovnstørking')
  await boRow.getByTestId('vocab-synonym-input').press('Enter')
  await boRow.getByTestId('vocab-synonym-input').press('Escape')

  const adaRow = competenceRow(ada, newId)
  await expect(adaRow.getByTestId('vocab-name')).toHaveValue('Tretørking')
  await expect(adaRow.getByTestId('vocab-synonym')).toHaveText(['ovnstørking', 'trelasttørking'])
  // Ada gives it the English label and an ESCO code that is not one: refused by the field.
  await adaRow.getByTestId('vocab-esco').fill('http://example.com/skill')
  await adaRow.getByTestId('vocab-esco').press('Enter')
  await expect(adaRow.getByRole('alert')).toContainText('Not an ESCO URI or code.')
  await adaRow.getByTestId('vocab-esco').press('Escape')
  await expect(adaRow.getByTestId('vocab-esco')).toHaveValue('S6.3.1')

  // Merge "Stivelseskjemi" into "Biobaserte bindemidler".
  await ada.getByTestId('vocab-merge').click()
  const merge = ada.getByTestId('merge-dialog')
  await merge.getByTestId('merge-first').selectOption('cp-binders')
  await merge.getByTestId('merge-second').selectOption('cp-starch')
  await expect(merge.getByTestId('merge-keep-first')).toBeChecked()
  const impact = merge.getByTestId('merge-impact')
  await expect(impact).toContainText(
    'This moves from “Stivelseskjemi” to “Biobaserte bindemidler”:',
  )
  await expect(impact).toContainText('2 offers and 1 need')
  await expect(impact).toContainText('3 notes tagged with it')
  await expect(impact).toContainText('0 match marks')
  await expect(impact).toContainText('its names as synonyms: Stivelseskjemi, Starch chemistry')
  await ada.screenshot({ path: shot('merge') })
  await merge.getByTestId('merge-confirm').click()
  await expect(merge).toHaveCount(0)
  await expect(ada.getByTestId('vocab-notice')).toHaveText(
    '“Stivelseskjemi” was merged into “Biobaserte bindemidler” and is now a synonym of it.',
  )

  for (const page of [ada, bo]) {
    await expect(competenceRow(page, 'cp-starch')).toHaveCount(0)
    const kept = competenceRow(page, 'cp-binders')
    await expect(kept.getByTestId('vocab-synonym')).toContainText([
      'biolim',
      'formaldehydfritt lim',
      'Starch chemistry',
      'Stivelseskjemi',
    ])
    // Fjordmat's starch offer (expert) and Solbakken's are now offers of the kept one.
    await expect(kept.getByTestId('vocab-usage')).toHaveText('offered by 4needed by 2')
  }
  await ada.emulateMedia({ colorScheme: 'dark' })
  await competenceRow(ada, 'cp-binders').getByTestId('vocab-synonym-add').click()
  await ada.screenshot({ path: shot('vocabulary-dark') })
  await ada.keyboard.press('Escape')

  await openCompany(bo, 'Fjordmat AS')
  const offers = bo.getByTestId('company-offers')
  // (The page shows English labels in an English browser.)
  await expect(offers).not.toContainText('Starch chemistry')
  await expect(offers.locator('li').first()).toContainText('Bio-based binders')
  await expect(offers.locator('li').first()).toContainText('Expert')
})
