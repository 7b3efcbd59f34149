import { useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { cellKey } from '../../../../shared/model/competence/cells'
import { createObservedStore } from '../../lib/externalStore'
import { readParticipant, type Participant } from '../../sync/presenceState'

/**
 * "Who else has this cell open": the matrix cell a person is editing, published over the
 * workspace's awareness as the field `mapCell` — never into the document — so others see a
 * ring in that person's colour on the cell and their name in the cell's editor.
 */
export const MAP_CELL_FIELD = 'mapCell'

export type MapCellPresence = { company: CompanyId; competence: CompetenceId }

const MAX_ID_LENGTH = 128

function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH
}

/** Reads another client's `mapCell` defensively (another version, or hostile). */
export function readMapCell(value: unknown): MapCellPresence | null {
  if (typeof value !== 'object' || value === null) return null
  const { company, competence } = value as Record<string, unknown>
  return isId(company) && isId(competence)
    ? { company: company as CompanyId, competence: competence as CompetenceId }
    : null
}

/** Publishes the cell I have open (null when none). */
export function setMapCell(awareness: Awareness, cell: MapCellPresence | null): void {
  // A destroyed connection has no local state left to change.
  if (awareness.getLocalState() === null) return
  awareness.setLocalStateField(MAP_CELL_FIELD, cell)
}

/** Other people with a cell open, by `cellKey(company, competence)`; each list by name. */
export function peersByCell(
  states: ReadonlyMap<number, unknown>,
  selfId: number,
): Map<string, Participant[]> {
  const byCell = new Map<string, Participant[]>()
  states.forEach((state, clientId) => {
    if (clientId === selfId || typeof state !== 'object' || state === null) return
    const cell = readMapCell((state as Record<string, unknown>)[MAP_CELL_FIELD])
    if (cell === null) return
    const participant = readParticipant(clientId, state, selfId)
    if (participant === undefined) return
    const key = cellKey(cell.company, cell.competence)
    let list = byCell.get(key)
    if (list === undefined) byCell.set(key, (list = []))
    list.push(participant)
  })
  for (const list of byCell.values()) {
    list.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
  }
  return byCell
}

function samePeers(
  a: ReadonlyMap<string, readonly Participant[]>,
  b: ReadonlyMap<string, readonly Participant[]>,
): boolean {
  if (a.size !== b.size) return false
  for (const [key, list] of a) {
    const other = b.get(key)
    if (other === undefined || other.length !== list.length) return false
    for (let i = 0; i < list.length; i++) {
      const x = list[i] as Participant
      const y = other[i] as Participant
      if (x.clientId !== y.clientId || x.name !== y.name || x.color !== y.color) return false
    }
  }
  return true
}

/** Others' open cells, re-read when awareness changes; the same map while nothing moved. */
export function useCellPeers(awareness: Awareness): ReadonlyMap<string, readonly Participant[]> {
  const store = useMemo(
    () =>
      createObservedStore(
        (onChange) => {
          awareness.on('change', onChange)
          return () => awareness.off('change', onChange)
        },
        (): ReadonlyMap<string, readonly Participant[]> =>
          peersByCell(awareness.getStates(), awareness.clientID),
        samePeers,
      ),
    [awareness],
  )
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
