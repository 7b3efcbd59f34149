import { expect, test } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { joinDemo } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

test('a screen whose code cannot be fetched says so, the rest stays, and "Try again" or another note tries anew', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  // The editor's code is fetched with the first note opened: the Wi-Fi drops just then.
  let offline = true
  let fetches = 0
  await ada.route(/\/assets\/NoteView-[^/]*\.js$/, (route) => {
    fetches++
    return offline ? route.abort('internetdisconnected') : route.continue()
  })
  const notes = ada.getByTestId('note-item')
  await notes.nth(0).click()
  const failed = ada.getByTestId('load-failed')
  await expect(failed).toContainText('could not be loaded')
  // Only that screen: the sidebar and its notes are still there and still work.
  await expect(ada.getByTestId('note-list')).toBeVisible()
  await expect(notes.first()).toBeVisible()
  await ada.screenshot({ path: 'test-results/load-failed.png' })
  const tried = fetches

  // Try again while still offline: fetched once more, and the same message.
  await failed.getByTestId('load-retry').click()
  await expect.poll(() => fetches).toBeGreaterThan(tried)
  await expect(failed).toContainText('could not be loaded')

  // Back online: opening another note is trying again too, and it opens.
  offline = false
  await notes.nth(1).click()
  await expect(failed).toHaveCount(0)
  await expect(ada.getByTestId('note-editor').locator('.ProseMirror')).toBeVisible()
})
