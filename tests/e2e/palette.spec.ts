import { expect, test, type Page } from '@playwright/test'
import { openBoard } from './boardPages'
import { startHub, type RunningHub } from './hub'
import { editor, joinDemo, openAs } from './participants'

/**
 * The Ctrl/Cmd+K palette (issue 7), in a browser guest of the example workspace: opened from
 * the note editor and from the board canvas, a few letters of a title and Enter open the note
 * or the board; a command runs; words only in a body come from the host's full-text search;
 * Escape closes it and gives focus back.
 */
let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const HEAT_NOTE = 'Erfaringer med varmegjenvinning fra ovner'
const DEMO_BOARD = 'Fra idé til prosjekt: fiberemballasje'

async function openNote(page: Page, title: string): Promise<void> {
  await page.getByTestId('space-notes').click()
  await page.getByTestId('note-item').filter({ hasText: title }).click()
  await expect(page.getByTestId('note-title')).toHaveValue(title)
}

async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('ControlOrMeta+k')
  await expect(page.getByTestId('palette')).toBeVisible()
  await expect(page.getByTestId('palette-input')).toBeFocused()
}

/** The row the keys would run now. */
function activeOption(page: Page) {
  return page.locator('[data-testid="palette-option"][aria-selected="true"]')
}

test('from the note editor: part of a title, Enter, and that note is open', async ({ browser }) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await openNote(ada, 'Robotcelle for små serier')
  await editor(ada).click()
  const body = await editor(ada).textContent()

  await openPalette(ada)
  // Typed with a typo and without the capital: still the note, its matched letters marked.
  await ada.keyboard.type('varmegjenvining')
  await expect(activeOption(ada)).toHaveAttribute('data-key', 'note:note-demo-heat')
  await expect(activeOption(ada).locator('mark').first()).toBeVisible()
  await ada.keyboard.press('Enter')

  await expect(ada.getByTestId('palette')).toHaveCount(0)
  await expect(ada.getByTestId('note-title')).toHaveValue(HEAT_NOTE)
  // The Ctrl+K went to the palette, not into the text.
  await openNote(ada, 'Robotcelle for små serier')
  await expect.poll(() => editor(ada).textContent()).toBe(body)
})

test('from the board canvas: a board result opens the board; ↑/↓, Home and End move', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await openBoard(ada, DEMO_BOARD)
  await openNote(ada, HEAT_NOTE)
  await openBoard(ada, DEMO_BOARD)
  await ada.getByTestId('board-canvas').focus()

  await openPalette(ada)
  // With nothing typed: what was opened lately, newest first, but not the board on screen —
  // Enter goes back to the note before it.
  const recent = ada.locator('[data-group="recent"] [data-testid="palette-option"]')
  await expect(recent.first()).toHaveAttribute('data-key', 'recent:note:note-demo-heat')
  await expect(ada.locator('[data-key^="recent:board:"]')).toHaveCount(0)
  await ada.keyboard.press('Escape')
  await openNote(ada, 'Robotcelle for små serier')

  await openPalette(ada)
  await ada.keyboard.type('ide til prosjekt')
  const options = ada.getByTestId('palette-option')
  await expect(options.first()).toHaveAttribute('data-key', /^board:/)
  await expect(activeOption(ada)).toHaveAttribute('data-key', /^board:/)
  const count = await options.count()
  expect(count).toBeGreaterThan(1)
  await ada.keyboard.press('End')
  await expect(options.nth(count - 1)).toHaveAttribute('aria-selected', 'true')
  await ada.keyboard.press('ArrowDown')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await ada.keyboard.press('ArrowUp')
  await expect(options.nth(count - 1)).toHaveAttribute('aria-selected', 'true')
  await ada.keyboard.press('Home')
  await expect(activeOption(ada)).toHaveAttribute('data-key', /^board:/)
  await ada.keyboard.press('Enter')

  await expect(ada.getByTestId('board-title')).toHaveValue(DEMO_BOARD)
  await expect(ada.getByTestId('board-loading')).toHaveCount(0)
  // Escape gives the keys back to the board.
  await ada.getByTestId('board-canvas').focus()
  await openPalette(ada)
  await ada.keyboard.press('Escape')
  await expect(ada.getByTestId('board-canvas')).toBeFocused()
})

test('a command: "new note" makes a note and puts the caret in its title', async ({ browser }) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const notes = ada.getByTestId('note-item')
  await expect(notes.first()).toBeVisible()
  const before = await notes.count()

  await openPalette(ada)
  await ada.keyboard.type('new note')
  await expect(activeOption(ada)).toHaveAttribute('data-key', 'command:newNote')
  await ada.keyboard.press('Enter')

  await expect(ada.getByTestId('palette')).toHaveCount(0)
  await expect(ada.getByTestId('note-title')).toBeFocused()
  await expect(ada.getByTestId('note-title')).toHaveValue('')
  await expect(notes).toHaveCount(before + 1)
  await ada.keyboard.type('Laget fra paletten')
  await expect(notes.first()).toContainText('Laget fra paletten')
})

