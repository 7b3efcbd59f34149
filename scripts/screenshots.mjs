// `npm run screenshots`: regenerates the README's screenshots from the real UI — a hub with
// the example workspace, two people in one note, the filtered list, the slash menu and a
// version compared in the history dialog — in Debian's Chromium (CHROMIUM_PATH).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { buildIsStale, CHROMIUM_ARGS, chromiumPath, hubBundle, root } from './paths.mjs'

if (buildIsStale()) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
  if (build.status !== 0) process.exit(1)
}

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...CHROMIUM_ARGS],
})

/** A hub on a fresh data directory with the example workspace; resolves with its links. */
async function startHub() {
  const dataDir = await mkdtemp(join(tmpdir(), 'kryss-shots-'))
  const hub = spawn(process.execPath, [hubBundle, '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const { invite, owner } = await new Promise((resolve, reject) => {
    let out = ''
    hub.stdout.on('data', (chunk) => {
      out += chunk
      const match = /^invite \S+ (\S+)$/m.exec(out)
      const ownerMatch = /^owner (\S+)$/m.exec(out)
      if (match && ownerMatch) resolve({ invite: match[1], owner: ownerMatch[1] })
    })
    hub.once('exit', () => reject(new Error(`hub exited:\n${out}`)))
  })
  return {
    invite,
    owner,
    async stop() {
      hub.kill('SIGTERM')
      await new Promise((resolve) => hub.once('exit', resolve))
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Screenshots are 1280×800 at 1× so the PNGs stay small. */
const VIEWPORT = { width: 1280, height: 800 }
const SHOTS = join(root, 'docs/screenshots')

const STARCH = 'Stivelse fra potetskrell som råstoff'
const HEAT = 'Erfaringer med varmegjenvinning fra ovner'
const DRYER = 'Spillvarme fra sponplatetørken'

async function person(invite, options, profile, note) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, ...options })
  const page = await context.newPage()
  await page.goto(invite)
  await page.getByTestId('profile-name').fill(profile.name)
  await page.getByTestId('profile-company').fill(profile.company)
  await page.getByRole('radio').nth(profile.color).click()
  await page.getByTestId('profile-save').click()
  await openNote(page, note)
  return page
}

async function openNote(page, title) {
  await page.getByTestId('note-item').filter({ hasText: title }).click()
  await page.locator('.ProseMirror h2').first().waitFor()
  await page.getByTestId('backlinks').waitFor()
}

/** Lets carets, fades and popovers settle before a picture is taken. */
const settle = (page) => page.waitForTimeout(400)

/**
 * Two people in the dryer note (properties, a checklist, a note link, backlinks from two
 * notes — short enough that the backlinks fit under it); Bo types at the end of the last
 * checklist item so his caret shows in Kari's window. Kari has closed the example-data banner.
 * Returns both pages, for the shots that follow on the same hub.
 */
async function shootNote(hub, options, file, typed) {
  const kari = await person(
    hub.invite,
    options,
    { name: 'Kari Nordmo', company: 'Kryss Innovasjon AS', color: 6 },
    DRYER,
  )
  await kari.getByTestId('demo-banner').getByRole('button').click()
  const bo = await person(
    hub.invite,
    options,
    { name: 'Bo Vik', company: 'Fjordmat AS', color: 3 },
    DRYER,
  )
  await bo.locator('.ProseMirror li').last().click()
  await bo.keyboard.press('End')
  await bo.keyboard.type(typed)
  await kari.locator('.ProseMirror li p').filter({ hasText: typed.trim() }).waitFor()
  await kari.locator('.ProseMirror p').first().click()
  // "Linked from" in view, scrolling no further than needed so the title stays visible.
  await kari
    .locator('.note-links-section')
    .first()
    .evaluate((section) => {
      let scroller = section.parentElement
      while (scroller && !/(auto|scroll)/.test(globalThis.getComputedStyle(scroller).overflowY)) {
        scroller = scroller.parentElement
      }
      const overflow = section.getBoundingClientRect().bottom - globalThis.innerHeight + 8
      if (scroller && overflow > 0) scroller.scrollTop += overflow
    })
  await settle(kari)
  await kari.screenshot({ path: join(SHOTS, file) })
  return { kari, bo }
}

