// `npm run screenshots`: regenerates the README's screenshots from the real UI — a hub with
// the example workspace, two people in one note — in Debian's Chromium (CHROMIUM_PATH).
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

async function person(invite, options, profile) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 2,
    ...options,
  })
  const page = await context.newPage()
  await page.goto(invite)
  await page.getByTestId('profile-name').fill(profile.name)
  await page.getByTestId('profile-company').fill(profile.company)
  await page.getByRole('radio').nth(profile.color).click()
  await page.getByTestId('profile-save').click()
  await page.getByTestId('note-item').filter({ hasText: 'Biobaserte bindemidler' }).click()
  await page.locator('.ProseMirror h2').first().waitFor()
  return page
}

async function shoot(options, file, typed) {
  const hub = await startHub()
  const kari = await person(hub.invite, options, {
    name: 'Kari Nordmo',
    company: 'Kryss Innovasjon AS',
    color: 6,
  })
  const bo = await person(hub.invite, options, { name: 'Bo Vik', company: 'Fjordmat AS', color: 3 })
  await bo.locator('.ProseMirror p').first().click()
  await bo.keyboard.press('End')
  await bo.keyboard.type(typed)
  await kari.locator('.ProseMirror li').nth(1).click()
  await kari.keyboard.press('End')
  await kari.getByText(typed.trim()).waitFor()
  await bo.waitForTimeout(300)
  await kari.screenshot({ path: join(root, 'docs/screenshots', file) })
  await kari.context().close()
  await bo.context().close()
  await hub.stop()
}

/** The owner's Invite dialog with hosting on, over the example workspace. */
async function shootInvite(options, path) {
  const hub = await startHub()
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 2,
    ...options,
  })
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
  await page.waitForTimeout(300)
  await page.screenshot({ path })
  await context.close()
  await hub.stop()
}

try {
  await shootInvite(
    { colorScheme: 'light', locale: 'en-GB' },
    join(root, 'docs/screenshots/invite.png'),
  )
  // The dark one is for checking by eye, not for the README.
  await shootInvite(
    { colorScheme: 'dark', locale: 'nb-NO' },
    join(root, 'test-results/invite-dark.png'),
  )
  await shoot(
    { colorScheme: 'light', locale: 'en-GB' },
    'notes-light.png',
    ' We can deliver starch from autumn.',
  )
  await shoot(
    { colorScheme: 'dark', locale: 'nb-NO' },
    'notes-dark.png',
    ' Vi kan levere stivelse fra høsten.',
  )
  console.log(
    'Saved docs/screenshots/invite.png, notes-light.png and notes-dark.png (and test-results/invite-dark.png)',
  )
} finally {
  await browser.close()
}
