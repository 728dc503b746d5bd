import { describe, expect, it } from 'vitest'
import type { ClippingView } from '../../../shared/domain'
import { groupedRows } from './groupedRows'

const clip = (id: string, sourceId: string): ClippingView => ({ id, sourceId }) as ClippingView
const groups = [
  { sourceId: 'a', title: 'A', count: 2 },
  { sourceId: 'b', title: 'B', count: 3 },
  { sourceId: 'c', title: 'C', count: 1 },
]
const keys = (rows: { key: string }[]): string[] => rows.map((row) => row.key)

describe('the clippings list grouped by source', () => {
  it('puts each group’s header before its clippings, and waits at a group still loading', () => {
    const some = groupedRows(groups, [clip('1', 'a'), clip('2', 'a'), clip('3', 'b')], new Set())
    expect(keys(some.rows)).toEqual(['group:a', '1', '2', 'group:b', '3'])
    expect(some.total).toBe(9)
    const all = groupedRows(
      groups,
      [
        clip('1', 'a'),
        clip('2', 'a'),
        clip('3', 'b'),
        clip('4', 'b'),
        clip('5', 'b'),
        clip('6', 'c'),
      ],
      new Set(),
    )
    expect(keys(all.rows)).toEqual(['group:a', '1', '2', 'group:b', '3', '4', '5', 'group:c', '6'])
  })

  it('shows a collapsed group as its header alone, counted as one row', () => {
    const { rows, total } = groupedRows(
      groups,
      [clip('1', 'a'), clip('2', 'a'), clip('6', 'c')],
      new Set(['b']),
    )
    expect(keys(rows)).toEqual(['group:a', '1', '2', 'group:b', 'group:c', '6'])
    expect(rows[3]).toMatchObject({ kind: 'group', collapsed: true })
    expect(total).toBe(6)
  })
})
