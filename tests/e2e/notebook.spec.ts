import { expect, test, type Page } from '@playwright/test'
import { decodeInviteLink } from '../../shared/invite'
import { startHub, type RunningHub } from './hub'
import { demoInvite, editor, openAs } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

/** The workspace in the page's route (`#w=…`). */
function routeWorkspace(page: Page): string | null {
  return new URLSearchParams(new URL(page.url()).hash.slice(1)).get('w')
}

test('the owner shares a private note to the demo workspace; a guest sees the copy, never the notebook', async ({
  browser,
}) => {
  const demo = demoInvite(hub)
  const decoded = decodeInviteLink(demo)
  if (!decoded.ok) throw new Error(decoded.error)
  const demoId = decoded.invite.workspace
  const guestToken = decoded.invite.token

  const owner = await openAs(browser, hub.ownerLink, { name: 'Kari Nordmo' })
  await expect(owner.getByTestId('note-list')).toBeVisible()
  await expect(owner.getByTestId('invite-button')).toBeVisible()

  // The notebook is created on first use and opens, set apart, with nothing to share it by.
  await owner.getByTestId('private-notebook').click()
  await expect(owner.getByTestId('private-notebook')).toHaveAttribute('aria-current', 'page')
  await expect(owner.getByTestId('private-badge')).toContainText('never shared')
  await expect(owner.getByTestId('invite-button')).toHaveCount(0)
  await expect(owner.getByTestId('peers-button')).toHaveCount(0)
  const notebookId = routeWorkspace(owner)
  expect(notebookId).not.toBeNull()
  expect(notebookId).not.toBe(demoId)
  // Not among the shared workspaces in the sidebar.
  await expect(
    owner.locator(`[data-testid="workspace-item"][data-workspace-id="${notebookId}"]`),
  ).toHaveCount(0)

  await owner.getByTestId('new-note').click()
  await owner.getByTestId('note-title').fill('Min idé om varmegjenvinning')
  await owner.getByTestId('note-title').press('Enter')
  await editor(owner).click()
  await owner.keyboard.type('Spillvarme fra pressen kan varme lageret.')
  await expect(owner.getByTestId('sync-status')).toHaveAttribute('data-state', 'saved')

  // Share to the demo workspace: the copy opens there.
  await owner.getByTestId('share-note').click()
  const dialog = owner.getByTestId('share-note-dialog')
  await expect(dialog).toContainText('Each share makes a new copy')
  await expect(dialog.getByTestId('share-target')).toHaveCount(1)
  await dialog.getByTestId('share-submit').click()
  await expect(dialog).toHaveCount(0)
  await expect.poll(() => routeWorkspace(owner)).toBe(demoId)
  await expect(owner.getByTestId('note-title')).toHaveValue('Min idé om varmegjenvinning')
  await expect(editor(owner)).toContainText('Spillvarme fra pressen kan varme lageret.')
  await expect(owner.getByTestId('copied-from')).toContainText('Copied from your private notebook')
  await expect(owner.getByTestId('invite-button')).toBeVisible()

  // A guest of the demo workspace sees the copy, with no way back to the original.
  const guest = await openAs(browser, demo, { name: 'Bo Vik', company: 'Fjordmat AS' })
  await guest.getByTestId('note-item').filter({ hasText: 'Min idé om varmegjenvinning' }).click()
  await expect(editor(guest)).toContainText('Spillvarme fra pressen kan varme lageret.')
  await expect(guest.getByTestId('copied-from')).toContainText('Copied from a private notebook')
  await expect(guest.getByTestId('open-original')).toHaveCount(0)
  await expect(guest.getByTestId('private-notebook')).toHaveCount(0)

  // The guest cannot reach the notebook: its rooms refuse the guest's token before any byte,
  // and the host API refuses it too.
  const reached = await guest.evaluate(
    async ({ notebook, token, base }) => {
      const socket = (room: string) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`${base}/sync/${room}?token=${token}`)
          ws.binaryType = 'arraybuffer'
          ws.onmessage = () => resolve('message')
          ws.onopen = () => setTimeout(() => resolve('open'), 300)
          ws.onclose = () => resolve('refused')
        })
      const api = await fetch(`${base.replace(/^ws/, 'http')}/api/workspaces`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      return {
        root: await socket(notebook),
        body: await socket(`${notebook}/notes/note-abcdef`),
        api: api.status,
      }
    },
    {
      notebook: notebookId as string,
      token: guestToken,
      base: new URL(guest.url()).origin.replace(/^http/, 'ws'),
    },
  )
  expect(reached).toEqual({ root: 'refused', body: 'refused', api: 401 })

  // Back in the notebook, the original says where it went, and opens the copy.
  await owner.getByTestId('private-notebook').click()
  await owner.getByTestId('note-item').filter({ hasText: 'Min idé om varmegjenvinning' }).click()
  await expect(owner.getByTestId('shared-to')).toHaveCount(1)
  await expect(owner.getByTestId('shared-to')).toContainText(`Shared to ${decoded.invite.name}`)
  await owner.getByTestId('shared-to').getByRole('button').click()
  await expect.poll(() => routeWorkspace(owner)).toBe(demoId)
})
