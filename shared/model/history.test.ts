import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { seededRandom } from '../../tests/integration/seededRandom'
import {
  bodyContentKey,
  captureDueAt,
  captureNoteVersion,
  CAPTURE_IDLE_MS,
  CAPTURE_MAX_INTERVAL_MS,
  isBodyUnchangedSinceNewestVersion,
  listNoteVersions,
  MAX_NOTE_VERSIONS,
  noteVersionsMap,
  openNoteVersion,
  pruneNoteVersions,
  renameNoteVersion,
  restoreNoteVersion,
  type NoteVersionId,
} from './history'
import { bodyBlocks, diffBodyBlocks, hasChanges } from './historyDiff'
import { appendNoteBody, noteBodyFragment, noteBodyText } from './noteBody'
import { COMMAND_ORIGIN } from './schema'

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

function bodyWith(...paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc()
  appendNoteBody(
    doc,
    paragraphs.map((text) => ({ type: 'paragraph', content: [text] })),
  )
  return doc
}

/** Types into the start of paragraph `index`, as an editor would. */
function typeInto(doc: Y.Doc, index: number, text: string): void {
  doc.transact(() => {
    const paragraph = noteBodyFragment(doc).get(index) as Y.XmlElement
    const first = paragraph.get(0)
    if (!(first instanceof Y.XmlText)) throw new Error('paragraph without text')
    first.insert(0, text)
  })
}

function versionText(doc: Y.Doc, id: NoteVersionId): string {
  const version = openNoteVersion(doc, id)
  if (version === undefined) throw new Error(`no version ${id}`)
  const text = noteBodyText(version)
  version.destroy()
  return text
}

describe('capturing versions', () => {
  it('copies the body deeply: later edits do not change the version', () => {
    const doc = bodyWith('Heat recovery from the dryer', 'Second line')
    appendNoteBody(doc, [{ type: 'heading', level: 2, content: [{ text: 'Bold', bold: true }] }])
    const id = captureNoteVersion(doc, { now: 1000, by: ['Ada', ' Ada ', 'Bo'] })
    expect(id).toBeDefined()
    typeInto(doc, 0, 'Changed: ')
    expect(versionText(doc, id as NoteVersionId)).toBe(
      'Heat recovery from the dryer\nSecond line\nBold',
    )
    const version = openNoteVersion(doc, id as NoteVersionId) as Y.Doc
    expect(bodyContentKey(noteBodyFragment(version))).toContain(
      '<heading level="2"><bold>Bold</bold>',
    )
    version.destroy()
    expect(listNoteVersions(doc)).toEqual([
      {
        id,
        at: 1000,
        by: ['Ada', 'Bo'],
        label: undefined,
        kind: 'auto',
        restoredFrom: undefined,
      },
    ])
  })

  it('skips a capture when nothing changed since the newest version, unless forced', () => {
    const doc = bodyWith('Same text')
    expect(captureNoteVersion(doc, { now: 1, by: ['Ada'] })).toBeDefined()
    expect(isBodyUnchangedSinceNewestVersion(doc)).toBe(true)
    expect(captureNoteVersion(doc, { now: 2, by: ['Ada'] })).toBeUndefined()
    expect(captureNoteVersion(doc, { now: 3, by: ['Ada'], label: 'Draft', force: true })).toBe(
      listNoteVersions(doc)[0]?.id,
    )
    typeInto(doc, 0, 'Not the ')
    expect(isBodyUnchangedSinceNewestVersion(doc)).toBe(false)
    expect(captureNoteVersion(doc, { now: 4, by: ['Ada'] })).toBeDefined()
    expect(listNoteVersions(doc).map((v) => v.at)).toEqual([4, 3, 1])
    expect(captureNoteVersion(new Y.Doc(), { now: 5, by: ['Ada'] })).toBeUndefined()
    const opened = new Y.Doc()
    opened.transact(() => noteBodyFragment(opened).insert(0, [new Y.XmlElement('paragraph')]))
    expect(captureNoteVersion(opened, { now: 6, by: ['Ada'] })).toBeUndefined()
    appendNoteBody(opened, [{ type: 'paragraph', content: ['x'] }])
    expect(captureNoteVersion(opened, { now: 7, by: ['Ada'] })).toBeDefined()
  })

  it('names and unnames a version', () => {
    const doc = bodyWith('Text')
    const id = captureNoteVersion(doc, { now: 1, by: ['Ada'] }) as NoteVersionId
    renameNoteVersion(doc, id, '  Before   the workshop ')
    expect(listNoteVersions(doc)[0]?.label).toBe('Before the workshop')
    renameNoteVersion(doc, id, '')
    expect(listNoteVersions(doc)[0]?.label).toBeUndefined()
  })

  it('ignores versions it cannot read', () => {
    const doc = bodyWith('Text')
    doc.transact(() => {
      const junk = new Y.Map<unknown>()
      junk.set('at', 5)
      noteVersionsMap(doc).set('junk', junk)
    })
    expect(listNoteVersions(doc)).toEqual([])
  })
})

