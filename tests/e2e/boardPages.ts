import { expect, type Page } from '@playwright/test'

/**
 * Board steps several end-to-end specs share: make a blank board through the New board
 * dialog, open one from the list, and find a point of the canvas on the page.
 */
export type CanvasPoint = { x: number; y: number }

/** Makes a board through the New board dialog, from a template ('blank' for none). */
export async function createBoardInDialog(
  page: Page,
  title: string,
  template: string,
): Promise<void> {
  await page.getByTestId('space-boards').click()
  await page.getByTestId('new-board').click()
  const dialog = page.getByTestId('new-board-dialog')
  await dialog.getByTestId(`board-template-${template}`).click()
  await dialog.getByTestId('new-board-title').fill(title)
  await dialog.getByTestId('new-board-create').click()
  await expect(dialog).toHaveCount(0)
}

/** A blank board made through the UI; it is open and empty when this returns. */
export async function newBoard(page: Page, title: string): Promise<void> {
  await createBoardInDialog(page, title, 'blank')
  await expect(page.getByTestId('board-title')).toHaveValue(title)
  await expect(page.getByTestId('board-loading')).toHaveCount(0)
  await expect(page.getByTestId('board-empty-hint')).toBeVisible()
}

/** Opens a board from the sidebar's list and waits for it to load. */
export async function openBoard(page: Page, title: string): Promise<void> {
  await page.getByTestId('space-boards').click()
  await page.getByTestId('board-item').filter({ hasText: title }).click()
  await expect(page.getByTestId('board-loading')).toHaveCount(0)
}

/** Where on the page a point of the canvas is (measured from the canvas's top-left corner). */
export async function onCanvas(page: Page, at: CanvasPoint): Promise<CanvasPoint> {
  const box = await page.getByTestId('board-canvas').boundingBox()
  if (box === null) throw new Error('no canvas on screen')
  return { x: box.x + at.x, y: box.y + at.y }
}
