import { expect, test, type Page } from '@playwright/test'
import { startHub, type RunningHub } from './hub'
import { newBoard, onCanvas } from './boardPages'
import { joinDemo } from './participants'

let hub: RunningHub

test.beforeEach(async () => {
  hub = await startHub()
})

test.afterEach(async () => {
  await hub.stop()
})

const shot = (name: string): string => `test-results/map-network-${name}.png`

/** What the test reads from cytoscape (the canvas's container holds the instance as `cy`). */
type Probe = {
  nodes: number
  edges: number
  faded: number
  focused: string[]
  near: string[]
  canvases: number
}

type CyNode = { id(): string; renderedPosition(): { x: number; y: number } }
type CyLike = {
  nodes(selector?: string): { length: number; map<T>(fn: (node: CyNode) => T): T[] }
  edges(): { length: number }
  elements(selector: string): { length: number }
  getElementById(id: string): CyNode
}

async function probe(page: Page): Promise<Probe> {
  return page.getByTestId('network-canvas').evaluate((element) => {
    const cy = (element as HTMLElement & { cy?: CyLike }).cy
    if (cy === undefined) throw new Error('no cytoscape instance on the canvas')
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      faded: cy.elements('.faded').length,
      focused: cy.nodes('.focused').map((node) => node.id()),
      near: cy.nodes('.near').map((node) => node.id()),
      canvases: element.querySelectorAll('canvas').length,
    }
  })
}

/** Where a node is drawn, in page coordinates. */
async function nodeOnPage(page: Page, id: string): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('network-canvas')
  const box = await canvas.boundingBox()
  if (box === null) throw new Error('the canvas is not on screen')
  const at = await canvas.evaluate((element, nodeId) => {
    const cy = (element as HTMLElement & { cy?: CyLike }).cy
    return cy?.getElementById(nodeId).renderedPosition() ?? { x: -1, y: -1 }
  }, id)
  return { x: box.x + at.x, y: box.y + at.y }
}

async function openNetwork(page: Page): Promise<void> {
  await page.getByTestId('space-map').click()
  await page.getByTestId('map-view-network').click()
  await expect(page.getByTestId('network-view')).toHaveAttribute('data-layout', 'ready')
}

test('the network map renders the example companies and competences, focuses on a company from the list, on a node clicked in the canvas, and Escape shows everything again', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  await ada.setViewportSize({ width: 1280, height: 800 })
  await openNetwork(ada)
  const view = ada.getByTestId('network-view')

  // 10 companies and every competence someone offers or needs; an edge per offer and need.
  const drawn = await probe(ada)
  expect(drawn.canvases).toBeGreaterThan(0)
  expect(drawn.nodes).toBeGreaterThan(10)
  expect(drawn.edges).toBeGreaterThan(20)
  await expect(view).toHaveAttribute('data-nodes', String(drawn.nodes))
  await expect(view).toHaveAttribute('data-edges', String(drawn.edges))
  expect(Number(await view.getAttribute('data-layout-ms'))).toBeLessThan(1000)
  // Laid out in the worker, off the UI thread.
  await expect(view).toHaveAttribute('data-layout-where', 'worker')
  await expect(ada.getByTestId('network-legend')).toContainText('Wood panels')
  await ada.screenshot({ path: shot('light') })

  // Focus from the list (the keyboard's way): Vestplate and what it offers and needs.
  const vestplate = ada.locator('[data-testid="network-node"][data-node-id="co:co-vestplate"]')
  await vestplate.focus()
  await ada.keyboard.press('Enter')
  await expect(view).toHaveAttribute('data-focus', 'co:co-vestplate')
  await expect(vestplate).toHaveAttribute('aria-pressed', 'true')
  const card = ada.getByTestId('network-focus')
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Vestplate AS')
  await expect(card).toContainText('Bio-based binders')
  let focused = await probe(ada)
  expect(focused.focused).toEqual(['co:co-vestplate'])
  expect(focused.near).toContain('cp:cp-binders')
  expect(focused.faded).toBeGreaterThan(0)
  // The view is fitted to the neighbourhood: the company is on screen, inside the canvas.
  await ada.waitForTimeout(450)
  const canvasBox = await ada.getByTestId('network-canvas').boundingBox()
  const at = await nodeOnPage(ada, 'co:co-vestplate')
  expect(canvasBox).not.toBeNull()
  expect(at.x).toBeGreaterThan(canvasBox!.x)
  expect(at.x).toBeLessThan(canvasBox!.x + canvasBox!.width)
  expect(at.y).toBeGreaterThan(canvasBox!.y)
  expect(at.y).toBeLessThan(canvasBox!.y + canvasBox!.height)
  await ada.screenshot({ path: shot('focus-light') })

  // A click on a node in the canvas moves the focus there.
  const binders = await nodeOnPage(ada, 'cp:cp-binders')
  await ada.mouse.click(binders.x, binders.y)
  await expect(view).toHaveAttribute('data-focus', 'cp:cp-binders')
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Bio-based binders')
  await expect(card).toContainText('Needed by')
  focused = await probe(ada)
  expect(focused.near).toContain('co:co-vestplate')

  // Escape: nothing faded, no focus card.
  await ada.keyboard.press('Escape')
  await expect(view).toHaveAttribute('data-focus', '')
  await expect(card).toHaveCount(0)
  expect((await probe(ada)).faded).toBe(0)

  // The search narrows the list.
  await ada.getByTestId('network-search').fill('vestpl')
  await expect(ada.getByTestId('network-node')).toHaveCount(1)

  // Dark theme: the canvas follows it.
  await ada.emulateMedia({ colorScheme: 'dark' })
  await ada.getByTestId('network-search').fill('')
  await vestplate.click()
  await ada.waitForTimeout(450)
  await ada.screenshot({ path: shot('focus-dark') })
})

test('an offer another participant adds from a workshop sticky appears in the open network map', async ({
  browser,
}) => {
  const ada = await joinDemo(browser, hub, { name: 'Ada Lien', company: 'Lien Møbelverk' })
  const bo = await joinDemo(browser, hub, { name: 'Bo Vik', company: 'Fjordmat' })
  await openNetwork(bo)
  const view = bo.getByTestId('network-view')
  const before = await probe(bo)

  await newBoard(ada, 'Verksted')
  await ada.getByTestId('board-tool-sticky').click()
  const at = await onCanvas(ada, { x: 320, y: 220 })
  await ada.mouse.click(at.x, at.y)
  await ada.keyboard.type('Kantliming')
  await ada.keyboard.press('Escape')
  await ada.getByTestId('board-actions').click()
  await ada.getByTestId('board-action-promote-map').click()
  const dialog = ada.getByTestId('promote-map-dialog')
  await dialog.getByTestId('promote-map-side-offer').check()
  await dialog.getByTestId('promote-map-submit').click()
  await expect(dialog.getByTestId('promote-map-done')).toHaveText(
    'Lien Møbelverk AS now offers Kantliming (Some).',
  )

  // Bo's map gains the competence and the offer, laid out again from where it was.
  await expect(view).toHaveAttribute('data-nodes', String(before.nodes + 1))
  await expect(view).toHaveAttribute('data-edges', String(before.edges + 1))
  await expect(view).toHaveAttribute('data-layout', 'ready')
  const node = bo.getByTestId('network-node').filter({ hasText: 'Kantliming' })
  await node.click()
  const card = bo.getByTestId('network-focus')
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Kantliming')
  await expect(card).toContainText('Offered by')
  await expect(card).toContainText('Lien Møbelverk AS')
  expect((await probe(bo)).near).toContain('co:co-lien')
})
