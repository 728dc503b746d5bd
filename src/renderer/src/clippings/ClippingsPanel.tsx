import './clippings.css'
import { useMemo, useState } from 'react'
import type { ClippingView } from '../../../shared/domain'
import type { ClippingEdit, ClippingQuery } from '../../../shared/ipc'
import { WindowedList } from '../ui/WindowedList'
import { ClippingItem } from './ClippingItem'
import { groupedRows, type ClippingRow } from './groupedRows'
import { useClippingGroups } from './useClippingGroups'
import { useClippings } from './useClippings'
import { useListOrder } from './useListOrder'

interface ClippingsPanelProps {
  /** What to list: a search, one source's clippings, or all of them. */
  query: Omit<ClippingQuery, 'limit' | 'cursor'>
  search: string
  onSearchChange: (search: string) => void
  sourceOnly: boolean
  /** Null when no source is open, and the filter has nothing to filter by. */
  onSourceOnlyChange: ((sourceOnly: boolean) => void) | null
  /** The tag the list is filtered by (a tag chip was clicked), or null. */
  tag: string | null
  onTagChange: (tag: string | null) => void
  activeId: string | null
  /** The source of the open reader: a clipping chosen there opens its group if collapsed. */
  activeSourceId: string | null
  onShow: (clipping: ClippingView) => void
  onSave: (edit: ClippingEdit) => Promise<string | null>
  onDelete: (clipping: ClippingView) => void
  /** Saves what the open essay has not: it may cite the clipping about to be deleted. */
  saveOpenEssay: () => Promise<void>
  onCite: (clipping: ClippingView) => void
  onDragCitation: (clipping: ClippingView, transfer: DataTransfer) => void
  onOpenEssay: (essayId: string) => void
  onAccept: (clipping: ClippingView) => Promise<void>
  onKeep: (clipping: ClippingView) => Promise<void>
  onShowWhereItWas: (clipping: ClippingView) => void
}

