/** Small helpers for benchmark figures: percentiles over samples in milliseconds. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] as number
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`
}

export type Row = { name: string; value: string; target?: string; ok?: boolean }

export function printRows(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}`)
  const width = Math.max(...rows.map((row) => row.name.length))
  for (const row of rows) {
    const verdict = row.ok === undefined ? '' : row.ok ? '  ✓' : '  ✗ over target'
    const target = row.target === undefined ? '' : `  (target ${row.target})`
    console.log(`  ${row.name.padEnd(width)}  ${row.value}${target}${verdict}`)
  }
}
