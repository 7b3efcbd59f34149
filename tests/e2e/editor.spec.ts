import { deflateSync } from 'node:zlib'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { editor, joinDemo } from './participants'

/**
 * The rich editor with two people in one note: slash menu, Markdown shortcuts, images that
 * travel in the body document, `[[` links to notes, and undo that only undoes your own
 * changes.
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

/** Ada makes a note; Bo opens it. Both have the editor focused at the end of the body. */
async function twoInNewNote(browser: Browser, title: string): Promise<[Page, Page]> {
  const ada = await join(browser, 'Ada Lien', 'Lien Møbelverk')
  const bo = await join(browser, 'Bo Vik', 'Fjordmat')
  await ada.getByTestId('new-note').click()
  await ada.getByTestId('note-title').fill(title)
  await ada.getByTestId('note-title').press('Enter')
  await expect(editor(ada)).toBeFocused()
  await bo.getByTestId('note-item').filter({ hasText: title }).click()
  await expect(bo.getByTestId('note-title')).toHaveValue(title)
  return [ada, bo]
}

/** A real, decodable PNG of `width`×`height` pixels of one colour. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())])
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Pastes files into the editor as a clipboard would (no text on it). */
async function pasteFiles(
  page: Page,
  files: { name: string; type: string; base64?: string; size?: number }[],
): Promise<void> {
  await editor(page).evaluate((target, list) => {
    const data = new DataTransfer()
    for (const file of list) {
      const bytes =
        file.base64 === undefined
          ? new Uint8Array(file.size ?? 0)
          : Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
      data.items.add(new File([bytes], file.name, { type: file.type }))
    }
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, files)
}

test('the slash menu inserts a heading and a table; the other participant sees both', async ({
  browser,
}) => {
  const [ada, bo] = await twoInNewNote(browser, 'Blokker fra menyen')
  await expect(editor(ada).locator('p.is-editor-empty')).toHaveAttribute(
    'data-placeholder',
    'Start writing…',
  )

  await ada.keyboard.type('/')
  const menu = ada.getByRole('listbox', { name: 'Blocks' })
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('option')).toHaveCount(12)
  // The editor points at the highlighted option.
  const first = menu.getByRole('option').first()
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await expect(editor(ada)).toHaveAttribute(
    'aria-activedescendant',
    (await first.getAttribute('id'))!,
  )

  // Filtered as you type; arrow keys move; Enter picks.
  await ada.keyboard.type('head')
  await expect(menu.getByRole('option')).toHaveText([/Heading 1/, /Heading 2/, /Heading 3/])
  await ada.keyboard.press('ArrowDown')
  await expect(menu.getByRole('option', { name: /Heading 2/ })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await ada.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await ada.keyboard.type('Varmegjenvinning')
  await expect(editor(ada).locator('h2')).toHaveText('Varmegjenvinning')

  // Escape closes the menu and leaves the typed text alone.
  await ada.keyboard.press('Enter')
  await expect(editor(ada).locator('p.is-empty')).toHaveAttribute(
    'data-placeholder',
    'Type / for blocks or [[ to link a note',
  )
  await ada.keyboard.type('/xyz')
  await expect(ada.getByTestId('suggestion-menu')).toContainText('No matching blocks')
  await ada.keyboard.press('Escape')
  await expect(ada.getByTestId('suggestion-menu')).toBeHidden()
  await expect(editor(ada)).toContainText('/xyz')
  for (let i = 0; i < 4; i++) await ada.keyboard.press('Backspace')

  // A table by mouse: 3 × 3 with a header row.
  await ada.keyboard.type('/tab')
  await menu.getByRole('option', { name: /Table/ }).click()
  await expect(editor(ada).locator('table tr')).toHaveCount(3)
  await ada.keyboard.type('Kilde')
  await expect(ada.getByTestId('table-tools')).toBeVisible()
  await ada.getByTestId('table-tools').click()
  await ada.getByRole('menuitem', { name: 'Insert row below' }).click()
  await expect(editor(ada).locator('table tr')).toHaveCount(4)
  await ada.getByTestId('table-tools').click()
  await ada.getByRole('menuitem', { name: 'Insert column right' }).click()
  await expect(editor(ada).locator('table tr').first().locator('th')).toHaveCount(4)

  await expect(editor(bo).locator('h2')).toHaveText('Varmegjenvinning')
  await expect(editor(bo).locator('table tr')).toHaveCount(4)
  // (The cell also holds Ada's caret label.)
  await expect(editor(bo).locator('table th').first()).toHaveText(/^Kilde/)
  await expect(editor(bo).locator('table tr').nth(1).locator('td')).toHaveCount(4)
})

test('Markdown shortcuts turn into blocks and marks as you type', async ({ browser }) => {
  const [ada, bo] = await twoInNewNote(browser, 'Markdown-snarveier')
  const body = editor(ada)
  const type = (text: string) => ada.keyboard.type(text)
  const enter = () => ada.keyboard.press('Enter')

  await type('# Tittel')
  await enter()
  await type('## Del')
  await enter()
  await type('### Underdel')
  await enter()
  await type('- punkt')
  await enter()
  await enter()
  await type('1. første')
  await enter()
  await enter()
  await type('[ ] gjøremål')
  await enter()
  await enter()
  await type('> sitat')
  await enter()
  await enter()
  await type('**fet** *kursiv* ~~borte~~ `kode` ')
  await enter()
  await type('---')
  await type('``` ')
  await type('const x = 1')

  await expect(body.locator('h1')).toHaveText('Tittel')
  await expect(body.locator('h2')).toHaveText('Del')
  await expect(body.locator('h3')).toHaveText('Underdel')
  await expect(body.locator('ul:not([data-type]) > li')).toHaveText('punkt')
  await expect(body.locator('ol > li')).toHaveText('første')
  await expect(body.locator('ul[data-type="taskList"] > li > div')).toHaveText('gjøremål')
  await expect(
    body.locator('ul[data-type="taskList"] input[type="checkbox"]'),
  ).toHaveAccessibleName('To do: gjøremål')
  await expect(body.locator('blockquote')).toHaveText('sitat')
  await expect(body.locator('strong')).toHaveText('fet')
  await expect(body.locator('em')).toHaveText('kursiv')
  await expect(body.locator('s')).toHaveText('borte')
  await expect(body.locator('p code')).toHaveText('kode')
  await expect(body.locator('hr')).toHaveCount(1)
  await expect(body.locator('pre code')).toHaveText('const x = 1')
  // No shortcut text left behind.
  await expect(body).not.toContainText('#')
  await expect(body).not.toContainText('**')

  // A checklist item is ticked by one person and shows ticked for the other.
  await body.locator('ul[data-type="taskList"] input[type="checkbox"]').check()
  const boTask = editor(bo).locator('ul[data-type="taskList"] > li')
  await expect(boTask).toHaveAttribute('data-checked', 'true')
  await expect(editor(bo).locator('pre code')).toHaveText(/^const x = 1/)
  await expect(editor(bo).locator('blockquote')).toHaveText('sitat')
})

test('a pasted image is stored in the note and shows for the other participant; too large and SVG are refused', async ({
  browser,
}) => {
  const [ada, bo] = await twoInNewNote(browser, 'Bilde fra utklippstavlen')
  await ada.keyboard.type('Før bildet')

  await pasteFiles(ada, [
    { name: 'ovn.png', type: 'image/png', base64: png(12, 8, [220, 40, 40]).toString('base64') },
  ])
  const adaImage = editor(ada).locator('figure.note-image img')
  await expect(adaImage).toHaveAttribute('src', /^blob:/)
  await expect(adaImage).toHaveAttribute('alt', 'ovn')
  await expect
    .poll(() => adaImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(12)

  const boImage = editor(bo).locator('figure.note-image img')
  await expect(boImage).toHaveAttribute('src', /^blob:/)
  await expect
    .poll(() => boImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(12)

  // Above the limit: a message near the editor, nothing inserted.
  await pasteFiles(ada, [{ name: 'stort.png', type: 'image/png', size: 6 * 1024 * 1024 }])
  const alert = ada.getByTestId('editor-alert')
  await expect(alert).toHaveAttribute('role', 'alert')
  await expect(alert).toContainText('The image is 6.0 MB. The limit is 5 MB')
  await expect(editor(ada).locator('figure.note-image')).toHaveCount(1)
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toBeHidden()

  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
  await pasteFiles(ada, [
    { name: 'logo.svg', type: 'image/svg+xml', base64: Buffer.from(svg).toString('base64') },
  ])
  await expect(alert).toContainText('Only PNG, JPEG, GIF and WebP images can be added.')
  await expect(editor(ada).locator('figure.note-image')).toHaveCount(1)
  await expect(editor(bo).locator('figure.note-image')).toHaveCount(1)

  // The slash menu's Image opens a file picker.
  await editor(ada).press('Control+End')
  await ada.keyboard.press('Enter')
  const chooser = ada.waitForEvent('filechooser')
  await ada.keyboard.type('/image')
  await ada.keyboard.press('Enter')
  await (
    await chooser
  ).setFiles({ name: 'blå.png', mimeType: 'image/png', buffer: png(5, 5, [30, 60, 200]) })
  await expect(editor(bo).locator('figure.note-image img')).toHaveCount(2)
  await expect(editor(bo).locator('figure.note-image img').nth(1)).toHaveAttribute('alt', 'blå')

  // Dropped from the file manager onto the first line: stored and shown for both.
  const target = await editor(ada).locator('p').first().boundingBox()
  if (target === null) throw new Error('no first paragraph')
  await editor(ada).evaluate(
    (element, drop) => {
      const data = new DataTransfer()
      const bytes = Uint8Array.from(atob(drop.base64), (char) => char.charCodeAt(0))
      data.items.add(new File([bytes], 'grønn.png', { type: 'image/png' }))
      element.dispatchEvent(
        new DragEvent('drop', {
          dataTransfer: data,
          clientX: drop.x,
          clientY: drop.y,
          bubbles: true,
          cancelable: true,
        }),
      )
    },
    {
      base64: png(7, 3, [20, 160, 60]).toString('base64'),
      x: target.x + 4,
      y: target.y + target.height / 2,
    },
  )
  await expect(editor(bo).locator('figure.note-image img')).toHaveCount(3)
  await expect(editor(bo).locator('figure.note-image img').first()).toHaveAttribute('alt', 'grønn')
  await expect
    .poll(() =>
      editor(bo)
        .locator('figure.note-image img')
        .first()
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    )
    .toBe(7)
})

test('[[ links to a note by title, shows its current title and opens it', async ({ browser }) => {
  const [ada, bo] = await twoInNewNote(browser, 'Notat med lenker')
  await ada.keyboard.type('Se [[bindemid')
  const menu = ada.getByRole('listbox', { name: 'Link to a note' })
  await expect(menu.getByRole('option').first()).toHaveText('Biobaserte bindemidler i sponplater')
  await ada.keyboard.press('Enter')
  const adaLink = editor(ada).locator('.note-link').first()
  await expect(adaLink).toHaveText('Biobaserte bindemidler i sponplater')
  await expect(adaLink).toHaveAttribute('role', 'link')

  // A new note from the menu, linked at once.
  await ada.keyboard.type('og [[Helt ny idé')
  await menu.getByRole('option', { name: 'Create note “Helt ny idé”' }).click()
  await expect(editor(ada).locator('.note-link').nth(1)).toHaveText('Helt ny idé')
  await expect(ada.getByTestId('note-item').filter({ hasText: 'Helt ny idé' })).toHaveCount(1)

  // Bo deletes the new note: Ada's link to it says so, struck out.
  const newIdea = bo.getByTestId('note-item').filter({ hasText: 'Helt ny idé' })
  await newIdea.hover()
  await newIdea.getByRole('button', { name: 'More actions for Helt ny idé' }).click()
  await bo.getByRole('menuitem', { name: 'Delete' }).click()
  await bo.getByRole('button', { name: 'Delete note' }).click()
  const goneLink = editor(ada).locator('.note-link').nth(1)
  await expect(goneLink).toHaveText('Deleted note')
  await expect(goneLink).toHaveClass(/note-link--missing/)
  await expect(goneLink).toHaveAttribute('aria-disabled', 'true')

  // Bo sees the link with the live title, follows it and renames the target.
  const boLink = editor(bo).locator('.note-link').first()
  await expect(boLink).toHaveText('Biobaserte bindemidler i sponplater')
  await boLink.click()
  await expect(bo.getByTestId('note-title')).toHaveValue('Biobaserte bindemidler i sponplater')
  // The host mirrored Ada's link into the workspace: the target lists it as a backlink.
  await expect(bo.getByTestId('backlinks').getByTestId('backlink')).toHaveText([/Notat med lenker/])
  await bo.getByTestId('note-title').fill('Biobaserte bindemidler (revidert)')
  await bo.getByTestId('note-title').press('Enter')
  await expect(adaLink).toHaveText('Biobaserte bindemidler (revidert)')

  // Enter on a focused link opens it too.
  await adaLink.focus()
  await ada.keyboard.press('Enter')
  await expect(ada.getByTestId('note-title')).toHaveValue('Biobaserte bindemidler (revidert)')
})

test('undo only undoes your own typing, not the other participant’s', async ({ browser }) => {
  const [ada, bo] = await twoInNewNote(browser, 'Angre egne endringer')
  await ada.keyboard.type('Ada skrev dette.')
  await expect(editor(bo)).toContainText('Ada skrev dette.')

  await editor(bo).click()
  await bo.keyboard.press('Control+End')
  await bo.keyboard.press('Enter')
  await bo.keyboard.type('Bo la til dette.')
  await expect(editor(ada)).toContainText('Bo la til dette.')

  await editor(ada).focus()
  await ada.keyboard.press('Control+z')
  await expect(editor(ada)).not.toContainText('Ada skrev dette.')
  await expect(editor(ada)).toContainText('Bo la til dette.')
  await expect(editor(bo)).not.toContainText('Ada skrev dette.')
  await expect(editor(bo)).toContainText('Bo la til dette.')

  // Redo brings Ada's text back: by keyboard, then undo and redo from the toolbar.
  await ada.keyboard.press('Control+Shift+z')
  await expect(editor(bo)).toContainText('Ada skrev dette.')
  await ada.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(editor(bo)).not.toContainText('Ada skrev dette.')
  await ada.getByRole('button', { name: 'Redo', exact: true }).click()
  await expect(editor(bo)).toContainText('Ada skrev dette.')
  // Ctrl+Y is redo too.
  await editor(ada).focus()
  await ada.keyboard.press('Control+z')
  await expect(editor(bo)).not.toContainText('Ada skrev dette.')
  await ada.keyboard.press('Control+y')
  await expect(editor(bo)).toContainText('Ada skrev dette.')
  await expect(editor(bo)).toContainText('Bo la til dette.')

  // Bo's undo takes back only Bo's line.
  await editor(bo).focus()
  await bo.keyboard.press('Control+z')
  await expect(editor(ada)).not.toContainText('Bo la til dette.')
  await expect(editor(ada)).toContainText('Ada skrev dette.')
})

test('an image copied into another note brings its picture along', async ({ browser }) => {
  const [ada, bo] = await twoInNewNote(browser, 'Bilde som skal kopieres')
  await pasteFiles(ada, [
    { name: 'kopi.png', type: 'image/png', base64: png(9, 4, [200, 120, 0]).toString('base64') },
  ])
  const figure = editor(ada).locator('figure.note-image')
  await expect(figure.locator('img')).toHaveAttribute('src', /^blob:/)
  const fileId = await figure.getAttribute('data-file-id')
  expect(fileId).toMatch(/^f-[0-9a-f]{24}$/)

  await ada.getByTestId('new-note').click()
  await ada.getByTestId('note-title').fill('Mottaker av bildet')
  await ada.getByTestId('note-title').press('Enter')
  await expect(editor(ada).locator('figure.note-image')).toHaveCount(0)
  // What the editor puts on the clipboard for an image: the node, without its bytes.
  await editor(ada).evaluate((target, id) => {
    const data = new DataTransfer()
    data.setData(
      'text/html',
      `<img data-file-id="${id}" alt="kopi"><img data-file-id="f-000000000000000000000000" alt="ukjent">`,
    )
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, fileId)
  // The known picture came along; the unknown one was left out.
  await expect(editor(ada).locator('figure.note-image img')).toHaveCount(1)
  await expect(editor(ada).locator('figure.note-image img')).toHaveAttribute('src', /^blob:/)

  await bo.getByTestId('note-item').filter({ hasText: 'Mottaker av bildet' }).click()
  const boImage = editor(bo).locator('figure.note-image img')
  await expect(boImage).toHaveAttribute('alt', 'kopi')
  await expect
    .poll(() => boImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(9)
})

test('coming back to a note shows its editor as it was: same text, same elements, undo intact', async ({
  browser,
}) => {
  const ada = await join(browser, 'Ada Lien', 'Lien Møbelverk')
  await ada.getByTestId('new-note').click()
  await ada.getByTestId('note-title').fill('Tilbake igjen')
  await ada.getByTestId('note-title').press('Enter')
  await ada.keyboard.type('Første avsnitt.')
  // A mark on the paragraph's element (a property: ProseMirror would undo an attribute), which a
  // rebuilt document would not have.
  await editor(ada)
    .locator('p')
    .first()
    .evaluate((p) => Object.assign(p, { kryssSeen: true }))
  await ada.getByTestId('note-item').filter({ hasText: 'Robotcelle for små serier' }).click()
  await expect(ada.getByTestId('note-title')).toHaveValue('Robotcelle for små serier')
  await expect(editor(ada)).not.toContainText('Første avsnitt.')
  await ada.getByTestId('note-item').filter({ hasText: 'Tilbake igjen' }).click()
  await expect(editor(ada)).toContainText('Første avsnitt.')
  const seen = await editor(ada)
    .locator('p')
    .first()
    .evaluate((p) => (p as HTMLElement & { kryssSeen?: boolean }).kryssSeen === true)
  expect(seen).toBe(true)
  await editor(ada).focus()
  await ada.keyboard.press('Control+z')
  await expect(editor(ada)).not.toContainText('Første avsnitt.')
})
