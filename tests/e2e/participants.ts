import { test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import type { RunningHub } from './hub'

/**
 * The people opened by the test that runs now. Contexts made from the worker's `browser` are
 * not closed by Playwright after a test, so the next test's first `openAs` closes them: left
 * open, every earlier test's pages kept running in the one browser (reconnecting to stopped
 * hubs, ticking clocks, drawing boards), and the suite slowed down as it went.
 */
let opened: { testId: string; contexts: BrowserContext[] } | undefined

export async function contextFor(browser: Browser, locale: string): Promise<BrowserContext> {
  const { testId } = test.info()
  if (opened !== undefined && opened.testId !== testId) {
    const { contexts } = opened
    opened = undefined
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)))
  }
  opened ??= { testId, contexts: [] }
  const context = await browser.newContext({ locale })
  opened.contexts.push(context)
  return context
}

/**
 * Opens a link in a fresh browser context (a person of their own) and completes the first-run
 * profile, as everyone does on first use.
 */
export async function openAs(
  browser: Browser,
  link: string,
  person: { name: string; company?: string; locale?: string },
): Promise<Page> {
  const context = await contextFor(browser, person.locale ?? 'en-US')
  const page = await context.newPage()
  await page.goto(link)
  await page.getByTestId('profile-name').fill(person.name)
  await page.getByTestId('profile-company').fill(person.company ?? 'Kryss Innovasjon AS')
  await page.getByTestId('profile-save').click()
  return page
}

/** The invite of the first workspace a hub printed (the example workspace on a fresh hub). */
export function demoInvite(hub: RunningHub): string {
  const [invite] = hub.invites.values()
  if (invite === undefined) throw new Error('the hub printed no invite')
  return invite
}

/** The note body's editable area. */
export function editor(page: Page): Locator {
  return page.getByTestId('note-editor').locator('.ProseMirror')
}

/** Opens the demo workspace's invite as a new person and waits for its note list. */
export async function joinDemo(
  browser: Browser,
  hub: RunningHub,
  person: { name: string; company: string },
): Promise<Page> {
  const page = await openAs(browser, demoInvite(hub), person)
  await page.getByTestId('note-list').waitFor()
  return page
}
