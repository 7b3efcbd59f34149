import { expect, test, type Page } from '@playwright/test'
import * as decoding from 'lib0/decoding'
import {
  SEARCH_RATE_LIMITED,
  encodeSearchResults,
  readSearchResults,
  type SearchResponse,
} from '../../shared/search/protocol'
import { newBoard, onCanvas } from './boardPages'
import { startHub, type RunningHub } from './hub'
import { demoInvite, editor, joinDemo, contextFor } from './participants'

/**
 * Full-text search (issue 7) between two people: what one writes — a sticky on a board, words
 * in a note body — the other finds on the search page, highlighted, and opens; a board hit
 * opens the board zoomed to the sticky with it selected. Filters narrow the hits.
 */
let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

type Camera = { x: number; y: number; zoom: number }

async function camera(page: Page): Promise<Camera> {
  return page.evaluate(() => {
    const probe = (window as unknown as { kryssBoardProbe?: { camera: Camera } }).kryssBoardProbe
    if (probe === undefined) throw new Error('the board has not painted yet')
    return probe.camera
  })
}

/** Opens the search page from the sidebar and types `text` into its field. */
async function search(page: Page, text: string): Promise<void> {
  if ((await page.getByTestId('search-page').count()) === 0) {
    await page.getByTestId('search-nav').click()
  }
  const field = page.getByTestId('search-input')
  await expect(field).toBeFocused()
  await field.fill(text)
}

/** A note with a title and a body, written through the UI. */
async function writeNote(page: Page, title: string, body: string): Promise<void> {
  await page.getByTestId('space-notes').click()
  await page.getByTestId('new-note').click()
  await page.getByTestId('note-title').fill(title)
  await page.getByTestId('note-title').press('Enter')
  await editor(page).click()
  await page.keyboard.type(body)
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', /^(saved|connected)$/)
}

test('a sticky one person writes is found by the other within a second, and opens zoomed to it and selected', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })

  // Bo's search page is open before the sticky exists (typed without ø, as on a keyboard
  // without Norwegian letters).
  await search(bo, 'pelletsfabrikk loeten')
  await expect(bo.getByTestId('search-no-hits')).toBeVisible()

  await newBoard(ada, 'Verksted om flis')
  await ada.getByTestId('board-tool-sticky').click()
  const at = await onCanvas(ada, { x: 320, y: 220 })
  await ada.mouse.click(at.x, at.y)
  await expect(ada.getByTestId('board-text-editor')).toBeVisible()
  await ada.keyboard.type('Pelletsfabrikk på Løten')
  await ada.keyboard.press('Escape')
  await expect(ada.getByTestId('board-text-editor')).toHaveCount(0)
  await expect(ada.getByTestId('sync-status')).toHaveAttribute('data-state', /^(saved|connected)$/)

  // Found within a second on the page Bo has open, without typing again: it asks again live.
  const hit = bo.getByTestId('search-hit').filter({ hasText: 'Pelletsfabrikk' })
  await expect(hit).toBeVisible({ timeout: 1500 })
  await expect(hit).toHaveAttribute('data-kind', 'sticky')
  await expect(hit.locator('mark').first()).toHaveText(/pelletsfabrikk/i)
  await expect(hit.locator('mark').filter({ hasText: 'Løten' })).toHaveCount(1)
  await expect(hit).toContainText('Verksted om flis')
  await expect(bo.getByTestId('search-group').filter({ has: hit })).toHaveAttribute(
    'data-kind',
    'sticky',
  )

  // Enter opens the marked (first) hit: the board, the sticky selected and in the middle.
  await bo.getByTestId('search-input').press('Enter')
  await expect(bo.getByTestId('board-screen')).toBeVisible()
  await expect(bo.getByTestId('board-title')).toHaveValue('Verksted om flis')
  await expect(bo.getByTestId('board-announcer')).toContainText('Pelletsfabrikk på Løten')
  await expect.poll(async () => (await camera(bo)).zoom).toBe(1.25)
  // The route no longer names the item once it is shown.
  await expect.poll(() => new URL(bo.url()).hash).not.toContain('i=')
  // Clicking the canvas's middle selects that very sticky again after letting go of it.
  await bo.getByTestId('board-canvas').focus()
  await bo.keyboard.press('Escape')
  await expect(bo.getByTestId('board-announcer')).toHaveText('')
  const box = await bo.getByTestId('board-canvas').boundingBox()
  if (box === null) throw new Error('no canvas')
  await bo.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(bo.getByTestId('board-announcer')).toContainText('Pelletsfabrikk på Løten')
})