/** The list filtered by a tag: chip, count, the matching notes. */
async function shootFilteredList(page, file) {
  await page.getByTestId('note-filter-button').click()
  await page.getByTestId('filter-tag').selectOption('emballasje')
  await page.keyboard.press('Escape')
  await page.getByTestId('filter-chip').waitFor()
  await openNote(page, 'Idé: fiberemballasje for møbler')
  await settle(page)
  await page.screenshot({ path: join(SHOTS, file) })
  await page.getByTestId('clear-filters').click()
}

/** The slash menu, opened on a new line under the first paragraph of a note. */
async function shootSlashMenu(page, file) {
  await openNote(page, HEAT)
  await page.locator('.ProseMirror p').first().click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  // Mid-window, so the menu opens below the line instead of over the title.
  await page
    .locator('.ProseMirror p.is-empty')
    .evaluate((line) => line.scrollIntoView({ block: 'center' }))
  await page.keyboard.type('/')
  await page.getByRole('listbox', { name: /./ }).waitFor()
  await settle(page)
  await page.screenshot({ path: join(SHOTS, file) })
  await page.keyboard.press('Escape')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
}

/** A saved version compared with the text as it is now: what went and what came. */
async function shootHistory(page, file) {
  await openNote(page, STARCH)
  await page.getByTestId('history-button').click()
  const dialog = page.getByTestId('history-dialog')
  await dialog.getByTestId('history-label').fill('Før workshopen')
  await dialog.getByTestId('history-save').click()
  await dialog.getByTestId('history-item').filter({ hasText: 'Før workshopen' }).waitFor()
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
  // Change a cell of the table and add a line.
  const cell = page.locator('.ProseMirror td').nth(1)
  await cell.click()
  await page.keyboard.press('End')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await page.keyboard.type('60')
  await page.locator('.ProseMirror p').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Embla har bestilt 5 tonn til prøvepressing.')
  await page.getByTestId('history-button').click()
  await dialog.getByTestId('history-item').filter({ hasText: 'Før workshopen' }).click()
  await dialog.getByTestId('history-compare-mode').click()
  await dialog.getByTestId('history-compare').locator('ins').first().waitFor()
  await settle(page)
  await page.screenshot({ path: join(SHOTS, file) })
  await page.keyboard.press('Escape')
}

/** The owner's Invite dialog with hosting on, over the example workspace. */
async function shootInvite(options, path) {
  const hub = await startHub()
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, ...options })
  const page = await context.newPage()
  await page.goto(hub.owner)
  await page.getByTestId('profile-name').fill('Kari Nordmo')
  await page.getByTestId('profile-company').fill('Kryss Innovasjon AS')
  await page.getByRole('radio').nth(6).click()
  await page.getByTestId('profile-save').click()
  await page.getByTestId('invite-button').click()
  const hosting = page.getByTestId('hosting-switch')
  if ((await hosting.getAttribute('aria-checked')) !== 'true') await hosting.click()
  await page.locator('[data-testid="hosting-switch"][aria-checked="true"]').waitFor()
  await settle(page)
  await page.screenshot({ path })
  await context.close()
  await hub.stop()
}

/**
 * A fresh hub's owner, Kari, on the example workspace, with its banner dismissed as a
 * returning user would have. The caller closes `context` and stops `hub`.
 */
async function ownerOnExample(options) {
  const hub = await startHub()
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, ...options })
  const page = await context.newPage()
  await page.goto(hub.owner)
  await page.getByTestId('profile-name').fill('Kari Nordmo')
  await page.getByTestId('profile-company').fill('Kryss Innovasjon AS')
  await page.getByTestId('profile-save').click()
  await page.getByTestId('demo-banner').getByRole('button').click()
  return { hub, context, page }
}

