import { readFile } from 'node:fs/promises'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import * as Y from 'yjs'
import { seedDemoWorkspace } from '../../shared/demo'
import { safeFileStem } from '../../shared/model/markdown/fileNames'
import { parseFrontMatter, splitFrontMatter } from '../../shared/model/markdown/frontMatter'
import { listNotes } from '../../shared/model/notes'
import { startHub, type RunningHub } from './hub'
import { editor, openAs } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

async function owner(browser: Browser): Promise<Page> {
  const page = await openAs(browser, hub.ownerLink, { name: 'Kari Kryss' })
  await expect(page.getByTestId('note-list')).toBeVisible()
  return page
}

async function workspaceMenu(page: Page, name: string | RegExp, item: string): Promise<void> {
  await page
    .getByTestId('workspace-item')
    .filter({ hasText: name })
    .getByRole('button', { name: /More actions/ })
    .click()
  await page.getByRole('menuitem', { name: item }).click()
}

/** The titles of the example workspace's notes, from the same seed the hub uses. */
function demoTitles(): string[] {
  const doc = new Y.Doc()
  seedDemoWorkspace(doc, 0)
  return listNotes(doc).map((note) => note.title)
}

test('the owner exports the example workspace to Markdown and imports it elsewhere, with a bad file reported', async ({
  browser,
}) => {
  const page = await owner(browser)
  const titles = demoTitles()
  expect(titles.length).toBeGreaterThan(2)

  // Export: one .md per note, each with front-matter.
  await workspaceMenu(page, /Kryssklyngen/, 'Export to Markdown…')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('export-zip').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.zip$/)
  const zip = unzipSync(new Uint8Array(await readFile(await download.path())))
  const names = Object.keys(zip).filter((name) => name.endsWith('.md'))
  expect(names.sort()).toEqual(titles.map((title) => `${safeFileStem(title)}.md`).sort())
  const files = names.map((name) => ({ name, text: strFromU8(zip[name] as Uint8Array) }))
  for (const file of files) {
    const front = parseFrontMatter(splitFrontMatter(file.text).yaml)
    expect(titles).toContain(front.title)
    expect(front.kryssId).toMatch(/^note-/)
    expect(front.company, file.name).toBeTruthy()
  }
  await expect(dialog).toContainText('The export has been downloaded.')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // A new workspace to import into.
  await page.getByTestId('new-workspace').click()
  await page.getByRole('dialog').getByRole('textbox').fill('Importert')
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click()
  await expect(page.getByTestId('workspace-item').filter({ hasText: 'Importert' })).toBeVisible()

  // Import the exported files plus one with broken front-matter.
  await workspaceMenu(page, 'Importert', 'Import Markdown…')
  const importer = page.getByTestId('import-dialog')
  await importer.getByTestId('import-input').setInputFiles([
    ...files.map((file) => ({
      name: file.name,
      mimeType: 'text/markdown',
      buffer: Buffer.from(file.text),
    })),
    {
      name: 'broken.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('---\ntitle: [never closed\n---\nText\n'),
    },
  ])
  await expect(importer.getByTestId('import-status')).toHaveText(
    `${titles.length} notes are ready to import.`,
  )
  const refused = importer.getByTestId('import-refused')
  await expect(refused).toContainText('broken.md')
  await expect(refused).toContainText('The front-matter (YAML at the top) cannot be read')
  await page.screenshot({ path: 'test-results/transfer-import-preview.png' })
  await importer.getByTestId('import-confirm').click()
  await expect(importer.getByTestId('import-status')).toHaveText(
    `${titles.length} notes were imported.`,
  )
  await expect(refused).toContainText('broken.md')
  await importer.getByTestId('import-close').click()

  await page
    .getByTestId('workspace-item')
    .filter({ hasText: 'Importert' })
    .locator('.workspace-open')
    .click()
  const list = page.getByTestId('note-list')
  for (const title of titles.slice(0, 3)) {
    await expect(list.getByTestId('note-item').filter({ hasText: title })).toBeVisible()
  }
  await expect(list).not.toContainText('broken')
})

