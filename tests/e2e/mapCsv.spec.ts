import { readFile } from 'node:fs/promises'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { startHub, type RunningHub } from './hub'
import { openAs } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/map-csv-${name}.png`

async function owner(browser: Browser, name = 'Kari Kryss'): Promise<Page> {
  const page = await openAs(browser, hub.ownerLink, { name })
  await expect(page.getByTestId('note-list')).toBeVisible()
  return page
}

async function openMapSpace(page: Page): Promise<void> {
  await page.getByTestId('space-map').click()
  await expect(page.getByTestId('map-company-list')).toBeVisible()
}

/** Opens the map's first view (the map header and its "…" menu come with it). */
async function openMapScreen(page: Page): Promise<void> {
  await openMapSpace(page)
  await page.getByTestId('map-view-vocabulary').click()
  await expect(page.getByTestId('map-screen')).toBeVisible()
}

async function mapMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('map-menu').click()
  await page.getByRole('menuitem', { name: item }).click()
}

async function companyNames(page: Page): Promise<string[]> {
  return page.getByTestId('map-company-item').locator('.board-item-title').allTextContents()
}

/** What a company page shows: its offers and needs, as text. */
async function companyPageText(page: Page, name: string): Promise<string[]> {
  await page.getByTestId('map-company-item').filter({ hasText: name }).getByRole('button').click()
  await expect(page.getByTestId('company-page').getByRole('heading', { level: 1 })).toHaveText(name)
  return [
    await page.getByTestId('company-page').locator('.company-facts').innerText(),
    await page.getByTestId('company-offers').innerText(),
    await page.getByTestId('company-needs').innerText(),
  ]
}

async function exportZip(page: Page, delimiter: 'Semicolon (;)' | 'Comma (,)') {
  await mapMenu(page, 'Export spreadsheets (CSV)…')
  const dialog = page.getByTestId('csv-export-dialog')
  await expect(dialog).toContainText(
    '10 companies, 10 competences and 35 rows of offers and needs.',
  )
  await dialog.getByRole('radio', { name: delimiter }).check()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('csv-export-download').click(),
  ])
  await expect(dialog.getByTestId('csv-export-status')).toContainText('was downloaded.')
  const bytes = new Uint8Array(await readFile(await download.path()))
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  return { name: download.suggestedFilename(), bytes }
}

test('the map exported as CSV and imported into a fresh workspace reproduces it, for both participants', async ({
  browser,
}) => {
  const kari = await owner(browser)
  await openMapScreen(kari)
  const names = await companyNames(kari)
  expect(names).toHaveLength(10)
  const pages = {
    vestplate: await companyPageText(kari, 'Vestplate AS'),
    hik: await companyPageText(kari, 'Høgskolen i Kryssdalen'),
  }

  const zip = await exportZip(kari, 'Semicolon (;)')
  expect(zip.name).toMatch(/competence-map\.zip$/)
  const files = unzipSync(zip.bytes)
  expect(Object.keys(files).sort()).toEqual([
    'companies.csv',
    'competences.csv',
    'offers-needs.csv',
  ])
  // UTF-8 with a byte-order mark (Excel then reads æøå right), ';' between columns.
  expect([...(files['companies.csv'] as Uint8Array).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const companiesCsv = strFromU8(files['companies.csv'] as Uint8Array)
  expect(companiesCsv.startsWith('id;name;industry;size;')).toBe(true)
  expect(companiesCsv).toContain('Høgskolen i Kryssdalen')
  expect(strFromU8(files['offers-needs.csv'] as Uint8Array).split('\r\n')).toHaveLength(37)

  // A fresh workspace, empty.
  await kari.getByTestId('new-workspace').click()
  await kari.getByRole('dialog').getByRole('textbox').fill('Kartimport')
  await kari.getByRole('dialog').getByRole('button', { name: 'Create' }).click()
  const fresh = kari.getByTestId('workspace-item').filter({ hasText: 'Kartimport' })
  await expect(fresh).toBeVisible()
  await fresh.locator('.workspace-open').click()
  await expect(kari.locator('.breadcrumb-workspace')).toHaveText('Kartimport')
  await openMapScreen(kari)
  await expect(kari.getByTestId('map-company-item')).toHaveCount(0)

  // Import the .zip: the preview says what comes, and nothing is written before "Import".
  await mapMenu(kari, 'Import spreadsheets…')
  const importer = kari.getByTestId('csv-import-dialog')
  await importer.getByTestId('csv-import-input').setInputFiles({
    name: zip.name,
    mimeType: 'application/zip',
    buffer: Buffer.from(zip.bytes),
  })
  await expect(importer.getByTestId('csv-import-files')).toContainText('companies.csv')
  await expect(importer.getByTestId('csv-import-companies')).toContainText('10 new')
  await expect(importer.getByTestId('csv-import-companies')).toContainText(
    'Aune Bygg AS, Embla Emballasje AS, Fjordmat AS, Hals Kjetting AS, Høgskolen i Kryssdalen and 5 more',
  )
  await expect(importer.getByTestId('csv-import-competences')).toContainText('10 new')
  await expect(importer.getByTestId('csv-import-cells')).toContainText(
    '35 new · 0 changed · 0 unchanged',
  )
  await expect(importer.getByTestId('csv-import-problems')).toHaveCount(0)
  await kari.screenshot({ path: shot('import-preview') })
  await expect(kari.getByTestId('map-company-item')).toHaveCount(0)
  await importer.getByTestId('csv-import-confirm').click()
  await expect(importer.getByTestId('csv-import-status')).toHaveText(
    'Imported: 10 companies, 10 competences and 35 rows of offers and needs.',
  )
  await importer.getByTestId('csv-import-close').click()

  // The other participant, invited to the fresh workspace, sees the same map.
  await kari.getByTestId('invite-button').click()
  const invite = kari.getByTestId('invite-dialog')
  const link = await invite.getByTestId('invite-link').inputValue()
  await kari.keyboard.press('Escape')
  const bo = await openAs(browser, link, { name: 'Bo Vik', company: 'Fjordmat' })
  await openMapScreen(bo)
  for (const page of [kari, bo]) {
    await expect(page.getByTestId('map-company-item')).toHaveCount(10)
    expect(await companyNames(page)).toEqual(names)
    expect(await companyPageText(page, 'Vestplate AS')).toEqual(pages.vestplate)
    expect(await companyPageText(page, 'Høgskolen i Kryssdalen')).toEqual(pages.hik)
  }
  await bo.getByTestId('map-view-vocabulary').click()
  await expect(bo.getByTestId('vocab-count')).toHaveText('10 competences')

  // Exported again from the fresh workspace, the files are the same, byte for byte.
  const again = await exportZip(bo, 'Semicolon (;)')
  const filesAgain = unzipSync(again.bytes)
  for (const name of Object.keys(files)) {
    expect(strFromU8(filesAgain[name] as Uint8Array), name).toBe(
      strFromU8(files[name] as Uint8Array),
    )
  }
})

test('a CSV with bad rows shows each with its file, row number, column and reason, and imports nothing', async ({
  browser,
}) => {
  const kari = await owner(browser)
  await openMapScreen(kari)
  await mapMenu(kari, 'Import spreadsheets…')
  const importer = kari.getByTestId('csv-import-dialog')
  await importer.getByTestId('csv-import-input').setInputFiles([
    {
      name: 'bedrifter.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name;industry;location\r\nNordlys Sagbruk AS;wood-panels;Tynset\r\n'),
    },
    {
      name: 'tilbud.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'company;competence;offer;need;comment',
          'Nordlys Sagbruk AS;Varmegjenvinning;2;0;Tørke med spillvarme',
          'Vestplate AS;Laserskjæring;5;0;',
          'Ukjent AS;Laserskjæring;1;0;',
          '',
        ].join('\r\n'),
      ),
    },
  ])
  const problems = importer.getByTestId('csv-import-problem')
  await expect(problems).toHaveCount(2)
  await expect(problems.nth(0)).toHaveText(
    ['tilbud.csv', '3', 'offer', 'A level from 0 to 3.'].join(''),
  )
  await expect(problems.nth(1)).toHaveText(
    [
      'tilbud.csv',
      '4',
      'company',
      'No company “Ukjent AS” in the workspace or in the import.',
    ].join(''),
  )
  await expect(importer.getByTestId('csv-import-problems')).toContainText(
    '2 problems – nothing will be imported',
  )
  const confirm = importer.getByTestId('csv-import-confirm')
  await expect(confirm).toBeDisabled()
  await expect(confirm).toHaveAccessibleDescription(
    'Correct the rows above in the spreadsheet and choose the files again. Nothing has been imported.',
  )
  await kari.screenshot({ path: shot('import-problems') })
  await kari.keyboard.press('Escape')
  await expect(importer).toHaveCount(0)
  await expect(kari.getByTestId('map-company-item').filter({ hasText: 'Nordlys' })).toHaveCount(0)
  await expect(kari.getByTestId('map-company-item')).toHaveCount(10)
})

test('a view-only guest can export the map but not import, add or edit', async ({ browser }) => {
  const kari = await owner(browser, 'Kari Nordmo')
  await kari.getByTestId('invite-button').click()
  const invite = kari.getByTestId('invite-dialog')
  const editLink = await invite.getByTestId('invite-link').inputValue()
  await invite.getByTestId('view-only-switch').click()
  await expect(invite.getByTestId('invite-link')).not.toHaveValue(editLink)
  const viewLink = await invite.getByTestId('invite-link').inputValue()
  await kari.keyboard.press('Escape')

  const reader = await openAs(browser, viewLink, { name: 'Lise Leser' })
  await openMapScreen(reader)
  await expect(reader.getByTestId('new-company')).toHaveCount(0)
  await expect(reader.getByTestId('vocab-new')).toHaveCount(0)
  await expect(reader.getByTestId('vocab-row')).toHaveCount(10)
  await expect(reader.locator('.vocab-row input, .vocab-row select')).toHaveCount(0)
  await reader.getByTestId('map-menu').click()
  await expect(reader.getByRole('menuitem', { name: 'Export spreadsheets (CSV)…' })).toBeVisible()
  await expect(reader.getByRole('menuitem', { name: 'Export for Kumu…' })).toBeVisible()
  await expect(reader.getByRole('menuitem', { name: 'Import spreadsheets…' })).toHaveCount(0)
  await reader.keyboard.press('Escape')

  // The Kumu blueprint, as a guest may take it.
  await mapMenu(reader, 'Export for Kumu…')
  const dialog = reader.getByTestId('kumu-export-dialog')
  const [download] = await Promise.all([
    reader.waitForEvent('download'),
    dialog.getByTestId('kumu-export-download').click(),
  ])
  const blueprint = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    elements: { label: string; type: string }[]
    connections: { from: string; to: string; type: string }[]
  }
  expect(blueprint.elements.filter((element) => element.type === 'Company')).toHaveLength(10)
  expect(blueprint.connections).toContainEqual(
    expect.objectContaining({ from: 'Fjordmat AS', to: 'Starch chemistry', type: 'offers' }),
  )
  await reader.keyboard.press('Escape')

  await reader
    .getByTestId('map-company-item')
    .filter({ hasText: 'Vestplate AS' })
    .getByRole('button')
    .click()
  await expect(reader.getByTestId('company-page')).toBeVisible()
  await expect(reader.getByTestId('company-edit')).toHaveCount(0)
  await expect(reader.getByTestId('company-menu')).toHaveCount(0)
})