test('words in note bodies are found with their highlight; filters narrow them; recent searches come back', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await writeNote(ada, 'Tørke av bark', 'Vi prøvde sagflisfyring i hall 2 med god effekt.')
  await writeNote(bo, 'Energi på kaia', 'Fjordmat vurderer sagflisfyring for fryselageret.')

  // A prefix finds the word in both bodies; the match is marked in the snippet.
  await search(bo, 'sagflisfyr')
  const hits = bo.getByTestId('search-hit')
  await expect(hits).toHaveCount(2, { timeout: 3000 })
  await expect(bo.getByTestId('search-group')).toHaveAttribute('data-kind', 'note')
  const snippet = hits.filter({ hasText: 'Tørke av bark' }).getByTestId('search-hit-snippet')
  await expect(snippet.locator('mark')).toHaveText(/^sagflisfyr/i)
  await expect(snippet).toContainText('i hall 2')
  await expect(bo.getByTestId('search-total')).toContainText('2 hits')

  // Only what Ada wrote.
  await bo.getByTestId('search-filter-author').selectOption('Ada Lien')
  await expect(hits).toHaveCount(1)
  await expect(hits).toContainText('Tørke av bark')
  // Only boards: none of these notes.
  await bo.getByTestId('search-kind-sticky').click()
  await expect(bo.getByTestId('search-no-hits')).toBeVisible()
  await expect(bo.getByTestId('search-no-hits')).toContainText('The filters may be hiding hits.')
  await bo.getByTestId('search-no-hits').getByRole('button', { name: 'Clear filters' }).click()
  await expect(hits).toHaveCount(2)

  // ↓ marks the second hit; Enter opens it.
  const second = (await hits.nth(1).getByTestId('search-hit-title').textContent()) ?? ''
  expect(['Tørke av bark', 'Energi på kaia']).toContain(second)
  await bo.getByTestId('search-input').press('ArrowDown')
  await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true')
  await bo.getByTestId('search-input').press('Enter')
  await expect(bo.getByTestId('search-page')).toHaveCount(0)
  await expect(bo.getByTestId('note-title')).toHaveValue(second)

  // Back on the search page, the field is empty and the search is in the recent list.
  await bo.getByTestId('search-nav').click()
  await expect(bo.getByTestId('search-input')).toHaveValue('')
  const recent = bo.getByTestId('search-recent-item')
  await expect(recent).toHaveText(['sagflisfyr'])
  await recent.first().click()
  await expect(bo.getByTestId('search-input')).toHaveValue('sagflisfyr')
  await expect(hits).toHaveCount(2)
})

test('a host that cannot search is never asked, and the page says so; a lost connection is said too', async ({
  browser,
}) => {
  // An older host: its root connection never says it can search (searchStatus, type 122, is
  // taken out on the way); what the page sends is watched for search requests (type 120).
  const context = await contextFor(browser, 'en-US')
  const requests: number[] = []
  await context.routeWebSocket(/./, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage((message) => {
      if (typeof message !== 'string' && message[0] === 120) requests.push(message.length)
      server.send(message)
    })
    server.onMessage((message) => {
      if (typeof message !== 'string' && message[0] === 122) return
      ws.send(message)
    })
  })
  const old = await context.newPage()
  await old.goto(demoInvite(hub))
  await old.getByTestId('profile-name').fill('Ada Lien')
  await old.getByTestId('profile-company').fill('Lien Møbelverk')
  await old.getByTestId('profile-save').click()
  await old.getByTestId('search-nav').click()
  await expect(old.getByTestId('search-unavailable')).toContainText(
    'Full-text search is not available on this host',
  )
  await expect(old.getByTestId('search-input')).toBeDisabled()
  expect(requests).toEqual([])

  // A host that can: hits, then the host goes away.
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await search(bo, 'varme')
  await expect(bo.getByTestId('search-hit').first()).toBeVisible()
  await hub.stop('SIGKILL')
  await expect(bo.getByTestId('search-error')).toContainText('Not connected to the host')
  await expect(bo.getByTestId('search-pending')).toHaveCount(0)
  // What was found stays on screen meanwhile.
  await expect(bo.getByTestId('search-hit').first()).toBeVisible()
})

