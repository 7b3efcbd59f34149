import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { ItemId } from '../shared/ids'
import { moveItems } from '../shared/model/board/commands'
import { fillBoard } from '../shared/model/board/fixtures'
import { ANNE } from '../shared/model/board/testing'
import { openDocStore } from '../electron/core/storage/docStore'
import { createBoardScene } from '../renderer/src/boards/state/boardScene'
import { ms, percentile, printRows, type Row } from './stats'

/**
 * Issue 5 in Node: what loading a board costs before anything is drawn (the host reading it
 * from disk, a client applying the sync update, the scene indexing every item), a remote
 * edit reaching the scene, and the bytes a drag puts on the wire. The browser half
 * (boardsBrowser.ts) measures drawing, pan/zoom frames and drag latency in Chromium.
 */
export const BOARD_SIZES = [1_000, 5_000, 10_000] as const

function median(samples: readonly number[]): number {
  return percentile(samples, 50)
}

function time(run: () => void): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

/** A board of `stickies` stickies as the host stores and sends it (update encoding v2). */
export function boardUpdate(stickies: number): { update: Uint8Array; ids: ItemId[] } {
  const doc = new Y.Doc()
  const ids = fillBoard(doc, { stickies, seed: 7 })
  return { update: Y.encodeStateAsUpdateV2(doc), ids }
}

async function hostLoad(update: Uint8Array): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'kryss-bench-board-'))
  const doc = new Y.Doc()
  Y.applyUpdateV2(doc, update)
  const store = await openDocStore({ dir, doc })
  await store.compact()
  await store.close()
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    const loaded = await openDocStore({ dir })
    samples.push(performance.now() - start)
    await loaded.close()
  }
  await rm(dir, { recursive: true, force: true })
  return samples
}

export async function runBoardsBench(): Promise<void> {
  const rows: Row[] = []
  for (const size of BOARD_SIZES) {
    const { update, ids } = boardUpdate(size)
    const apply: number[] = []
    const scene: number[] = []
    for (let i = 0; i < 5; i++) {
      const doc = new Y.Doc()
      apply.push(time(() => Y.applyUpdateV2(doc, update)))
      scene.push(time(() => createBoardScene(doc, ANNE).destroy()))
    }
    const host = await hostLoad(update)
    rows.push({
      name: `${size} stickies: sync update size`,
      value: `${(update.byteLength / 1024).toFixed(0)} KiB`,
    })
    rows.push({
      name: `${size} stickies: host reads it from disk (p50)`,
      value: ms(median(host)),
    })
    rows.push({
      name: `${size} stickies: client applies it / scene indexes it (p50)`,
      value: `${ms(median(apply))} / ${ms(median(scene))}`,
    })

    if (size !== 10_000) continue
    // A remote move of one sticky, as it reaches a client with the board open.
    const local = new Y.Doc()
    Y.applyUpdateV2(local, update)
    const remote = new Y.Doc()
    Y.applyUpdateV2(remote, update)
    const view = createBoardScene(local, ANNE)
    const perEdit: number[] = []
    remote.on('update', (edit: Uint8Array) => {
      perEdit.push(time(() => Y.applyUpdate(local, edit)))
    })
    for (let i = 0; i < 200; i++) {
      moveItems(remote, { ids: [ids[(i * 37) % ids.length] as ItemId], dx: 8, dy: 0 })
    }
    view.destroy()
    rows.push({
      name: '10000 stickies: a remote move applied + scene updated (p50 / p95)',
      value: `${ms(median(perEdit))} / ${ms(percentile(perEdit, 95))}`,
    })

    // One person dragging 1 and 20 stickies: presence at one update per frame (60/s), then one
    // document update for the drop.
    for (const count of [1, 20]) {
      const awareness = new Awareness(new Y.Doc())
      awareness.setLocalState({
        user: { name: 'Anne Bakken', color: '#e11d48', company: 'Lien Møbelverk' },
        person: 'person-abcdefghijklmnop',
        board: {
          cursor: { x: 1234.5, y: 678.25 },
          view: { x: 0, y: 0, w: 1600, h: 900 },
          drag: { ids: ids.slice(0, count), dx: 123.5, dy: -45.25 },
          selection: ids.slice(0, count),
          summon: null,
        },
      })
      const frame = encodeAwarenessUpdate(awareness, [awareness.clientID]).byteLength
      let drop = 0
      const once = (edit: Uint8Array): void => {
        drop = edit.byteLength
      }
      remote.once('update', once)
      moveItems(remote, { ids: ids.slice(0, count), dx: 100, dy: 40 })
      rows.push({
        name: `drag of ${count} sticky${count === 1 ? '' : 's'}: bytes per second (60 presence updates) + drop`,
        value: `${((frame * 60) / 1024).toFixed(1)} KiB/s + ${drop} B`,
      })
    }
  }
  printRows('Boards (issue 5), Node: load and sync costs', rows)
}
