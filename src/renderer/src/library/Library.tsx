import { useState } from 'react'
import './library.css'
import type { SourceSummary } from '../../../shared/domain'
import type { ImportProgress, SourceTextHit } from '../../../shared/ipc'
import { openAppDialog } from '../help/AppDialogs'
import { ariaShortcut, shortcutLabel, shortcuts } from '../ui/commands'
import { byline, formatDate } from '../ui/format'
import { WindowedList } from '../ui/WindowedList'
import { SourceTextResults } from './SourceTextSearch'
import { useSources } from './useSources'

interface LibraryProps {
  selectedId: string | null
  importing: boolean
  /** How far main has got reading a long file; null when none is being read. */
  readProgress: ImportProgress | null
  onImport: () => void
  onSelect: (id: string) => void
  onOpenBackups: () => void
  /** Opens the reader at a passage the source text search found. */
  onOpenFound: (hit: SourceTextHit) => void
  /** Deletes a source and its clippings (Undo is offered). */
  onDelete: (source: SourceSummary) => void
}

export function Library({
  selectedId,
  importing,
  readProgress,
  onImport,
  onSelect,
  onOpenBackups,
  onOpenFound,
  onDelete,
}: LibraryProps): React.JSX.Element {
  const shortcut = shortcuts['import-source']
  const { sources, total, loaded, loadMore, error } = useSources()
  const [textSearch, setTextSearch] = useState('')
  const searching = textSearch.trim() !== ''
  return (
    <nav className="library" aria-label="Library">
      <div className="pane-header">
        <p className="brand">Commonplace</p>
        <button
          type="button"
          className="button button-block"
          disabled={importing}
          aria-keyshortcuts={ariaShortcut(shortcut)}
          title={`Import HTML, Markdown or text files (${shortcutLabel(shortcut)})`}
          onClick={onImport}
        >
          Import source
          <kbd className="button-kbd" aria-hidden="true">
            {shortcutLabel(shortcut)}
          </kbd>
        </button>
        {readProgress && (
          <p className="import-progress" role="status">
            Reading “{readProgress.fileName}”: page {readProgress.done} of {readProgress.total}
          </p>
        )}
      </div>
      <input
        type="search"
        className="search library-search"
        placeholder="Search the sources’ text"
        aria-label="Search the sources’ text"
        value={textSearch}
        onChange={(event) => setTextSearch(event.target.value)}
      />
      {searching && <SourceTextResults query={textSearch} onOpen={onOpenFound} />}
      <h2 className="pane-title" hidden={searching}>
        Sources <span className="count">{total || ''}</span>
      </h2>
      {error && (
        <p className="empty" role="alert">
          {error}
        </p>
      )}
      {!searching && (
        <WindowedList
          items={sources}
          total={total}
          keyOf={(source) => source.id}
          estimateHeight={58}
          onNearEnd={loadMore}
          label="Sources"
          className="source-list"
          scrollToKey={selectedId}
          render={(source) => {
            const meta = byline([source.siteName, formatDate(source.publishedAt)])
            return (
              <div className="source-row">
                <button
                  type="button"
                  className="source-item"
                  aria-current={source.id === selectedId ? 'true' : undefined}
                  onClick={() => onSelect(source.id)}
                >
                  <span className="source-title">{source.title}</span>
                  {meta && <span className="source-meta">{meta}</span>}
                  {source.highlightsOnly && (
                    <span
                      className="highlights-only-badge"
                      title="Import the page itself to anchor these highlights in it"
                    >
                      Highlights only
                    </span>
                  )}
                </button>
                <button
                  type="button"
                  className="source-delete"
                  aria-label={`Delete “${source.title}”`}
                  title="Delete this source and its clippings (you can undo it)"
                  onClick={() => onDelete(source)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            )
          }}
        />
      )}
      {/* The welcome in the centre says how to start; here only that the list is empty. */}
      {loaded && total === 0 && !searching && <p className="empty">No sources yet.</p>}
      <div className="library-footer">
        <button type="button" className="button button-quiet" onClick={onOpenBackups}>
          Backups…
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-keyshortcuts={ariaShortcut(shortcuts['open-settings'])}
          title={`Settings (${shortcutLabel(shortcuts['open-settings'])})`}
          onClick={() => openAppDialog('settings')}
        >
          Settings…
        </button>
      </div>
    </nav>
  )
}
