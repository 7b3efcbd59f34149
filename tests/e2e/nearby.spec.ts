import { expect, test } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { openAs } from './participants'

const hubs: RunningHub[] = []

test.afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.stop()))
})

/** Calls a hub's owner API with the token from its owner link. */
async function ownerApi(hub: RunningHub, method: string, path: string, body?: unknown) {
  const token = new URL(hub.ownerLink).hash.replace('#owner=', '')
  const response = await fetch(`${hub.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  expect(response.ok, `${method} ${path}`).toBe(true)
  return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>)
}

test('Nearby lists a workspace on another host, by name, after its address is added', async ({
  browser,
}) => {
  const a = await startHub()
  hubs.push(a)
  const b = await startHub()
  hubs.push(b)
  await ownerApi(a, 'POST', '/api/workspaces', { name: 'Kryssverksted' })
  const lanA = (await ownerApi(a, 'PUT', '/api/hosting', { on: true })) as { port: number }

  const page = await openAs(browser, b.ownerLink, { name: 'Kari Nordmo' })
  await expect(page.getByTestId('workspace-list')).toBeVisible()
  // No dead UI: nothing nearby and hosting off, so no section.
  await expect(page.getByTestId('add-address')).toHaveCount(0)

  await ownerApi(b, 'PUT', '/api/hosting', { on: true })
  await page.getByTestId('add-address').click()
  const input = page.getByTestId('add-address-input')
  await input.fill('ftp://nowhere')
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByText('Type an address such as http://192.168.1.20:4455.')).toBeVisible()

  await input.fill(`127.0.0.1:${lanA.port}`)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByTestId('add-address-dialog')).toHaveCount(0)

  const item = page.getByTestId('nearby-list').getByTestId('nearby-item').filter({
    hasText: 'Kryssverksted',
  })
  await expect(item).toHaveText(/Kryssverksted – on \S+/)
  await expect(page.getByText('Joining needs an invite link from whoever hosts it.')).toBeVisible()
  // Listed, never joined: B's workspace list does not get it.
  await expect(
    page.getByTestId('workspace-list').getByText('Kryssverksted', { exact: true }),
  ).toHaveCount(0)
})