test('a note is exported on its own as a Markdown file', async ({ browser }) => {
  const page = await owner(browser)
  const [title] = demoTitles()
  if (title === undefined) throw new Error('no demo note')
  await page.getByTestId('note-item').filter({ hasText: title }).click()
  await expect(editor(page)).not.toBeEmpty()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-note').click(),
  ])
  expect(download.suggestedFilename()).toBe(`${safeFileStem(title)}.md`)
  const text = await readFile(await download.path(), 'utf8')
  expect(parseFrontMatter(splitFrontMatter(text).yaml).title).toBe(title)
  expect(splitFrontMatter(text).body.trim().length).toBeGreaterThan(20)
})

const PNG_2X2 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGP4z8AARAxg8j8AG/ID/fPnS7EAAAAASUVORK5CYII=',
  'base64',
)

const EVERYTHING = `---
title: Alt i ett
type: lesson
tags: [robot, varme]
---
## Overskrift

Tekst med **fet**, *kursiv*, ~~strøket~~, \`kode\`, [lenke](https://example.com/) og [[Målet]].

- punkt
  - nestet

1. en
2. to

- [x] ferdig
- [ ] igjen

> sitat

\`\`\`js
const x = 1
\`\`\`

---

| A | B |
| --- | --- |
| 1 | 2 |

![Et bilde](images/pic.png)
`

test('imported Markdown opens in the editor with every block and mark, and exports back the same', async ({
  browser,
}) => {
  const page = await owner(browser)
  await page.getByTestId('new-workspace').click()
  await page.getByRole('dialog').getByRole('textbox').fill('Blokker')
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click()
  await workspaceMenu(page, 'Blokker', 'Import Markdown…')
  const importer = page.getByTestId('import-dialog')
  await importer.getByTestId('import-input').setInputFiles([
    { name: 'Alt i ett.md', mimeType: 'text/markdown', buffer: Buffer.from(EVERYTHING) },
    { name: 'Målet.md', mimeType: 'text/markdown', buffer: Buffer.from('Målet for lenken.\n') },
    { name: 'images/pic.png', mimeType: 'image/png', buffer: PNG_2X2 },
  ])
  await expect(importer.getByTestId('import-status')).toHaveText('2 notes are ready to import.')
  await importer.getByTestId('import-confirm').click()
  await expect(importer.getByTestId('import-status')).toHaveText('2 notes were imported.')
  await importer.getByTestId('import-close').click()

  await page.getByTestId('note-item').filter({ hasText: 'Alt i ett' }).click()
  const body = editor(page)
  await expect(body.locator('h2')).toHaveText('Overskrift')
  await expect(body.locator('strong')).toHaveText('fet')
  await expect(body.locator('em')).toHaveText('kursiv')
  await expect(body.locator('s')).toHaveText('strøket')
  await expect(body.locator('p code')).toHaveText('kode')
  await expect(body.locator('a[href="https://example.com/"]')).toHaveText('lenke')
  await expect(body.locator('.note-link')).toContainText('Målet')
  await expect(body.locator('ul li ul li')).toHaveText('nestet')
  await expect(body.locator('ol li')).toHaveCount(2)
  await expect(body.locator('ul[data-type="taskList"] li[data-checked="true"]')).toContainText(
    'ferdig',
  )
  await expect(body.locator('blockquote')).toHaveText('sitat')
  await expect(body.locator('pre code')).toHaveText('const x = 1')
  await expect(body.locator('hr')).toHaveCount(1)
  await expect(body.locator('table th').first()).toHaveText('A')
  await expect(body.locator('table td').last()).toHaveText('2')
  await expect(body.locator('.note-image img')).toHaveAttribute('alt', 'Et bilde')
  await page.screenshot({ path: 'test-results/transfer-imported-note.png', fullPage: true })

  // With an image, the note comes as a zip: the Markdown and images/.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-note').click(),
  ])
  expect(download.suggestedFilename()).toBe('Alt i ett.zip')
  const zip = unzipSync(new Uint8Array(await readFile(await download.path())))
  const images = Object.keys(zip).filter((name) => name.startsWith('images/'))
  expect(images).toEqual([expect.stringMatching(/^images\/f-[0-9a-f]{24}\.png$/)])
  const text = strFromU8(zip['Alt i ett.md'] as Uint8Array)
  expect(splitFrontMatter(text).body.trimStart()).toBe(
    EVERYTHING.slice(EVERYTHING.indexOf('## Overskrift')).replace(
      'images/pic.png',
      images[0] as string,
    ),
  )
})
