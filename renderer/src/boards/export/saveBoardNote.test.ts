import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardId, ItemId } from '../../../../shared/ids'
import { initBoard } from '../../../../shared/model/board/boardDoc'
import { createItems } from '../../../../shared/model/board/commands'
import { promoteSticky } from '../../../../shared/model/board/promote'
import { boardSummary } from '../../../../shared/model/board/summary'
import { ANNE } from '../../../../shared/model/board/testing'
import { noteBodyFragment } from '../../../../shared/model/noteBody'
import { getNote, listNotes } from '../../../../shared/model/notes'
import { fragmentToBlocks } from '../../../../shared/model/richText'
import type { SyncStatus } from '../../sync/syncStatus'
import {
  NoteSaveError,
  promotedNoteBlocks,
  saveNoteWithBody,
  summaryNoteBlocks,
  type BodyLease,
} from './saveBoardNote'

const NOW = Date.UTC(2026, 10, 27, 9)
const LINK = { href: '#w=ws-demo&b=board-1', label: 'Åpne tavla «Retro»' }

/** A body connection whose sync and storage the test drives. */
function fakeBody(): BodyLease & {
  sync(): void
  store(): void
  destroyed: boolean
} {
  const doc = new Y.Doc()
  const syncListeners = new Set<(synced: boolean) => void>()
  const statusListeners = new Set<() => void>()
  let status: SyncStatus = {
    state: 'saving',
    people: 1,
    savedWhere: 'computer',
    unsaved: false,
    synced: false,
  }
  const body = {
    doc,
    destroyed: false,
    provider: {
      synced: false,
      on: (_event: 'sync', listener: (synced: boolean) => void) => syncListeners.add(listener),
      off: (_event: 'sync', listener: (synced: boolean) => void) => syncListeners.delete(listener),
    },
    status: {
      subscribe(listener: () => void) {
        statusListeners.add(listener)
        return () => statusListeners.delete(listener)
      },
      getSnapshot: () => status,
    },
    sync() {
      body.provider.synced = true
      for (const listener of [...syncListeners]) listener(true)
    },
    store() {
      status = { ...status, state: 'saved', unsaved: false, synced: true }
      for (const listener of [...statusListeners]) listener()
    },
    destroy() {
      body.destroyed = true
    },
  }
  // Writing marks the body unsaved until the host confirms it.
  doc.on('update', () => {
    status = { ...status, unsaved: true }
  })
  return body
}

const INPUT = {
  title: 'Oppsummering: Retro',
  type: 'meeting' as const,
  blocks: [{ type: 'heading' as const, level: 2 as const, content: ['Bra'] }],
  author: { name: 'Anne' },
  now: NOW,
}

describe('saveNoteWithBody', () => {
  it('writes the body, waits for the host to store it, then adds the note', async () => {
    const rootDoc = new Y.Doc()
    const body = fakeBody()
    const saving = saveNoteWithBody({ rootDoc, openBody: () => body }, INPUT)
    await Promise.resolve()
    expect(listNotes(rootDoc)).toHaveLength(0)
    body.sync()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(fragmentToBlocks(noteBodyFragment(body.doc))).toEqual(INPUT.blocks)
    // Written but not yet on the host's disk: not in the list yet.
    expect(listNotes(rootDoc)).toHaveLength(0)
    body.store()
    const id = await saving
    expect(getNote(rootDoc, id)).toMatchObject({ title: INPUT.title, type: 'meeting' })
    expect(body.destroyed).toBe(true)
  })

  it('adds no note when the body never syncs', async () => {
    const rootDoc = new Y.Doc()
    const body = fakeBody()
    const saving = saveNoteWithBody(
      { rootDoc, openBody: () => body, timeouts: { sync: 20, store: 20 } },
      INPUT,
    )
    await expect(saving).rejects.toEqual(new NoteSaveError('unreachable'))
    expect(listNotes(rootDoc)).toHaveLength(0)
    expect(noteBodyFragment(body.doc).length).toBe(0)
    expect(body.destroyed).toBe(true)
  })

  it('adds no note when the host never confirms the body is stored', async () => {
    const rootDoc = new Y.Doc()
    const body = fakeBody()
    body.sync()
    const saving = saveNoteWithBody(
      { rootDoc, openBody: () => body, timeouts: { sync: 20, store: 20 } },
      INPUT,
    )
    await expect(saving).rejects.toEqual(new NoteSaveError('not-stored'))
    expect(listNotes(rootDoc)).toHaveLength(0)
  })
})

function workshop(): { doc: Y.Doc; sticky: ItemId } {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Retro', actor: ANNE, now: NOW })
  const [frame] = createItems(doc, [{ kind: 'frame', x: 0, y: 0, w: 600, h: 400, text: 'Bra' }], {
    actor: ANNE,
    now: NOW,
  })
  const [sticky] = createItems(
    doc,
    [{ kind: 'sticky', x: 20, y: 60, text: 'Felles innkjøp', frameId: frame }],
    { actor: ANNE, now: NOW },
  )
  return { doc, sticky: sticky as ItemId }
}

describe('note blocks from a board', () => {
  it('puts the link back to the board under the summary first line', () => {
    const { doc } = workshop()
    const summary = boardSummary(doc, ANNE, 'nb')
    const blocks = summaryNoteBlocks(summary, LINK)
    expect(blocks[0]).toEqual(summary.blocks[0])
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      content: [{ text: LINK.label, link: LINK.href }],
    })
    expect(blocks.slice(2)).toEqual(summary.blocks.slice(1))
    expect(blocks).toContainEqual({ type: 'heading', level: 2, content: ['Bra'] })
  })

  it('keeps a promoted sticky text, its provenance line and a link back', () => {
    const { doc, sticky } = workshop()
    const promoted = promoteSticky(doc, 'board-1' as BoardId, sticky, { viewer: ANNE, lang: 'en' })
    expect(promoted).toBeDefined()
    if (promoted === undefined) return
    const blocks = promotedNoteBlocks(promoted, LINK)
    expect(blocks[0]).toEqual({ type: 'paragraph', content: ['Felles innkjøp'] })
    expect(JSON.stringify(blocks[1])).toContain('From the workshop board “Retro” 2026-11-27')
    expect(blocks.at(-1)).toEqual({
      type: 'paragraph',
      content: [{ text: LINK.label, link: LINK.href }],
    })
  })
})
