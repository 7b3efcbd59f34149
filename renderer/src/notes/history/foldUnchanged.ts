import type { BlockChange } from '../../../../shared/model/historyDiff'

/** Unchanged blocks kept around a change, for context. */
const CONTEXT_BLOCKS = 1

export type Row = BlockChange | { kind: 'fold'; changes: BlockChange[] }

/**
 * Long stretches of unchanged blocks fold into one "N unchanged blocks" row, keeping one
 * block of context next to each change, so a small change in a long note is easy to find.
 */
export function foldUnchanged(changes: readonly BlockChange[]): Row[] {
  const rows: Row[] = []
  let start = 0
  while (start < changes.length) {
    if (changes[start]?.kind !== 'same') {
      rows.push(changes[start] as BlockChange)
      start++
      continue
    }
    let end = start
    while (end < changes.length && changes[end]?.kind === 'same') end++
    const keepBefore = start === 0 ? 0 : CONTEXT_BLOCKS
    const keepAfter = end === changes.length ? 0 : CONTEXT_BLOCKS
    const run = changes.slice(start, end)
    if (run.length - keepBefore - keepAfter < 2) {
      rows.push(...run)
    } else {
      rows.push(...run.slice(0, keepBefore))
      rows.push({ kind: 'fold', changes: run.slice(keepBefore, run.length - keepAfter) })
      rows.push(...run.slice(run.length - keepAfter))
    }
    start = end
  }
  return rows
}
