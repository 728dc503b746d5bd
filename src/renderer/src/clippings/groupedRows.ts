import type { ClippingView } from '../../../shared/domain'
import type { ClippingGroup } from '../../../shared/ipc'

export type ClippingRow =
  | { kind: 'group'; key: string; group: ClippingGroup; collapsed: boolean }
  /** `position`: the clipping's place among the list's clippings, from 1. */
  | { kind: 'clipping'; key: string; clipping: ClippingView; position: number }

/**
 * The rows of the list grouped by source: each group's header, then, when it is open, its
 * clippings as far as they are loaded (`loaded` is main's grouped order, collapsed groups left
 * out). Headers after a group whose clippings are still loading wait for them, so the list
 * grows at its end as pages arrive; `rows` says how many rows the whole list will have.
 */
export function groupedRows(
  groups: ClippingGroup[],
  loaded: ClippingView[],
  collapsed: ReadonlySet<string>,
): { rows: ClippingRow[]; total: number } {
  const rows: ClippingRow[] = []
  let total = 0
  let at = 0
  let waiting = false
  for (const group of groups) {
    const isCollapsed = collapsed.has(group.sourceId)
    total += 1 + (isCollapsed ? 0 : group.count)
    if (waiting) continue
    rows.push({ kind: 'group', key: `group:${group.sourceId}`, group, collapsed: isCollapsed })
    if (isCollapsed) continue
    let shown = 0
    while (at < loaded.length && loaded[at]?.sourceId === group.sourceId) {
      const clipping = loaded[at] as ClippingView
      at++
      rows.push({ kind: 'clipping', key: clipping.id, clipping, position: at })
      shown++
    }
    // The rest of this group is on a page not loaded yet (a group that lost clippings meanwhile
    // has nothing more to wait for: its next row is another group's).
    if (shown < group.count && at >= loaded.length) waiting = true
  }
  return { rows, total }
}
