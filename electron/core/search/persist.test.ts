import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFullTextIndex } from '../../../shared/search/fullText'
import { INDEX_FILE, TMP_FILE, loadIndexFile, saveIndexFile } from './persist'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kryss-search-persist-'))
  dirs.push(dir)
  return dir
}

function oneDocIndex(): Uint8Array {
  const index = createFullTextIndex()
  index.upsert({ id: 'note:a', kind: 'note', title: 'Herding', body: 'lakk', updatedAt: 1 })
  return index.toBytes()
}

describe('the saved index file', () => {
  it('deletes the temp file a killed save left beside the index, and loads the index', async () => {
    const dir = await folder()
    await saveIndexFile(dir, { stamps: { 'notes/a': 's' }, docs: [], index: oneDocIndex() })
    // A save that died between writing its temp file and the rename.
    await writeFile(path.join(dir, TMP_FILE), 'KRYSIDX half a save')
    const lines: string[] = []
    const loaded = await loadIndexFile(dir, (line) => lines.push(line))
    expect(loaded.kind).toBe('ok')
    expect(loaded.kind === 'ok' && loaded.saved.stamps).toEqual({ 'notes/a': 's' })
    expect((await readdir(dir)).sort()).toEqual([INDEX_FILE])
    expect(lines.filter((line) => line.includes(TMP_FILE))).toHaveLength(1)
  })

  it('deletes a temp file also when there is no index, and says nothing when there is none', async () => {
    const dir = await folder()
    await writeFile(path.join(dir, TMP_FILE), 'half')
    const lines: string[] = []
    expect((await loadIndexFile(dir, (line) => lines.push(line))).kind).toBe('missing')
    expect(await readdir(dir)).toEqual([])
    expect(await loadIndexFile(dir, (line) => lines.push(line))).toEqual({ kind: 'missing' })
    expect(lines).toHaveLength(1)
  })
})