export function ClippingsPanel(props: ClippingsPanelProps): React.JSX.Element {
  const { query, search, onSearchChange, sourceOnly, onSourceOnlyChange, tag, onTagChange } = props
  const searching = search.trim() !== ''
  const [order, setOrder] = useListOrder()
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  // A clipping chosen elsewhere (a mark in the reader, the update summary) is shown, even when
  // its group was collapsed: adjusted while rendering, as React advises for state that follows a prop.
  const [shownActive, setShownActive] = useState(props.activeId)
  if (props.activeId !== shownActive) {
    setShownActive(props.activeId)
    const source = props.activeSourceId
    if (props.activeId && source && collapsed.has(source)) {
      setCollapsed(new Set([...collapsed].filter((id) => id !== source)))
    }
  }
  // A search lists best match first: groups would scatter its order.
  const grouped = order === 'source' && !query.search
  const groups = useClippingGroups({ sourceId: query.sourceId, tag: query.tag }, grouped)
  const listQuery = useMemo(
    () => (grouped ? { ...query, bySource: true, collapsed: [...collapsed] } : query),
    [grouped, query, collapsed],
  )
  const { clippings, total, loading, loadMore, error } = useClippings(listQuery)
  const rows = useMemo(() => {
    if (!grouped) {
      return {
        rows: clippings.map((clipping, index): ClippingRow => ({
          kind: 'clipping',
          key: clipping.id,
          clipping,
          position: index + 1,
        })),
        total,
      }
    }
    return groupedRows(groups ?? [], clippings, collapsed)
  }, [grouped, groups, clippings, collapsed, total])
  const count = grouped ? (groups ?? []).reduce((sum, group) => sum + group.count, 0) : total

  const toggleGroup = (sourceId: string): void => {
    const next = new Set(collapsed)
    if (next.has(sourceId)) next.delete(sourceId)
    else next.add(sourceId)
    setCollapsed(next)
  }

  return (
    <aside aria-label="Clippings panel" className="clippings-panel">
      <div className="pane-header">
        <h2 className="pane-title">
          Clippings <span className="count">{count || ''}</span>
        </h2>
        <input
          type="search"
          className="search"
          aria-label="Search clippings"
          placeholder="Search quotes, notes, tags"
          value={search}
          onChange={(event) => onSearchChange(event.target.value)}
        />
        <div className="clippings-filters">
          {/* Only with a source open: before that it would have nothing to filter by. */}
          {onSourceOnlyChange && (
            <label className="toggle">
              <input
                type="checkbox"
                checked={sourceOnly}
                onChange={(event) => onSourceOnlyChange(event.target.checked)}
              />
              This source only
            </label>
          )}
          <div className="segmented" role="group" aria-label="Order clippings">
            <button
              type="button"
              aria-pressed={order === 'source'}
              onClick={() => setOrder('source')}
              title="Each source’s clippings together"
            >
              By source
            </button>
            <button
              type="button"
              aria-pressed={order === 'newest'}
              onClick={() => setOrder('newest')}
            >
              Newest
            </button>
          </div>
        </div>
        {tag !== null && (
          <p className="filter-chips">
            <span className="filter-chips-label">Tagged</span>
            <button
              type="button"
              className="tag filter-chip"
              aria-label={`Remove the filter: tag ${tag}`}
              title="Show clippings with any tag"
              onClick={() => onTagChange(null)}
            >
              {tag}
              <span aria-hidden="true" className="filter-chip-x">
                ×
              </span>
            </button>
          </p>
        )}
      </div>
      {/* The list stays in place when empty, so it is there to be found before the first clip. */}
      {!loading && !error && clippings.length === 0 && rows.rows.length === 0 && (
        <div className="empty">
          {searching ? (
            <p className="empty-title">No clippings match “{search.trim()}”</p>
          ) : tag !== null ? (
            <p className="empty-title">No clippings tagged “{tag}”</p>
          ) : (
            <>
              <p className="empty-title">No clippings yet</p>
              <p>Select text in the reader, then Clip.</p>
            </>
          )}
        </div>
      )}
      <WindowedList
        items={rows.rows}
        total={rows.total}
        keyOf={(row) => row.key}
        estimateHeight={150}
        onNearEnd={loadMore}
        label="Clippings"
        className="clipping-list"
        scrollToKey={props.activeId}
        positionOf={(row) => (row.kind === 'clipping' ? row.position : null)}
        setSize={grouped ? rows.total - (groups?.length ?? 0) : total}
        render={(row) =>
          row.kind === 'group' ? (
            <GroupHeader row={row} onToggle={() => toggleGroup(row.group.sourceId)} />
          ) : (
            <ClippingItem
              clipping={row.clipping}
              active={row.clipping.id === props.activeId}
              onShow={props.onShow}
              onSave={props.onSave}
              onDelete={props.onDelete}
              saveOpenEssay={props.saveOpenEssay}
              onCite={props.onCite}
              onDragCitation={props.onDragCitation}
              onOpenEssay={props.onOpenEssay}
              onAccept={props.onAccept}
              onKeep={props.onKeep}
              onShowWhereItWas={props.onShowWhereItWas}
              onTagClick={onTagChange}
            />
          )
        }
      />
      {error && (
        <p className="empty" role="alert">
          {error}
        </p>
      )}
    </aside>
  )
}

function GroupHeader({
  row,
  onToggle,
}: {
  row: Extract<ClippingRow, { kind: 'group' }>
  onToggle: () => void
}): React.JSX.Element {
  const { group, collapsed } = row
  return (
    <h3 className="clipping-group">
      <button
        type="button"
        className="clipping-group-button"
        aria-expanded={!collapsed}
        onClick={onToggle}
      >
        <span className="clipping-group-caret" aria-hidden="true">
          {collapsed ? '▸' : '▾'}
        </span>
        <span className="clipping-group-title">{group.title}</span>
        <span className="count">
          {group.count}
          <span className="visually-hidden"> {group.count === 1 ? 'clipping' : 'clippings'}</span>
        </span>
      </button>
    </h3>
  )
}