test('an edit to a note shows on a search page left open, which asks nothing while nothing changes', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await writeNote(ada, 'Tørke av bark', 'Vi prøvde sagflisfyring i hall 2.')

  // Bo's search requests (type 120) are counted on the way to the host.
  const context = await contextFor(browser, 'en-US')
  const requests: number[] = []
  await context.routeWebSocket(/./, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage((message) => {
      if (typeof message !== 'string' && message[0] === 120) requests.push(Date.now())
      server.send(message)
    })
    server.onMessage((message) => ws.send(message))
  })
  const bo = await context.newPage()
  await bo.goto(demoInvite(hub))
  await bo.getByTestId('profile-name').fill('Bo Vik')
  await bo.getByTestId('profile-company').fill('Fjordmat')
  await bo.getByTestId('profile-save').click()
  await search(bo, 'flishugger')
  await expect(bo.getByTestId('search-no-hits')).toBeVisible()

  // Once nothing changes (Ada's note settles: its date is touched a little after typing),
  // nothing is asked — 2.5 s without a request (the page used to ask once a second).
  await expect
    .poll(
      async () => {
        const before = requests.length
        await bo.waitForTimeout(2500)
        return requests.length - before
      },
      { timeout: 15_000, intervals: [0] },
    )
    .toBe(0)

  // Ada's note gets the word — no note more, no count changed — and Bo's page shows it.
  await ada.keyboard.type(' Neste gang: flishugger.')
  const hit = bo.getByTestId('search-hit').filter({ hasText: 'Tørke av bark' })
  await expect(hit).toBeVisible({ timeout: 2000 })
  await expect(hit.getByTestId('search-hit-snippet').locator('mark')).toHaveText('flishugger')

  // Typed on an English keyboard, ø as o: found, the title's word marked as written.
  await search(bo, 'torke bark')
  await expect(hit.getByTestId('search-hit-title').locator('mark').first()).toHaveText('Tørke')
})

test('a search over the host’s rate limit is said in the page’s language and asked again', async ({
  browser,
}) => {
  // The host's first answer is replaced by a refusal (as when a connection asks too often).
  const context = await contextFor(browser, 'nb-NO')
  let refused = 0
  await context.routeWebSocket(/./, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage((message) => server.send(message))
    server.onMessage((message) => {
      if (typeof message !== 'string' && message[0] === 121 && refused === 0) {
        refused++
        const decoder = decoding.createDecoder(new Uint8Array(message))
        decoding.readVarUint(decoder)
        const { requestId, json } = readSearchResults(decoder)
        const { status } = JSON.parse(json) as SearchResponse
        ws.send(
          Buffer.from(
            encodeSearchResults(requestId, {
              hits: [],
              total: 0,
              tookMs: 0,
              status,
              error: 'Too many searches at once; asking again shortly.',
              code: SEARCH_RATE_LIMITED,
              retryAfterMs: 1500,
            }),
          ),
        )
        return
      }
      ws.send(message)
    })
  })
  const bo = await context.newPage()
  await bo.goto(demoInvite(hub))
  await bo.getByTestId('profile-name').fill('Bo Vik')
  await bo.getByTestId('profile-company').fill('Fjordmat')
  await bo.getByTestId('profile-save').click()
  await search(bo, 'varme')
  await expect(bo.getByTestId('search-rate-limited')).toHaveText(
    'Mange søk på kort tid – verten svarer om et øyeblikk …',
  )
  await expect(bo.getByTestId('search-error')).toHaveCount(0)
  // Asked again when the host said: the hits come, the notice goes.
  await expect(bo.getByTestId('search-hit').first()).toBeVisible({ timeout: 4000 })
  await expect(bo.getByTestId('search-rate-limited')).toHaveCount(0)
  expect(refused).toBe(1)
})