/** The competence map of the example workspace: the matrix and the matches. */
async function shootMap(options) {
  const { hub, context, page } = await ownerOnExample(options)
  await page.getByTestId('space-map').click()
  await page.getByTestId('map-view-matrix').click()
  await page.getByTestId('matrix-grid').waitFor()
  await settle(page)
  await page.screenshot({ path: join(SHOTS, 'map-matrix.png') })
  await page.getByTestId('map-view-matches').click()
  await page.getByText('Different industry').first().waitFor()
  await settle(page)
  await page.screenshot({ path: join(SHOTS, 'map-matches.png') })
  await context.close()
  await hub.stop()
}

/**
 * The search page over the example workspace: a word that is in notes, on a board and in the
 * competence vocabulary, its hits grouped and marked.
 */
async function shootSearch(options, path) {
  const { hub, context, page } = await ownerOnExample(options)
  await page.getByTestId('search-nav').click()
  await page.getByTestId('search-input').fill('varme')
  await page.getByTestId('search-hit').nth(3).waitFor()
  await page.getByTestId('search-input').press('ArrowDown')
  await settle(page)
  await page.screenshot({ path })
  await context.close()
  await hub.stop()
}

/**
 * The Ctrl/Cmd+K palette over a note of the example workspace: a word typed without its ø,
 * matching note titles, competences and tags, and the full-text hits below.
 */
async function shootPalette(options, path) {
  const { hub, context, page } = await ownerOnExample(options)
  await openNote(page, STARCH)
  await page.keyboard.press('ControlOrMeta+k')
  await page.getByTestId('palette-input').fill('varme')
  await page.locator('[data-group="fullText"] [data-testid="palette-option"]').nth(1).waitFor()
  await page.getByTestId('palette-input').press('ArrowDown')
  await settle(page)
  await page.screenshot({ path })
  await context.close()
  await hub.stop()
}

const light = { colorScheme: 'light', locale: 'en-GB' }
const dark = { colorScheme: 'dark', locale: 'nb-NO' }

// `npm run screenshots -- palette`: only the palette's (light, and dark to check by eye).
if (process.argv.includes('palette')) {
  try {
    await shootPalette(light, join(SHOTS, 'palette.png'))
    await shootPalette(dark, join(root, 'test-results/palette-dark.png'))
  } finally {
    await browser.close()
  }
  process.exit(0)
}

// `npm run screenshots -- search`: only the search page's (light, and dark to check by eye).
if (process.argv.includes('search')) {
  try {
    await shootSearch(light, join(SHOTS, 'search.png'))
    await shootSearch(dark, join(root, 'test-results/search-dark.png'))
  } finally {
    await browser.close()
  }
  process.exit(0)
}

try {
  await shootInvite(light, join(SHOTS, 'invite.png'))
  await shootSearch(light, join(SHOTS, 'search.png'))
  await shootSearch(dark, join(root, 'test-results/search-dark.png'))
  await shootPalette(light, join(SHOTS, 'palette.png'))
  await shootPalette(dark, join(root, 'test-results/palette-dark.png'))
  await shootMap(light)
  // The dark one is for checking by eye, not for the README.
  await shootInvite(dark, join(root, 'test-results/invite-dark.png'))

  const hub = await startHub()
  try {
    const { kari, bo } = await shootNote(
      hub,
      light,
      'notes-light.png',
      ' – we can lend you the logger',
    )
    await bo.context().close()
    await shootFilteredList(kari, 'notes-filtered.png')
    await shootSlashMenu(kari, 'slash-menu.png')
    await shootHistory(kari, 'history-compare.png')
    await kari.context().close()
  } finally {
    await hub.stop()
  }

  const darkHub = await startHub()
  try {
    const { kari, bo } = await shootNote(
      darkHub,
      dark,
      'notes-dark.png',
      ' – vi kan låne dere måleutstyret',
    )
    await kari.context().close()
    await bo.context().close()
  } finally {
    await darkHub.stop()
  }
  console.log(
    'Saved docs/screenshots/{invite,search,palette,map-matrix,map-matches,notes-light,notes-dark,notes-filtered,slash-menu,history-compare}.png (and test-results/{invite,search,palette}-dark.png)',
  )
} finally {
  await browser.close()
}
