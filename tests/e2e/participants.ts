import type { Browser, Locator, Page } from '@playwright/test'
import type { RunningHub } from './hub'

/**
 * Opens a link in a fresh browser context (a person of their own) and completes the first-run
 * profile, as everyone does on first use.
 */
export async function openAs(
  browser: Browser,
  link: string,
  person: { name: string; company?: string; locale?: string },
): Promise<Page> {
  const context = await browser.newContext({ locale: person.locale ?? 'en-US' })
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
