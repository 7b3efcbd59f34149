import { describe, expect, it } from 'vitest'
import type { CompetenceId } from '../../../../shared/ids'
import type { VocabularyEntry } from '../../../../shared/model/competence/vocabulary'
import { clampPosition, firstCellRow, HEADER_ROW, moveInGrid } from './gridNavigation'
import type { MatrixRow } from './matrixLayout'

const group = (category: 'materials' | 'energy'): MatrixRow => ({
  kind: 'group',
  key: `group:${category}`,
  category,
  count: 1,
})
const competence = (id: string): MatrixRow => ({
  kind: 'competence',
  key: id,
  entry: { id: id as CompetenceId } as VocabularyEntry,
  label: id,
})

// 0 group, 1 a, 2 b, 3 group, 4 c
const rows: MatrixRow[] = [
  group('materials'),
  competence('a'),
  competence('b'),
  group('energy'),
  competence('c'),
]
const move = (row: number, col: number, key: string, extra: { ctrlKey?: boolean } = {}) =>
  moveInGrid(rows, 5, { row, col }, { key, ...extra }, 2)

describe('moveInGrid', () => {
  it('steps over category header rows', () => {
    expect(move(2, 1, 'ArrowDown')).toEqual({ row: 4, col: 1 })
    expect(move(4, 1, 'ArrowUp')).toEqual({ row: 2, col: 1 })
    expect(move(4, 1, 'ArrowDown')).toEqual({ row: 4, col: 1 })
  })

  it('goes up from the first row into the company headers, and back', () => {
    expect(move(1, 3, 'ArrowUp')).toEqual({ row: HEADER_ROW, col: 3 })
    expect(move(HEADER_ROW, 3, 'ArrowUp')).toEqual({ row: HEADER_ROW, col: 3 })
    expect(move(HEADER_ROW, 3, 'ArrowDown')).toEqual({ row: 1, col: 3 })
  })

  it('stops at the row ends and moves to them with Home and End', () => {
    expect(move(1, 0, 'ArrowLeft')).toEqual({ row: 1, col: 0 })
    expect(move(1, 4, 'ArrowRight')).toEqual({ row: 1, col: 4 })
    expect(move(2, 2, 'Home')).toEqual({ row: 2, col: 0 })
    expect(move(2, 2, 'End')).toEqual({ row: 2, col: 4 })
    expect(move(2, 2, 'Home', { ctrlKey: true })).toEqual({ row: 1, col: 0 })
    expect(move(1, 2, 'End', { ctrlKey: true })).toEqual({ row: 4, col: 4 })
  })

  it('pages by competence rows, not counting headers', () => {
    expect(move(1, 0, 'PageDown')).toEqual({ row: 4, col: 0 })
    expect(move(4, 0, 'PageUp')).toEqual({ row: 1, col: 0 })
  })

  it('leaves other keys alone', () => {
    expect(move(1, 0, 'a')).toBeUndefined()
    expect(move(1, 0, 'Enter')).toBeUndefined()
  })
})

describe('clampPosition', () => {
  it('moves off a header row and into range', () => {
    expect(clampPosition(rows, 5, { row: 3, col: 9 })).toEqual({ row: 4, col: 4 })
    expect(clampPosition(rows, 5, { row: 0, col: -1 })).toEqual({ row: 1, col: 0 })
    expect(clampPosition(rows, 5, { row: 99, col: 2 })).toEqual({ row: 4, col: 2 })
    expect(clampPosition(rows, 5, { row: HEADER_ROW, col: 2 })).toEqual({ row: HEADER_ROW, col: 2 })
  })

  it('has no position without cells', () => {
    expect(clampPosition(rows, 0, { row: 1, col: 0 })).toBeUndefined()
    expect(clampPosition([group('energy')], 3, { row: 0, col: 0 })).toBeUndefined()
    expect(firstCellRow([group('energy')])).toBeUndefined()
  })
})
