import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DocumentLoadError,
  LOG_FILE,
  openDocStore,
  SNAPSHOT_FILE,
  STORAGE_ORIGIN,
} from '../../electron/core/storage/docStore'
import type { DocStore, StorageWarning } from '../../electron/core/storage/docStore'
import { HEADER_BYTES } from '../../electron/core/storage/frame'

const tmpDirs: string[] = []
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kryss-store-'))
  tmpDirs.push(dir)
  return dir
}

const openStores: DocStore[] = []
async function open(options: Parameters<typeof openDocStore>[0]): Promise<DocStore> {
  const store = await openDocStore(options)
  openStores.push(store)
  return store
}

afterEach(async () => {
  await Promise.allSettled(openStores.splice(0).map((s) => s.close()))
  await Promise.all(tmpDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

/** A few edits touching map, text, array and xml, including deletions. */
function editSome(doc: Y.Doc, tag: string): void {
  doc.transact(() => {
    doc.getMap('meta').set('name', `workspace ${tag}`)
    doc.getText('body').insert(0, `hello ${tag} `)
    doc.getArray<string>('list').push([tag])
  })
  const notes = doc.getMap<Y.Map<unknown>>('notes')
  const note = new Y.Map<unknown>()
  notes.set(`note-${tag}`, note)
  const body = new Y.XmlFragment()
  note.set('body', body)
  body.insert(0, [new Y.XmlText(`text of ${tag}`)])
  doc.getText('body').delete(0, 2)
}

function snapshotOf(doc: Y.Doc) {
  return {
    meta: doc.getMap('meta').toJSON(),
    body: doc.getText('body').toJSON(),
    list: doc.getArray('list').toJSON(),
    notes: doc.getMap('notes').toJSON(),
    stateVector: Array.from(Y.encodeStateVector(doc)),
  }
}

const fileSize = async (file: string) => (await stat(file)).size

describe('openDocStore', () => {
  it('creates a missing directory and starts empty', async () => {
    const dir = path.join(await tempDir(), 'a', 'b')
    const store = await open({ dir })
    expect(store.doc.store.clients.size).toBe(0)
    expect(store.warnings).toEqual([])
    expect((await readdir(dir)).sort()).toEqual([LOG_FILE])
    expect(await fileSize(path.join(dir, LOG_FILE))).toBe(HEADER_BYTES)
  })

  it('keeps content across reopen', async () => {
    const dir = await tempDir()
    const first = await open({ dir })
    for (let i = 0; i < 20; i++) editSome(first.doc, `e${i}`)
    const expected = snapshotOf(first.doc)
    await first.close()

    const second = await open({ dir })
    expect(snapshotOf(second.doc)).toEqual(expected)
    expect(second.warnings).toEqual([])
  })

  it('makes acknowledged updates readable from disk without close', async () => {
    const dir = await tempDir()
    const store = await open({ dir })
    await expect(store.whenDurable()).resolves.toBeUndefined()
    editSome(store.doc, 'a')
    const durable = store.whenDurable()
    editSome(store.doc, 'b')
    await durable
    await store.whenDurable()

    // Copy the directory as a crash would leave it: the store is still open.
    const copy = await tempDir()
    await cp(dir, copy, { recursive: true })
    const reader = await open({ dir: copy })
    expect(snapshotOf(reader.doc)).toEqual(snapshotOf(store.doc))
  })

  it('loads with STORAGE_ORIGIN in one transaction and does not re-persist it', async () => {
    const dir = await tempDir()
    const first = await open({ dir })
    for (let i = 0; i < 5; i++) editSome(first.doc, `e${i}`)
    await first.close()
    const logBytes = await fileSize(path.join(dir, LOG_FILE))

    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr) => origins.push(tr.origin))
    const second = await open({ dir, doc })
    expect(origins).toEqual([STORAGE_ORIGIN])
    Y.applyUpdateV2(doc, Y.encodeStateAsUpdateV2(doc), STORAGE_ORIGIN)
    await second.close()
    expect(await fileSize(path.join(dir, LOG_FILE))).toBe(logBytes)
  })

  it('persists what a passed-in doc held before open', async () => {
    const dir = await tempDir()
    const doc = new Y.Doc()
    editSome(doc, 'before')
    const store = await open({ dir, doc })
    await store.close()
    const reopened = await open({ dir })
    expect(snapshotOf(reopened.doc)).toEqual(snapshotOf(doc))
  })

  it('batches a synchronous burst of updates into one write', async () => {
    const dir = await tempDir()
    const store = await open({ dir })
    for (let i = 0; i < 100; i++) store.doc.getMap('m').set(`k${i}`, i)
    const durable = store.whenDurable()
    expect(await fileSize(path.join(dir, LOG_FILE))).toBe(HEADER_BYTES)
    await durable
    expect(await fileSize(path.join(dir, LOG_FILE))).toBeGreaterThan(HEADER_BYTES)
  })

  it('acknowledges an edit made right after the previous acknowledgement', async () => {
    const dir = await tempDir()
    const store = await open({ dir })
    // Each edit lands a few microtasks after the writer finished the previous batch, which
    // walks it across the writer's exit: a lost wake-up there hangs whenDurable().
    for (let i = 0; i < 200; i++) {
      for (let hop = 0; hop < i % 8; hop++) await Promise.resolve()
      store.doc.getMap('m').set(`k${i}`, i)
      await store.whenDurable()
      if (i % 50 === 0) await store.compact()
    }
    await store.close()
    expect(Object.keys((await open({ dir })).doc.getMap('m').toJSON())).toHaveLength(200)
  }, 5_000)

  it('refuses further work after an IO failure instead of claiming durability', async () => {
    const dir = await tempDir()
    const store = await openDocStore({ dir })
    store.doc.getMap('m').set('a', 1)
    await store.whenDurable()
    // The open log handle keeps working; the compaction's temp file cannot be created.
    await rm(dir, { recursive: true })
    await expect(store.compact()).rejects.toMatchObject({ code: 'ENOENT' })
    store.doc.getMap('m').set('b', 2)
    await expect(store.whenDurable()).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(store.close()).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses a second open of the same directory until the first is closed', async () => {
    const dir = await tempDir()
    const first = await openDocStore({ dir })
    await expect(openDocStore({ dir: path.join(dir, '.') })).rejects.toThrow(/already open/)
    await first.close()
    await (await openDocStore({ dir })).close()
  })

  it('removes stray temp files left by a crash', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'snapshot.tmp'), 'half a snapshot')
    const store = await open({ dir })
    await store.close()
    expect(await readdir(dir)).toEqual([LOG_FILE])
  })
})