describe('pruning', () => {
  it('keeps at most the limit, dropping the oldest unnamed versions', () => {
    const doc = bodyWith('start')
    for (let i = 0; i < MAX_NOTE_VERSIONS + 5; i++) {
      typeInto(doc, 0, `${i} `)
      const label = i < 3 ? `named ${i}` : undefined
      captureNoteVersion(doc, { now: i, by: ['Ada'], ...(label === undefined ? {} : { label }) })
    }
    const versions = listNoteVersions(doc)
    expect(versions).toHaveLength(MAX_NOTE_VERSIONS)
    expect(versions.filter((v) => v.label !== undefined)).toHaveLength(3)
    // 0–2 are named and stay; 3–7 were the oldest unnamed ones.
    expect(versions.map((v) => v.at).slice(-4)).toEqual([8, 2, 1, 0])
  })

  it('keeps the versions under a size limit, but always the newest', () => {
    const doc = bodyWith('x'.repeat(1000))
    for (let i = 0; i < 6; i++) {
      typeInto(doc, 0, `${i}`)
      captureNoteVersion(doc, { now: i, by: ['Ada'] })
    }
    pruneNoteVersions(doc, { count: 50, bytes: 3500 })
    expect(listNoteVersions(doc).map((v) => v.at)).toEqual([5, 4, 3])
    pruneNoteVersions(doc, { count: 50, bytes: 10 })
    expect(listNoteVersions(doc).map((v) => v.at)).toEqual([5])
  })

  it('converges when two replicas capture and prune at the same time', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const random = seededRandom(seed)
      const a = bodyWith('Start')
      const b = new Y.Doc()
      sync(a, b)
      const replicas = [a, b]
      for (let step = 0; step < 120; step++) {
        const doc = replicas[Math.floor(random() * 2)] as Y.Doc
        typeInto(doc, 0, `${step} `)
        captureNoteVersion(doc, { now: Math.floor(random() * 1000), by: [`r${step % 2}`] })
        if (random() < 0.2) sync(a, b)
      }
      sync(a, b)
      expect(noteVersionsMap(a).toJSON()).toEqual(noteVersionsMap(b).toJSON())
      expect(listNoteVersions(a).length).toBeLessThanOrEqual(2 * MAX_NOTE_VERSIONS)
      // The next prune on either side brings it back to the limit, and both agree.
      pruneNoteVersions(a)
      pruneNoteVersions(b)
      sync(a, b)
      expect(listNoteVersions(a)).toHaveLength(MAX_NOTE_VERSIONS)
      expect(listNoteVersions(a)).toEqual(listNoteVersions(b))
    }
  })
})

