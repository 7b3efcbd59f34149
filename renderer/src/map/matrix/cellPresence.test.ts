import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { MAP_CELL_FIELD, peersByCell, readMapCell, setMapCell } from './cellPresence'

const user = (name: string) => ({ name, color: '#16a34a', company: '' })

describe('cell presence over awareness', () => {
  it('reads a published cell and refuses malformed ones', () => {
    expect(readMapCell({ company: 'co-a', competence: 'cp-b' })).toEqual({
      company: 'co-a',
      competence: 'cp-b',
    })
    expect(readMapCell(null)).toBeNull()
    expect(readMapCell({ company: 'co-a' })).toBeNull()
    expect(readMapCell({ company: '', competence: 'cp-b' })).toBeNull()
    expect(readMapCell({ company: 'x'.repeat(200), competence: 'cp-b' })).toBeNull()
    expect(readMapCell({ company: 3, competence: 'cp-b' })).toBeNull()
  })

  it('groups others by the cell they have open, leaving me and nameless clients out', () => {
    const states = new Map<number, unknown>([
      [1, { user: user('Me'), [MAP_CELL_FIELD]: { company: 'co-a', competence: 'cp-b' } }],
      [2, { user: user('Bo'), [MAP_CELL_FIELD]: { company: 'co-a', competence: 'cp-b' } }],
      [3, { user: user('Ada'), [MAP_CELL_FIELD]: { company: 'co-a', competence: 'cp-b' } }],
      [4, { user: user('Cy'), [MAP_CELL_FIELD]: { company: 'co-c', competence: 'cp-b' } }],
      [5, { user: user('Di'), [MAP_CELL_FIELD]: null }],
      [6, { [MAP_CELL_FIELD]: { company: 'co-a', competence: 'cp-b' } }],
    ])
    const byCell = peersByCell(states, 1)
    expect([...byCell.keys()].sort()).toEqual(['co-a|cp-b', 'co-c|cp-b'])
    expect(byCell.get('co-a|cp-b')?.map((peer) => peer.name)).toEqual(['Ada', 'Bo'])
  })

  it('travels between two awareness instances and is cleared on close', () => {
    const mine = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    mine.setLocalState({ user: user('Ada') })
    setMapCell(mine, { company: 'co-a' as CompanyId, competence: 'cp-b' as CompetenceId })
    const states = new Map<number, unknown>([[mine.clientID, mine.getLocalState()]])
    expect(peersByCell(states, theirs.clientID).get('co-a|cp-b')?.[0]?.name).toBe('Ada')
    setMapCell(mine, null)
    expect(
      peersByCell(new Map([[mine.clientID, mine.getLocalState()]]), theirs.clientID).size,
    ).toBe(0)
    // Nothing is written into the document.
    expect(mine.doc.share.size).toBe(0)
    mine.destroy()
    theirs.destroy()
  })
})
