import { expect, test, type Browser, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { editor, joinDemo, openAs } from './participants'

/**
 * A note's structure with two people: a note from a template, its properties (company, tag,
 * a competence created inline), the note list filtered by them, chips that filter, and the
 * backlink that appears when another note links here with `[[`.
 */
let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

function join(browser: Browser, name: string, company: string): Promise<Page> {
  return joinDemo(browser, hub, { name, company })
}

const TITLE = 'Varmegjenvinning fra tørkeovnen'
const LESSON_HEADINGS = [
  'What we tried',
  'What happened',
  'What we learned',
  'What we would do differently',
]

test('a lesson from its template, with company, tag and a new competence; the other person filters by them', async ({
  browser,
}) => {
  const ada = await join(browser, 'Ada Lien', 'Lien Møbelverk')
  const bo = await join(browser, 'Bo Vik', 'Fjordmat')
  const total = await bo.getByTestId('note-item').count()

  await ada.getByTestId('new-note-menu').click()
  await ada.getByTestId('new-note-lesson').click()
  await expect(editor(ada).locator('h2')).toHaveText(LESSON_HEADINGS)
  // The template's title is a placeholder only.
  await expect(ada.getByTestId('note-title')).toHaveAttribute('placeholder', 'New lesson learned')
  await expect(ada.getByTestId('note-title')).toHaveValue('')
  await ada.getByTestId('note-title').fill(TITLE)
  await ada.getByTestId('note-title').press('Enter')
  await expect(ada.getByTestId('prop-type-chip')).toHaveText('Lesson learned')

  await ada.getByTestId('prop-company').click()
  await ada.getByTestId('company-picker').getByRole('combobox').fill('lien møbel')
  await ada.keyboard.press('Enter')
  await expect(ada.getByTestId('prop-company-chip')).toHaveText('Lien Møbelverk AS')

  await ada.getByTestId('tag-input').click()
  await ada.keyboard.type('Varmegjenvinning')
  await ada.keyboard.press('Enter')
  await expect(ada.getByTestId('prop-tag-chip')).toHaveText(['#Varmegjenvinning'])

  await ada.getByTestId('prop-competence-add').click()
  const picker = ada.getByTestId('competence-picker')
  await picker.getByRole('combobox').fill('Termisk modellering')
  await expect(picker.getByRole('option', { selected: true })).toHaveText(
    'Create “Termisk modellering”',
  )
  await ada.keyboard.press('Enter')
  await expect(ada.getByTestId('prop-competence-chip')).toHaveText(['Termisk modellering'])

  // Bo sees all of it, and the template once (only Ada's replica wrote it).
  await expect(bo.getByTestId('note-item')).toHaveCount(total + 1)
  await bo.getByTestId('note-item').filter({ hasText: TITLE }).click()
  await expect(editor(bo).locator('h2')).toHaveText(LESSON_HEADINGS)
  await expect(bo.getByTestId('prop-type-chip')).toHaveText('Lesson learned')
  await expect(bo.getByTestId('prop-company-chip')).toHaveText('Lien Møbelverk AS')
  await expect(bo.getByTestId('prop-tag-chip')).toHaveText(['#Varmegjenvinning'])
  await expect(bo.getByTestId('prop-competence-chip')).toHaveText(['Termisk modellering'])

  // Bo filters the list by the tag: the count says how many of how many.
  await expect(bo.getByTestId('note-count')).toBeHidden()
  await bo.getByTestId('note-filter-button').click()
  await bo.getByTestId('filter-tag').selectOption('Varmegjenvinning')
  await bo.keyboard.press('Escape')
  await expect(bo.getByTestId('note-item')).toHaveCount(1)
  await expect(bo.getByTestId('note-count')).toHaveText(`1 of ${total + 1} notes`)
  await expect(bo.getByTestId('filter-chip')).toHaveText(['Tag#Varmegjenvinning'])
  await bo.getByTestId('clear-filters').click()
  await expect(bo.getByTestId('note-item')).toHaveCount(total + 1)
  await expect(bo.getByTestId('note-count')).toBeHidden()

  // The title filter narrows as one types.
  await bo.getByTestId('note-search').fill('tørkeovn')
  await expect(bo.getByTestId('note-item')).toHaveCount(1)
  await expect(bo.getByTestId('note-count')).toHaveText(`1 of ${total + 1} notes`)
  await bo.getByTestId('note-search').press('ArrowDown')
  await expect(bo.getByTestId('note-item').locator('.note-open')).toBeFocused()
  await bo.getByTestId('note-search').fill('')

  // Chips filter the list: the company has two notes, the new competence one.
  await bo.getByTestId('prop-company-chip').locator('.prop-chip-main').click()
  await expect(bo.getByTestId('filter-chip')).toHaveText(['CompanyLien Møbelverk AS'])
  await expect(bo.getByTestId('note-item')).toHaveCount(2)
  await expect(bo.getByTestId('note-count')).toHaveText(`2 of ${total + 1} notes`)
  await bo.getByTestId('prop-competence-chip').locator('.prop-chip-main').click()
  await expect(bo.getByTestId('filter-chip')).toHaveText(['CompetenceTermisk modellering'])
  await expect(bo.getByTestId('note-item')).toHaveCount(1)
  await expect(bo.getByTestId('note-item')).toContainText(TITLE)

  // A filter that matches nothing says so and offers to clear.
  await bo.getByTestId('note-search').fill('finnes ikke')
  await expect(bo.getByTestId('note-list-no-matches')).toBeVisible()
  await bo.getByTestId('note-list-no-matches').getByRole('button').click()
  await expect(bo.getByTestId('note-item')).toHaveCount(total + 1)

  // Ada removes the tag; Bo's chips follow.
  await ada.getByRole('button', { name: 'Remove tag Varmegjenvinning' }).click()
  await expect(bo.getByTestId('prop-tag-chip')).toHaveCount(0)
})

test('linking a note with [[ shows it under "Linked from" for the other person, and it opens', async ({
  browser,
}) => {
  const ada = await join(browser, 'Ada Lien', 'Lien Møbelverk')
  const bo = await join(browser, 'Bo Vik', 'Fjordmat')

  await bo.getByTestId('note-item').filter({ hasText: 'Robotcelle for små serier' }).click()
  await expect(bo.getByTestId('backlinks')).toContainText('No notes link here yet')

  await ada.getByTestId('new-note').click()
  await ada.getByTestId('note-title').fill('Automatisering i små serier')
  await ada.getByTestId('note-title').press('Enter')
  await ada.keyboard.type('Se også [[Robotcelle')
  await ada.getByTestId('suggestion-menu').getByRole('option').first().click()
  await expect(editor(ada)).toContainText('Robotcelle for små serier')

  const backlink = bo.getByTestId('backlinks').getByTestId('backlink')
  await expect(backlink).toHaveCount(1)
  await expect(backlink).toContainText('Automatisering i små serier')
  await backlink.click()
  await expect(bo.getByTestId('note-title')).toHaveValue('Automatisering i små serier')
  await expect(bo.getByTestId('outgoing-link')).toContainText('Robotcelle for små serier')
})

test('a view-only guest sees the properties and can follow chips, but has nothing to edit', async ({
  browser,
}) => {
  const owner = await openAs(browser, hub.ownerLink, { name: 'Kari Nordmo' })
  await owner.getByTestId('invite-button').click()
  const dialog = owner.getByTestId('invite-dialog')
  const editLink = await dialog.getByTestId('invite-link').inputValue()
  await dialog.getByTestId('view-only-switch').click()
  await expect(dialog.getByTestId('invite-link')).not.toHaveValue(editLink)
  const viewLink = await dialog.getByTestId('invite-link').inputValue()
  await owner.keyboard.press('Escape')

  const NOTE = 'Robotcelle for små serier'
  await owner.getByTestId('note-item').filter({ hasText: NOTE }).click()
  await owner.getByTestId('tag-input').click()
  await owner.keyboard.type('automasjon')
  await owner.keyboard.press('Enter')
  await expect(owner.getByTestId('prop-tag-chip')).toHaveText(['#automasjon'])

  // The reader finds the note from the title filter: Enter opens the first match.
  const reader = await openAs(browser, viewLink, { name: 'Lise Leser' })
  await reader.getByTestId('note-search').fill('robotcel')
  await reader.getByTestId('note-search').press('Enter')
  await expect(reader.getByTestId('note-title')).toHaveValue(NOTE)
  await expect(reader.getByTestId('prop-company-chip')).toHaveText('Lien Møbelverk AS')
  await expect(reader.getByTestId('prop-tag-chip')).toHaveText(['#automasjon'])
  await expect(reader.getByTestId('tag-input')).toHaveCount(0)
  await expect(reader.getByTestId('prop-company')).toHaveCount(0)
  await expect(reader.getByTestId('prop-type')).toHaveCount(0)
  await expect(reader.getByTestId('prop-competence-add')).toHaveCount(0)
  await expect(reader.getByRole('button', { name: /^Remove / })).toHaveCount(0)

  await reader.getByTestId('prop-tag-chip').locator('.prop-chip-main').click()
  await expect(reader.getByTestId('note-item')).toHaveCount(1)
  await expect(reader.getByTestId('note-item')).toContainText(NOTE)
})