describe('restoring', () => {
  it('makes the body equal to the version and keeps the text before as a version', () => {
    const doc = bodyWith('First draft')
    const first = captureNoteVersion(doc, { now: 1, by: ['Ada'] }) as NoteVersionId
    appendNoteBody(doc, [
      { type: 'paragraph', content: ['More text'] },
      { type: 'bulletList', items: [['a'], ['b']] },
    ])
    typeInto(doc, 0, 'Second ')
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))

    const result = restoreNoteVersion(doc, first, { now: 10, by: ['Bo'], editedBy: ['Ada', 'Bo'] })

    expect(origins).toEqual([COMMAND_ORIGIN])
    expect(result.status).toBe('restored')
    expect(noteBodyText(doc)).toBe('First draft')
    expect(bodyContentKey(noteBodyFragment(doc))).toBe(
      bodyContentKey(noteBodyFragment(openNoteVersion(doc, first) as Y.Doc)),
    )
    const [restored, before] = listNoteVersions(doc)
    expect(restored).toMatchObject({ kind: 'restored', restoredFrom: first, by: ['Bo'] })
    expect(before).toMatchObject({
      kind: 'before-restore',
      restoredFrom: first,
      at: 10,
      by: ['Ada', 'Bo'],
    })
    expect(versionText(doc, before?.id as NoteVersionId)).toBe(
      'Second First draft\nMore text\na\nb',
    )
    expect(restoreNoteVersion(doc, first, { now: 11, by: ['Bo'] })).toEqual({ status: 'unchanged' })
    expect(restoreNoteVersion(doc, 'nope' as NoteVersionId, { now: 11, by: ['Bo'] })).toEqual({
      status: 'missing',
    })
  })

  it('converges when A restores while B edits elsewhere, and keeps B’s edit', () => {
    const a = bodyWith('Intro', 'Middle', 'End')
    const old = captureNoteVersion(a, { now: 1, by: ['Ada'] }) as NoteVersionId
    typeInto(a, 1, 'Changed ')
    const b = new Y.Doc()
    sync(a, b)

    restoreNoteVersion(a, old, { now: 5, by: ['Ada'] })
    typeInto(b, 2, 'Bo was here. ')
    sync(a, b)

    expect(bodyContentKey(noteBodyFragment(a))).toBe(bodyContentKey(noteBodyFragment(b)))
    expect(noteBodyText(a)).toBe('Intro\nMiddle\nBo was here. End')
    expect(listNoteVersions(a)).toEqual(listNoteVersions(b))
  })

  it('converges when A restores while B edits the same block', () => {
    const a = bodyWith('Intro', 'Middle')
    const old = captureNoteVersion(a, { now: 1, by: ['Ada'] }) as NoteVersionId
    typeInto(a, 1, 'Changed ')
    const b = new Y.Doc()
    sync(a, b)

    restoreNoteVersion(a, old, { now: 5, by: ['Ada'] })
    typeInto(b, 1, 'Bo ')
    sync(a, b)

    expect(bodyContentKey(noteBodyFragment(a))).toBe(bodyContentKey(noteBodyFragment(b)))
    expect(noteBodyText(a)).toContain('Intro\nMiddle')
  })
})

describe('capture policy', () => {
  const base = { now: 0, pendingSince: undefined, lastLocalEditAt: 0, lastVersionAt: undefined }

  it('has nothing to capture without local edits', () => {
    expect(captureDueAt({ ...base, now: 10 * CAPTURE_MAX_INTERVAL_MS })).toBeUndefined()
  })

  it('captures after a pause in local editing', () => {
    const clock = { ...base, now: 5_000, pendingSince: 1_000, lastLocalEditAt: 5_000 }
    expect(captureDueAt(clock)).toBe(5_000 + CAPTURE_IDLE_MS)
  })

  it('captures during continuous editing at most every interval', () => {
    const editing = {
      now: CAPTURE_MAX_INTERVAL_MS,
      pendingSince: 0,
      lastLocalEditAt: CAPTURE_MAX_INTERVAL_MS - 1_000,
      lastVersionAt: undefined,
    }
    expect(captureDueAt(editing)).toBe(CAPTURE_MAX_INTERVAL_MS)
    // Someone else took a version a minute ago: the interval counts from there.
    expect(captureDueAt({ ...editing, lastVersionAt: 60_000 })).toBe(
      Math.min(editing.lastLocalEditAt + CAPTURE_IDLE_MS, 60_000 + CAPTURE_MAX_INTERVAL_MS),
    )
  })

  it('does not let a clock running ahead postpone captures forever', () => {
    const clock = {
      now: 1_000_000,
      pendingSince: 700_000,
      lastLocalEditAt: 999_000,
      lastVersionAt: 99_000_000,
    }
    expect(captureDueAt(clock)).toBe(Math.min(999_000 + CAPTURE_IDLE_MS, 1_000_000 + 300_000))
  })
})

