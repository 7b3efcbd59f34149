import { describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  CAPTURE_IDLE_MS,
  CAPTURE_MAX_INTERVAL_MS,
  listNoteVersions,
} from '../../../../shared/model/history'
import { appendNoteBody, noteBodyFragment, noteBodyText } from '../../../../shared/model/noteBody'
import { createVersionRecorder, type RecorderClock } from './versionRecorder'

/** A manual clock: timers run when time is advanced past them. */
function fakeClock(): RecorderClock & { advance(ms: number): void } {
  let now = 1_000_000
  let next = 0
  const timers = new Map<number, { at: number; run: () => void }>()
  return {
    now: () => now,
    setTimeout(run, ms) {
      next += 1
      timers.set(next, { at: now + ms, run })
      return next
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
    advance(ms) {
      const end = now + ms
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0]
        if (due === undefined) break
        timers.delete(due[0])
        now = due[1].at
        due[1].run()
      }
      now = end
    },
  }
}

/** Edits the body as the editor would: a local transaction. */
function type(doc: Y.Doc, text: string): void {
  appendNoteBody(doc, [{ type: 'paragraph', content: [text] }])
}

function setup() {
  const doc = new Y.Doc()
  const clock = fakeClock()
  const awareness = new Awareness(doc)
  const sync = { synced: true }
  const recorder = createVersionRecorder({
    doc,
    awareness,
    userName: 'Ada',
    clock,
    isSynced: () => sync.synced,
  })
  const stop = recorder.start()
  return { doc, clock, awareness, recorder, stop, sync }
}

/** Bo, another client, whose updates reach Ada's document and whose name her awareness knows. */
function connectBo(doc: Y.Doc, awareness: Awareness): Y.Doc {
  const bo = new Y.Doc()
  const boAwareness = new Awareness(bo)
  boAwareness.setLocalState({ user: { name: 'Bo Vik', color: '#112233', company: '' } })
  applyAwarenessUpdate(awareness, encodeAwarenessUpdate(boAwareness, [bo.clientID]), 'remote')
  bo.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, 'remote'))
  return bo
}

describe('the version recorder', () => {
  it('captures after a pause in local editing, not while typing goes on', () => {
    const { doc, clock } = setup()
    type(doc, 'one')
    clock.advance(CAPTURE_IDLE_MS - 1_000)
    type(doc, 'two')
    clock.advance(CAPTURE_IDLE_MS - 1_000)
    expect(listNoteVersions(doc)).toHaveLength(0)
    clock.advance(1_000)
    const versions = listNoteVersions(doc)
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ by: ['Ada'], kind: 'auto' })
  })

  it('captures at most every interval during continuous editing', () => {
    const { doc, clock } = setup()
    for (let t = 0; t < 2 * CAPTURE_MAX_INTERVAL_MS; t += 10_000) {
      type(doc, `line ${t}`)
      clock.advance(10_000)
    }
    expect(listNoteVersions(doc)).toHaveLength(2)
  })

  it('captures pending edits when the note is left, and nothing when there were none', () => {
    const first = setup()
    first.stop()
    expect(listNoteVersions(first.doc)).toHaveLength(0)

    const { doc, stop } = setup()
    type(doc, 'written just before leaving')
    stop()
    expect(listNoteVersions(doc)).toHaveLength(1)
  })

  it('never captures for edits that came from others, but names them in the next version', () => {
    const { doc, clock, awareness } = setup()
    const bo = connectBo(doc, awareness)

    type(bo, 'from Bo')
    clock.advance(10 * CAPTURE_MAX_INTERVAL_MS)
    expect(listNoteVersions(doc)).toHaveLength(0)

    type(doc, 'from Ada')
    clock.advance(CAPTURE_IDLE_MS)
    expect(listNoteVersions(doc)[0]?.by).toEqual(['Bo Vik', 'Ada'])
  })

  it('does not name those whose old edits arrive with the first sync', () => {
    const { doc, clock, awareness, sync } = setup()
    sync.synced = false
    const bo = connectBo(doc, awareness)
    type(bo, 'Bo wrote this last week')
    sync.synced = true
    type(doc, 'from Ada')
    clock.advance(CAPTURE_IDLE_MS)
    expect(listNoteVersions(doc)[0]?.by).toEqual(['Ada'])
  })

  it('saves named versions on demand, even without changes', () => {
    const { doc, clock, recorder } = setup()
    type(doc, 'text')
    expect(recorder.save()).toBeDefined()
    clock.advance(1_000)
    expect(recorder.save()).toBeUndefined()
    expect(recorder.save('  Before the workshop ')).toBeDefined()
    expect(listNoteVersions(doc).map((v) => [v.kind, v.label])).toEqual([
      ['manual', 'Before the workshop'],
      ['manual', undefined],
    ])
  })

  it('restores as a change of its own, without counting it as an edit to capture', () => {
    const { doc, clock, recorder } = setup()
    type(doc, 'old')
    const old = recorder.save() as NonNullable<ReturnType<typeof recorder.save>>
    type(doc, 'new')
    clock.advance(1_000)
    expect(recorder.restore(old).status).toBe('restored')
    expect(noteBodyText(doc)).toBe('old')
    expect(listNoteVersions(doc).map((v) => v.kind)).toEqual([
      'restored',
      'before-restore',
      'manual',
    ])
    clock.advance(10 * CAPTURE_MAX_INTERVAL_MS)
    expect(listNoteVersions(doc)).toHaveLength(3)
    expect(noteBodyFragment(doc).length).toBe(1)
  })
})