describe('damaged files', () => {
  it('quarantines a corrupt log tail, keeps the good prefix and reports it', async () => {
    const dir = await tempDir()
    const first = await open({ dir })
    first.doc.getMap('m').set('a', 1)
    await first.whenDurable()
    const goodSize = await fileSize(path.join(dir, LOG_FILE))
    first.doc.getMap('m').set('b', 2)
    await first.close()

    const log = await readFile(path.join(dir, LOG_FILE))
    const damaged = Buffer.from(log)
    damaged[damaged.length - 1]! ^= 0xff
    await writeFile(path.join(dir, LOG_FILE), damaged)

    const seen: StorageWarning[] = []
    const second = await open({ dir, now: () => 1234, onWarning: (w) => seen.push(w) })
    expect(second.doc.getMap('m').toJSON()).toEqual({ a: 1 })
    const quarantinedTo = path.join(dir, `${LOG_FILE}.quarantine-1234`)
    expect(second.warnings).toEqual([
      {
        kind: 'quarantined-tail',
        file: path.join(dir, LOG_FILE),
        quarantinedTo,
        bytes: log.length - goodSize,
        reason: `crc at byte ${goodSize}`,
      },
    ])
    expect(seen).toEqual(second.warnings)
    expect(await readFile(quarantinedTo)).toEqual(damaged.subarray(goodSize))
    expect(await fileSize(path.join(dir, LOG_FILE))).toBe(goodSize)

    second.doc.getMap('m').set('c', 3)
    await second.close()
    const third = await open({ dir })
    expect(third.doc.getMap('m').toJSON()).toEqual({ a: 1, c: 3 })
    expect(third.warnings).toEqual([])
  })

  it('quarantines a torn tail and never reuses a quarantine name', async () => {
    const dir = await tempDir()
    const first = await open({ dir })
    first.doc.getMap('m').set('a', 1)
    await first.close()
    const logFile = path.join(dir, LOG_FILE)
    const good = await readFile(logFile)
    for (let round = 0; round < 2; round++) {
      await writeFile(logFile, Buffer.concat([good, Buffer.from([5, 0, 0])]))
      const store = await open({ dir, now: () => 42 })
      expect(store.warnings.map((w) => [w.kind, w.bytes, w.reason])).toEqual([
        ['quarantined-tail', 3, `torn at byte ${good.length}`],
      ])
      expect(store.doc.getMap('m').toJSON()).toEqual({ a: 1 })
      await store.close()
    }
    expect((await readdir(dir)).sort()).toEqual([
      LOG_FILE,
      `${LOG_FILE}.quarantine-42`,
      `${LOG_FILE}.quarantine-42-1`,
    ])
  })

  it('throws DocumentLoadError on a corrupt snapshot and keeps its bytes', async () => {
    const dir = await tempDir()
    const first = await open({ dir })
    editSome(first.doc, 'x')
    await first.compact()
    first.doc.getMap('m').set('after', true)
    await first.close()

    const snapshotFile = path.join(dir, SNAPSHOT_FILE)
    const original = await readFile(snapshotFile)
    const damaged = Buffer.from(original)
    damaged[HEADER_BYTES + 20]! ^= 0x10
    await writeFile(snapshotFile, damaged)
    const logBefore = await readFile(path.join(dir, LOG_FILE))

    const seen: StorageWarning[] = []
    const error: unknown = await openDocStore({
      dir,
      now: () => 7,
      onWarning: (w) => seen.push(w),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DocumentLoadError)
    const quarantinedTo = path.join(dir, `${SNAPSHOT_FILE}.quarantine-7`)
    expect((error as DocumentLoadError).quarantinedTo).toBe(quarantinedTo)
    expect(seen).toEqual([
      {
        kind: 'quarantined-snapshot',
        file: snapshotFile,
        quarantinedTo,
        bytes: original.length,
        reason: `crc at byte ${HEADER_BYTES}`,
      },
    ])
    expect(await readFile(quarantinedTo)).toEqual(damaged)
    expect(await readFile(path.join(dir, LOG_FILE))).toEqual(logBefore)

    // The log alone would open as a near-empty document: every later open must refuse too.
    await expect(openDocStore({ dir })).rejects.toBeInstanceOf(DocumentLoadError)
    expect(await readFile(path.join(dir, LOG_FILE))).toEqual(logBefore)
    expect((await readdir(dir)).sort()).toEqual([`${SNAPSHOT_FILE}.quarantine-7`, LOG_FILE])
  })

  it('treats a snapshot with a bad header as corrupt', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, SNAPSHOT_FILE), 'not a snapshot')
    await expect(openDocStore({ dir, now: () => 1 })).rejects.toBeInstanceOf(DocumentLoadError)
    expect(await readFile(path.join(dir, `${SNAPSHOT_FILE}.quarantine-1`), 'utf8')).toBe(
      'not a snapshot',
    )
  })

  it('leaves files of a newer format version alone', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, LOG_FILE), 'KRYSLOG9 future frames')
    await expect(openDocStore({ dir })).rejects.toBeInstanceOf(DocumentLoadError)
    expect(await readdir(dir)).toEqual([LOG_FILE])
    expect(await readFile(path.join(dir, LOG_FILE), 'utf8')).toBe('KRYSLOG9 future frames')
  })

  it('quarantines a log with a bad header whole and keeps the snapshot', async () => {
    const dir = await tempDir()
    const first = await open({ dir })
    first.doc.getMap('m').set('a', 1)
    await first.compact()
    first.doc.getMap('m').set('b', 2)
    await first.close()
    const log = await readFile(path.join(dir, LOG_FILE))
    log[0] = 0
    await writeFile(path.join(dir, LOG_FILE), log)

    const second = await open({ dir, now: () => 5 })
    expect(second.doc.getMap('m').toJSON()).toEqual({ a: 1 })
    expect(second.warnings.map((w) => [w.kind, w.bytes])).toEqual([['quarantined-log', log.length]])
    expect(await readFile(path.join(dir, `${LOG_FILE}.quarantine-5`))).toEqual(log)
    second.doc.getMap('m').set('c', 3)
    await second.close()
    expect((await open({ dir })).doc.getMap('m').toJSON()).toEqual({ a: 1, c: 3 })
  })
})