describe('comparing versions', () => {
  it('marks added and removed blocks and the words inside changed ones', () => {
    const older = bodyWith('Keep this', 'The dryer loses heat', 'Obsolete')
    const newer = bodyWith('Keep this', 'The dryer recovers heat', 'Brand new text')
    appendNoteBody(newer, [{ type: 'heading', level: 2, content: ['Next steps'] }])
    const changes = diffBodyBlocks(
      bodyBlocks(noteBodyFragment(older)),
      bodyBlocks(noteBodyFragment(newer)),
    )
    expect(changes).toEqual([
      { kind: 'same', type: 'paragraph', text: 'Keep this' },
      {
        kind: 'changed',
        type: 'paragraph',
        parts: [
          { kind: 'same', text: 'The dryer ' },
          { kind: 'removed', text: 'loses' },
          { kind: 'added', text: 'recovers' },
          { kind: 'same', text: ' heat' },
        ],
      },
      { kind: 'removed', type: 'paragraph', text: 'Obsolete' },
      { kind: 'added', type: 'paragraph', text: 'Brand new text' },
      { kind: 'added', type: 'heading', text: 'Next steps' },
    ])
    expect(hasChanges(changes)).toBe(true)
    expect(
      hasChanges(
        diffBodyBlocks(bodyBlocks(noteBodyFragment(older)), bodyBlocks(noteBodyFragment(older))),
      ),
    ).toBe(false)
  })

  it('does not count empty paragraphs (the editor adds one after a list at the end)', () => {
    const older = bodyWith('Steps')
    appendNoteBody(older, [{ type: 'bulletList', items: [['one'], ['two']] }])
    const newer = bodyWith('Steps')
    appendNoteBody(newer, [
      { type: 'bulletList', items: [['one'], ['two']] },
      { type: 'paragraph', content: [] },
    ])
    const changes = diffBodyBlocks(
      bodyBlocks(noteBodyFragment(older)),
      bodyBlocks(noteBodyFragment(newer)),
    )
    expect(hasChanges(changes)).toBe(false)
  })

  it('compares a rewrite of a long note quickly', () => {
    // Every block replaced by an unrelated one: no pairs to find, and many to try.
    const blocks = (prefix: string) =>
      Array.from({ length: 300 }, (_, i) => ({
        type: 'paragraph',
        text: Array.from({ length: 40 }, (_, k) => `${prefix}${i}x${k}`).join(' '),
      }))
    const started = performance.now()
    const changes = diffBodyBlocks(blocks('old'), blocks('new'))
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(changes.filter((change) => change.kind === 'removed')).toHaveLength(300)
    expect(changes.filter((change) => change.kind === 'added')).toHaveLength(300)
  })

  it('reads lists, tables and inline atoms as a person would', () => {
    const doc = bodyWith()
    doc.transact(() => {
      const row = new Y.XmlElement('tableRow')
      const cell = (text: string): Y.XmlElement => {
        const c = new Y.XmlElement('tableCell')
        const p = new Y.XmlElement('paragraph')
        const t = new Y.XmlText()
        t.insert(0, text)
        p.insert(0, [t])
        c.insert(0, [p])
        return c
      }
      row.insert(0, [cell('Partner'), cell('Fjordmat')])
      const table = new Y.XmlElement('table')
      table.insert(0, [row])
      const paragraph = new Y.XmlElement('paragraph')
      const before = new Y.XmlText()
      before.insert(0, 'See ')
      const link = new Y.XmlElement('noteLink')
      link.setAttribute('id', 'note-1')
      paragraph.insert(0, [before, link])
      noteBodyFragment(doc).insert(0, [table, paragraph])
    })
    appendNoteBody(doc, [{ type: 'bulletList', items: [['one'], ['two']] }])
    const blocks = bodyBlocks(noteBodyFragment(doc), (el) =>
      el.nodeName === 'noteLink' ? `[[${String(el.getAttribute('id'))}]]` : '',
    )
    expect(blocks).toEqual([
      { type: 'table', text: 'Partner | Fjordmat' },
      { type: 'paragraph', text: 'See [[note-1]]' },
      { type: 'bulletList', text: 'one\ntwo' },
    ])
  })
})
