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

test('a screen whose code cannot be fetched says so, the rest stays, and "Try again" loads it', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  // The editor's code is fetched with the first note opened: the Wi-Fi drops just then.
  let offline = true
  await ada.route(/\/assets\/NoteView-[^/]*\.js$/, (route) =>
    offline ? route.abort('internetdisconnected') : route.continue(),
  )
  await ada.getByTestId('note-item').first().click()
  const failed = ada.getByTestId('load-failed')
  await expect(failed).toContainText('could not be loaded')
  // Only that screen: the sidebar and its notes are still there and still work.
  await expect(ada.getByTestId('note-list')).toBeVisible()
  await expect(ada.getByTestId('note-item').first()).toBeVisible()
  await ada.screenshot({ path: 'test-results/load-failed.png' })

  offline = false
  await failed.getByTestId('load-retry').click()
  await expect(failed).toHaveCount(0)
  await expect(ada.getByTestId('note-editor').locator('.ProseMirror')).toBeVisible()
})