describe('compaction', () => {
  it('keeps content and state vector identical', async () => {
    const dir = await tempDir()
    const first = await open({ dir })
    for (let i = 0; i < 50; i++) editSome(first.doc, `e${i}`)
    const before = snapshotOf(first.doc)
    await first.compact()
    expect(await fileSize(path.join(dir, LOG_FILE))).toBe(HEADER_BYTES)
    await first.close()

    const second = await open({ dir })
    expect(snapshotOf(second.doc)).toEqual(before)
    // Same content, byte for byte, as the live doc had.
    const fresh = new Y.Doc()
    Y.applyUpdateV2(fresh, Y.encodeStateAsUpdateV2(second.doc))
    expect(snapshotOf(fresh)).toEqual(before)
    editSome(second.doc, 'later')
    const after = snapshotOf(second.doc)
    await second.close()
    expect(snapshotOf((await open({ dir })).doc)).toEqual(after)
  })

  it('runs automatically past the threshold', async () => {
    const dir = await tempDir()
    const store = await open({ dir, compactAfterBytes: 2048 })
    const text = store.doc.getText('t')
    for (let i = 0; i < 200; i++) {
      text.insert(text.length, `line ${i}\n`)
      if (i % 10 === 0) await store.whenDurable()
    }
    await store.whenDurable()
    expect(await fileSize(path.join(dir, SNAPSHOT_FILE))).toBeGreaterThan(HEADER_BYTES)
    expect(await fileSize(path.join(dir, LOG_FILE))).toBeLessThan(2048 + 1024)
    const expected = text.toJSON()
    await store.close()
    expect((await open({ dir })).doc.getText('t').toJSON()).toBe(expected)
  })

  it('compacts a log that grew past the threshold before open', async () => {
    const dir = await tempDir()
    const first = await open({ dir })
    for (let i = 0; i < 100; i++) first.doc.getMap('m').set(`k${i}`, i)
    await first.close()
    const second = await open({ dir, compactAfterBytes: 100 })
    await second.close()
    expect(await fileSize(path.join(dir, LOG_FILE))).toBe(HEADER_BYTES)
    expect(Object.keys((await open({ dir })).doc.getMap('m').toJSON())).toHaveLength(100)
  })

  it('loses no update made while a compaction is running', async () => {
    const dir = await tempDir()
    const store = await open({ dir, compactAfterBytes: 4096 })
    const map = store.doc.getMap<number>('m')
    for (let i = 0; i < 2000; i++) map.set(`seed${i}`, i)
    const compactions: Promise<void>[] = []
    let written = 0
    // Interleave edits with explicit and automatic compactions on the event loop.
    await new Promise<void>((resolve) => {
      const tick = () => {
        for (let j = 0; j < 5; j++) map.set(`k${written++}`, written)
        if (written % 50 === 0) compactions.push(store.compact())
        if (written >= 1500) resolve()
        else setImmediate(tick)
      }
      tick()
    })
    await Promise.all(compactions)
    await store.whenDurable()
    const expected = map.toJSON()
    const copy = await tempDir()
    await cp(dir, copy, { recursive: true })
    await store.close()
    expect((await open({ dir })).doc.getMap('m').toJSON()).toEqual(expected)
    expect((await open({ dir: copy })).doc.getMap('m').toJSON()).toEqual(expected)
  })
})
