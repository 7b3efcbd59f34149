import type { MatrixRow } from './matrixLayout'

/**
 * Keyboard movement in the matrix (the ARIA grid pattern): arrows move one cell, Home/End to
 * the row's ends, Ctrl+Home/End to the grid's corners, Page Up/Down a screenful of rows.
 * Category header rows are not cells and are stepped over; above the first competence row
 * is the company header row (`HEADER_ROW`). Pure: positions are indices into the layout's
 * rows and columns.
 */
export type GridPosition = { row: number; col: number }

/** The row of company headers, above the first row of the layout. */
export const HEADER_ROW = -1

export type GridKey = {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
}

function isCellRow(rows: readonly MatrixRow[], index: number): boolean {
  return rows[index]?.kind === 'competence'
}

/** The nearest competence row at or after `from` going in `step`'s direction, if any. */
function cellRowFrom(rows: readonly MatrixRow[], from: number, step: 1 | -1): number | undefined {
  for (let i = from; i >= 0 && i < rows.length; i += step) {
    if (isCellRow(rows, i)) return i
  }
  return undefined
}

export function firstCellRow(rows: readonly MatrixRow[]): number | undefined {
  return cellRowFrom(rows, 0, 1)
}

/**
 * A position that exists in the layout: the row and column clamped, and a header row
 * replaced by the competence row under it (or above, at the end). Undefined when the
 * layout has no cells.
 */
export function clampPosition(
  rows: readonly MatrixRow[],
  columns: number,
  position: GridPosition,
): GridPosition | undefined {
  if (columns === 0) return undefined
  const col = Math.min(Math.max(position.col, 0), columns - 1)
  if (position.row === HEADER_ROW) return { row: HEADER_ROW, col }
  const row = Math.min(Math.max(position.row, 0), rows.length - 1)
  const found = cellRowFrom(rows, row, 1) ?? cellRowFrom(rows, row, -1)
  if (found === undefined) return undefined
  return { row: found, col }
}

/** Moves `rows` competence rows (not counting headers) from `from`, stopping at the ends. */
function stepRows(rows: readonly MatrixRow[], from: number, count: number): number {
  const step = count > 0 ? 1 : -1
  let at = from
  let left = Math.abs(count)
  for (let i = from + step; left > 0 && i >= 0 && i < rows.length; i += step) {
    if (isCellRow(rows, i)) {
      at = i
      left--
    }
  }
  return at
}

/**
 * Where a key moves the active cell; undefined when the key is not a movement key (the
 * caller lets it through). `pageRows` is how many rows fit on screen.
 */
export function moveInGrid(
  rows: readonly MatrixRow[],
  columns: number,
  from: GridPosition,
  event: GridKey,
  pageRows: number,
): GridPosition | undefined {
  const ctrl = event.ctrlKey === true || event.metaKey === true
  const lastCol = columns - 1
  switch (event.key) {
    case 'ArrowRight':
      return { row: from.row, col: Math.min(from.col + 1, lastCol) }
    case 'ArrowLeft':
      return { row: from.row, col: Math.max(from.col - 1, 0) }
    case 'ArrowDown':
      if (from.row === HEADER_ROW) return { row: firstCellRow(rows) ?? HEADER_ROW, col: from.col }
      return { row: stepRows(rows, from.row, 1), col: from.col }
    case 'ArrowUp': {
      if (from.row === HEADER_ROW) return from
      const up = stepRows(rows, from.row, -1)
      return { row: up === from.row ? HEADER_ROW : up, col: from.col }
    }
    case 'PageDown':
      if (from.row === HEADER_ROW) return { row: firstCellRow(rows) ?? HEADER_ROW, col: from.col }
      return { row: stepRows(rows, from.row, Math.max(1, pageRows)), col: from.col }
    case 'PageUp':
      if (from.row === HEADER_ROW) return from
      return { row: stepRows(rows, from.row, -Math.max(1, pageRows)), col: from.col }
    case 'Home':
      return ctrl ? { row: cellRowFrom(rows, 0, 1) ?? from.row, col: 0 } : { row: from.row, col: 0 }
    case 'End':
      return ctrl
        ? { row: cellRowFrom(rows, rows.length - 1, -1) ?? from.row, col: lastCol }
        : { row: from.row, col: lastCol }
    default:
      return undefined
  }
}
