import { describe, expect, it } from 'vitest'
import { combineStatuses } from './combineStatus'
import type { SyncStatus } from './syncStatus'

const base: SyncStatus = {
  state: 'saved',
  people: 1,
  savedWhere: 'computer',
  unsaved: false,
  synced: true,
}

describe('workspace status over the root and the open note body', () => {
  it('is saved only when both are', () => {
    expect(combineStatuses(base, [{ ...base }]).state).toBe('saved')
    expect(combineStatuses(base, [{ ...base, state: 'saving', unsaved: true }])).toMatchObject({
      state: 'saving',
      unsaved: true,
    })
  })

  it('says offline when either document lost its connection', () => {
    expect(combineStatuses(base, [{ ...base, state: 'offline' }]).state).toBe('offline')
    expect(combineStatuses({ ...base, state: 'offline' }, [base]).state).toBe('offline')
  })

  it('counts people from the workspace, not from the note', () => {
    expect(
      combineStatuses({ ...base, state: 'connected', people: 3 }, [{ ...base, people: 1 }]),
    ).toMatchObject({
      state: 'connected',
      people: 3,
    })
    expect(
      combineStatuses({ ...base, people: 1 }, [{ ...base, state: 'connected', people: 2 }]).state,
    ).toBe('saved')
  })

  it('keeps a refused workspace refused', () => {
    expect(
      combineStatuses({ ...base, state: 'refused' }, [{ ...base, state: 'offline' }]).state,
    ).toBe('refused')
  })
})
