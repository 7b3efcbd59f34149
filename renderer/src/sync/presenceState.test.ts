import { Awareness } from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readParticipant, setAwarenessUser } from './presenceState'

describe('readParticipant', () => {
  it('reads a well-formed state', () => {
    expect(
      readParticipant(
        7,
        { user: { name: 'Ada', color: '#16a34a', company: 'Fjordmat' }, note: 'note-1' },
        1,
      ),
    ).toEqual({
      clientId: 7,
      name: 'Ada',
      color: '#16a34a',
      company: 'Fjordmat',
      note: 'note-1',
      isSelf: false,
    })
  })

  it('skips states without a person and tames odd values from other clients', () => {
    expect(readParticipant(2, {}, 1)).toBeUndefined()
    expect(readParticipant(2, { user: { name: '  ' } }, 1)).toBeUndefined()
    expect(readParticipant(2, null, 1)).toBeUndefined()
    const odd = readParticipant(
      1,
      { user: { name: 'x'.repeat(500), color: 'red; background: url(x)' } },
      1,
    )
    expect(odd?.name).toHaveLength(80)
    expect(odd?.color).toBe('#64748b')
    expect(odd?.note).toBeNull()
    expect(odd?.isSelf).toBe(true)
  })
})

describe('setAwarenessUser', () => {
  it('sends my name only when it changed', () => {
    const awareness = new Awareness(new Y.Doc())
    const updates: unknown[] = []
    awareness.on('update', (change: unknown) => updates.push(change))
    const ada = { name: 'Ada', color: '#16a34a', company: 'Fjordmat' }
    setAwarenessUser(awareness, ada)
    setAwarenessUser(awareness, { ...ada })
    expect(updates).toHaveLength(1)
    setAwarenessUser(awareness, { ...ada, color: '#0f766e' })
    expect(updates).toHaveLength(2)
    expect((awareness.getLocalState() as { user: typeof ada }).user.color).toBe('#0f766e')
    awareness.destroy()
  })
})
