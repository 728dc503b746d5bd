// What a benchmark module hands back, and how the runner prints it. Figures keep their raw numbers
// and unit so results/latest.json stays machine-readable; only printing rounds them.

export type Unit = 'ms' | 's' | 'bytes' | 'x' | 'count'

/** One or more numbers sharing a unit, printed as "4.10 / 6.32 ms" (e.g. median / p95). */
export interface Figure {
  values: number[]
  unit: Unit
}

export type Cell = string | Figure

export interface BenchSection {
  title: string
  columns: string[]
  rows: Cell[][]
  /** How it was measured and what to keep in mind, printed under the table. */
  notes: string[]
  /** Fuller results for latest.json (raw samples, summaries); not printed. */
  details?: unknown
  /**
   * The headline figures under the names `npm run bench -- --json <file>` writes (issue 10's keys,
   * e.g. `save_p95_100k`), numbers in ms unless the name says otherwise (`_mb`).
   */
  figures?: Record<string, number>
}

export function ms(...values: number[]): Figure {
  return { values, unit: 'ms' }
}

export function seconds(...values: number[]): Figure {
  return { values, unit: 's' }
}

export function bytes(...values: number[]): Figure {
  return { values, unit: 'bytes' }
}

export function ratio(value: number): Figure {
  return { values: [value], unit: 'x' }
}

export function count(value: number): Figure {
  return { values: [value], unit: 'count' }
}

export function formatFigure(figure: Figure): string {
  const { values, unit } = figure
  if (unit === 'bytes') return values.map(formatBytes).join(' / ')
  if (unit === 'count') return values.map((value) => value.toLocaleString('en-US')).join(' / ')
  if (unit === 'x') return values.map((value) => `${significant(value)}×`).join(' / ')
  return `${values.map(significant).join(' / ')} ${unit}`
}

export function formatCell(cell: Cell): string {
  return typeof cell === 'string' ? cell : formatFigure(cell)
}

export function renderSection(section: BenchSection): string {
  const table = [section.columns, ...section.rows.map((row) => row.map(formatCell))]
  const widths = section.columns.map((_, column) =>
    Math.max(...table.map((row) => (row[column] ?? '').length)),
  )
  const line = (row: string[]): string =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join(' | ')
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-')
  return [
    section.title,
    '='.repeat(section.title.length),
    line(table[0]!),
    rule,
    ...table.slice(1).map(line),
    '',
    ...section.notes.map((note) => `- ${note}`),
  ].join('\n')
}

/** Three significant digits, but never scientific notation and never more than 2 decimals. */
function significant(value: number): string {
  const magnitude = Math.abs(value)
  const decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
  return value.toFixed(decimals)
}

function formatBytes(value: number): string {
  if (value < 1024) return `${Math.round(value)} B`
  if (value < 1024 ** 2) return `${significant(value / 1024)} KiB`
  if (value < 1024 ** 3) return `${significant(value / 1024 ** 2)} MiB`
  return `${significant(value / 1024 ** 3)} GiB`
}
