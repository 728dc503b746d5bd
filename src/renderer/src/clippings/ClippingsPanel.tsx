import './clippings.css'
import type { ClippingView } from '../../../shared/domain'
import type { ClippingEdit, ClippingQuery } from '../../../shared/ipc'
import { WindowedList } from '../ui/WindowedList'
import { ClippingItem } from './ClippingItem'
import { useClippings } from './useClippings'

interface ClippingsPanelProps {
  /** What to list: a search, one source's clippings, or all of them. */
  query: Omit<ClippingQuery, 'limit' | 'cursor'>
  search: string
  onSearchChange: (search: string) => void
  sourceOnly: boolean
  /** Null when no source is open, and the filter has nothing to filter by. */
  onSourceOnlyChange: ((sourceOnly: boolean) => void) | null
  activeId: string | null
  onShow: (clipping: ClippingView) => void
  onSave: (edit: ClippingEdit) => Promise<string | null>
  onDelete: (clipping: ClippingView) => void
  /** Saves what the open essay has not: it may cite the clipping about to be deleted. */
  saveOpenEssay: () => Promise<void>
  onCite: (clipping: ClippingView) => void
  onDragCitation: (clipping: ClippingView, transfer: DataTransfer) => void
  onOpenEssay: (essayId: string) => void
}

export function ClippingsPanel({
  query,
  search,
  onSearchChange,
  sourceOnly,
  onSourceOnlyChange,
  activeId,
  onShow,
  onSave,
  onDelete,
  saveOpenEssay,
  onCite,
  onDragCitation,
  onOpenEssay,
}: ClippingsPanelProps): React.JSX.Element {
  const searching = search.trim() !== ''
  const { clippings, total, loading, loadMore, error } = useClippings(query)
  return (
    <aside aria-label="Clippings panel" className="clippings-panel">
      <div className="pane-header">
        <h2 className="pane-title">
          Clippings <span className="count">{total || ''}</span>
        </h2>
        <input
          type="search"
          className="search"
          aria-label="Search clippings"
          placeholder="Search quotes, notes, tags"
          value={search}
          onChange={(event) => onSearchChange(event.target.value)}
        />
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
      </div>
      {/* The list stays in place when empty, so it is there to be found before the first clip. */}
      {!loading && !error && clippings.length === 0 && (
        <div className="empty">
          {searching ? (
            <p className="empty-title">No clippings match “{search.trim()}”</p>
          ) : (
            <>
              <p className="empty-title">No clippings yet</p>
              <p>Select text in the reader, then Clip selection.</p>
            </>
          )}
        </div>
      )}
      <WindowedList
        items={clippings}
        total={total}
        keyOf={(clipping) => clipping.id}
        estimateHeight={150}
        onNearEnd={loadMore}
        label="Clippings"
        className="clipping-list"
        scrollToKey={activeId}
        render={(clipping) => (
          <ClippingItem
            clipping={clipping}
            active={clipping.id === activeId}
            onShow={onShow}
            onSave={onSave}
            onDelete={onDelete}
            saveOpenEssay={saveOpenEssay}
            onCite={onCite}
            onDragCitation={onDragCitation}
            onOpenEssay={onOpenEssay}
          />
        )}
      />
      {error && (
        <p className="empty" role="alert">
          {error}
        </p>
      )}
    </aside>
  )
}
