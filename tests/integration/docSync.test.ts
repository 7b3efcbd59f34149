import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket as NodeWebSocket } from 'ws'
import type * as Y from 'yjs'
import type { DocSync, openDocSync as OpenDocSync } from '../../renderer/src/sync/docSync'
import type { receiveBoardPreview as ReceiveBoardPreview } from '../../renderer/src/boards/boardPreview'
import type { BoardItem } from '../../shared/model/board/items'
import { createItems } from '../../shared/model/board/commands'
import { ANNE } from '../../shared/model/board/testing'
import { BOARD_PREVIEW_PARAM } from '../../shared/protocol'
import { boardRoomName } from '../../shared/rooms'
import type { BoardId } from '../../shared/ids'
import { cleanup, connectProvider, startHost, waitFor, whenSynced } from './hostHarness'

/**
 * The renderer's own sync client (renderer/src/sync/docSync.ts) against a real host: that
 * what the host sends is applied without re-encoding, and that nothing local is lost by it.
 * Node 20 has no global WebSocket; the renderer's socket class extends it, so `ws` stands in.
 */
let openDocSync: typeof OpenDocSync
let receiveBoardPreview: typeof ReceiveBoardPreview
const hadWebSocket = 'WebSocket' in globalThis
beforeAll(async () => {
  if (!hadWebSocket) Object.assign(globalThis, { WebSocket: NodeWebSocket })
  ;({ openDocSync } = await import('../../renderer/src/sync/docSync'))
  ;({ receiveBoardPreview } = await import('../../renderer/src/boards/boardPreview'))
})
afterAll(() => {
  if (!hadWebSocket) Reflect.deleteProperty(globalThis, 'WebSocket')
})

const opened: DocSync[] = []
afterEach(async () => {
  for (const sync of opened.splice(0)) sync.destroy()
  await cleanup()
})

async function open(): Promise<{ sync: DocSync; seed: Y.Doc }> {
  const started = await startHost()
  const workspace = await started.host.registry.create('Verksted')
  const seeder = connectProvider(started.port, workspace.id, { token: workspace.token })
  await whenSynced(seeder)
  const sync = openDocSync({
    room: workspace.id,
    target: { hostUrl: started.url, token: workspace.token },
    surface: 'browser',
    presence: { user: { name: 'Anne', color: '#0f766e', company: '' }, note: null },
  })
  opened.push(sync)
  return { sync, seed: seeder.doc }
}

describe('openDocSync', () => {
  it('applies the host’s content without encoding it into an update event', async () => {
    const { sync, seed } = await open()
    const encodedFromHost: unknown[] = []
    // The provider's listener: count what it is asked to encode and ignore.
    const handler = sync.provider._updateHandler
    sync.doc.off('update', handler)
    const counting = (update: Uint8Array, origin: unknown): void => {
      if (origin === sync.provider) encodedFromHost.push(origin)
      handler(update, origin)
    }
    sync.provider._updateHandler = counting
    sync.doc.on('update', counting)

    await waitFor(() => sync.provider.synced, 'the first sync')
    seed.getMap('items').set('a', 'from the host')
    await waitFor(() => sync.doc.getMap('items').get('a') === 'from the host', 'a remote edit')
    expect(encodedFromHost).toEqual([])

    // Local edits still reach the host and the other client.
    sync.doc.getMap('items').set('b', 'mine')
    await waitFor(() => seed.getMap('items').get('b') === 'mine', 'a local edit to arrive')
    await waitFor(() => !sync.status.getSnapshot().unsaved, 'the edit to be stored')
  })

  it('sends a change an observer writes while a message from the host is applied', async () => {
    const { sync, seed } = await open()
    await waitFor(() => sync.provider.synced, 'the first sync')
    // Answers every remote edit with a local one, inside the same applyUpdate.
    sync.doc.getMap('items').observe((event) => {
      if (event.transaction.origin !== sync.provider) return
      for (const key of event.keysChanged as Set<string>) {
        sync.doc.getMap('answers').set(key, `seen ${key}`)
      }
    })
    seed.getMap('items').set('x', 1)
    await waitFor(
      () => seed.getMap('answers').get('x') === 'seen x',
      'the answer to reach the host',
    )
  })

  it('marks a local edit unsaved until the host has stored it', async () => {
    const { sync } = await open()
    await waitFor(() => sync.status.getSnapshot().state === 'saved', 'saved')
    const states: boolean[] = []
    sync.status.subscribe(() => states.push(sync.status.getSnapshot().unsaved))
    sync.doc.getMap('items').set('c', 'edit')
    await waitFor(() => states.includes(true), 'unsaved')
    await waitFor(() => sync.status.getSnapshot().state === 'saved', 'saved again')
    expect(sync.status.getSnapshot().unsaved).toBe(false)
  })
})

describe('a board preview', () => {
  async function openBoard(): Promise<DocSync> {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const room = boardRoomName(workspace.id, 'board-aaaaaaaaaaaa' as BoardId)
    const writer = connectProvider(started.port, room, { token: workspace.token })
    await whenSynced(writer)
    createItems(
      writer.doc,
      [
        { kind: 'sticky', x: 0, y: 0, text: 'Én' },
        { kind: 'sticky', x: 200, y: 0, text: 'To' },
      ],
      { actor: ANNE, now: 1 },
    )
    const reader = connectProvider(started.port, room, { token: workspace.token })
    await waitFor(() => reader.doc.getMap('items').size === 2, 'the stickies at the host')
    const sync = openDocSync({
      room,
      target: { hostUrl: started.url, token: workspace.token },
      surface: 'browser',
      presence: { user: { name: 'Anne', color: '#0f766e', company: '' }, note: null },
      params: { [BOARD_PREVIEW_PARAM]: '1' },
    })
    opened.push(sync)
    return sync
  }

  it('holds the document back until the preview is painted, then applies it', async () => {
    const sync = await openBoard()
    let painted = (): void => {}
    const previews: BoardItem[][] = []
    receiveBoardPreview(sync, (items) => {
      previews.push(items)
      return new Promise<void>((done) => (painted = done))
    })
    await waitFor(() => previews.length === 1, 'the preview')
    expect(previews[0]?.map((item) => item.text).sort()).toEqual(['To', 'Én'])
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(sync.provider.synced).toBe(false)
    expect(sync.doc.getMap('items').size).toBe(0)
    painted()
    await waitFor(() => sync.provider.synced, 'the document after the paint')
    expect(sync.doc.getMap('items').size).toBe(2)
  })

  it('does not wait for a paint that never comes', async () => {
    const sync = await openBoard()
    const started = Date.now()
    receiveBoardPreview(sync, () => new Promise<void>(() => {}))
    await waitFor(() => sync.provider.synced, 'the document without a paint')
    expect(sync.doc.getMap('items').size).toBe(2)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