test('a guest gets no Invite; words only in a body come from the full-text search', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await openPalette(ada)
  await expect(ada.getByTestId('palette-option').first()).toBeVisible()
  await expect(ada.locator('[data-key="command:invite"]')).toHaveCount(0)
  await ada.keyboard.type('invite')
  await expect(ada.locator('[data-key="command:invite"]')).toHaveCount(0)

  await ada.getByTestId('palette-input').fill('tunnelovnene')
  const text = ada.locator('[data-group="fullText"] [data-testid="palette-option"]')
  await expect(text.first()).toHaveAttribute('data-key', 'text:note:note-demo-heat')
  await expect(text.first().locator('mark')).toHaveText(['tunnelovnene'])
  await expect(activeOption(ada)).toHaveAttribute('data-key', 'text:note:note-demo-heat')
  await ada.keyboard.press('Enter')
  await expect(ada.getByTestId('note-title')).toHaveValue(HEAT_NOTE)
})

test('Escape closes the palette and focus goes back where it was', async ({ browser }) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await openNote(ada, HEAT_NOTE)
  const title = ada.getByTestId('note-title')
  await title.click()
  await expect(title).toBeFocused()

  await openPalette(ada)
  await ada.keyboard.type('robot')
  await ada.keyboard.press('Escape')
  await expect(ada.getByTestId('palette')).toHaveCount(0)
  await expect(title).toBeFocused()
  await expect(title).toHaveValue(HEAT_NOTE)

  // Ctrl/Cmd+K again closes it too.
  await openPalette(ada)
  await ada.keyboard.press('ControlOrMeta+k')
  await expect(ada.getByTestId('palette')).toHaveCount(0)
})

/** Runs the command the palette finds first for `words`, checking it is `id`. */
async function runCommand(page: Page, words: string, id: string): Promise<void> {
  await openPalette(page)
  await page.keyboard.type(words)
  await expect(activeOption(page)).toHaveAttribute('data-key', `command:${id}`)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('palette')).toHaveCount(0)
}

test('the commands do what their buttons do: timer, theme, language, map, new board, invite', async ({
  browser,
}) => {
  // The owner (the hub's owner link): the one who may invite.
  const owner = await openAs(browser, hub.ownerLink, { name: 'Kari Nordmo' })
  await expect(owner.getByTestId('note-list')).toBeVisible()

  // The timer is the facilitator's: no timer command before Kari facilitates the board.
  await openBoard(owner, DEMO_BOARD)
  await openPalette(owner)
  await owner.keyboard.type('timer')
  await expect(owner.locator('[data-key^="command:"][data-key$="Timer"]')).toHaveCount(0)
  await owner.keyboard.press('Escape')
  await owner.getByTestId('facilitation-start').click()
  await runCommand(owner, 'timer 3', 'startTimer')
  await expect(owner.getByTestId('timer')).toHaveAttribute('data-status', 'running')
  await expect(owner.getByTestId('timer-time')).toHaveText(/^0?(3:00|2:[0-5]\d)$/)
  await runCommand(owner, 'stop timer', 'stopTimer')
  await expect(owner.getByTestId('timer')).toHaveAttribute('data-status', 'idle')

  const theme = await owner.evaluate(() => document.documentElement.dataset.theme)
  await runCommand(owner, theme === 'dark' ? 'light' : 'dark', 'theme')
  await expect(owner.locator('html')).toHaveAttribute(
    'data-theme',
    theme === 'dark' ? 'light' : 'dark',
  )
  await runCommand(owner, 'norsk', 'language')
  await expect(owner.getByTestId('space-notes')).toHaveText('Notater')
  await runCommand(owner, 'engelsk', 'language')
  await expect(owner.getByTestId('space-notes')).toHaveText('Notes')

  await runCommand(owner, 'competence map', 'openMap')
  await expect(owner.getByTestId('map-screen')).toHaveAttribute('data-view', 'matrix')

  await runCommand(owner, 'new board', 'newBoard')
  await expect(owner.getByTestId('new-board-dialog')).toBeVisible()
  await owner.keyboard.press('Escape')
  await expect(owner.getByTestId('new-board-dialog')).toHaveCount(0)

  await runCommand(owner, 'invite', 'invite')
  await expect(owner.getByTestId('invite-dialog')).toBeVisible()
})
