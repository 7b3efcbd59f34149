/**
 * Sizes of the matrix grid in CSS pixels. The grid is virtualized on both axes, so every row
 * and column has a known size (the CSS reads the same numbers from custom properties set by
 * the grid, so the two cannot drift apart).
 */
export const MATRIX_GEOMETRY = {
  /** The competence column on the left (sticky). */
  labelWidth: 272,
  /** The company header row on top (sticky): names are set vertically. */
  headerHeight: 172,
  columnWidth: 40,
  rowHeight: 32,
  /** A category's header row. */
  groupHeight: 34,
} as const
