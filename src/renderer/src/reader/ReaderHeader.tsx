import type { SourceMetadata, SourceSummary } from '../../../shared/domain'
import { cleanByline } from '../../../shared/byline'
import { formatDate, shortUrl } from '../ui/format'
import { DetailsForm } from './DetailsForm'

interface ReaderHeaderProps {
  source: SourceSummary
  editing: boolean
  onEditingChange: (editing: boolean) => void
  onSaveDetails: (metadata: SourceMetadata) => Promise<string | null>
  onOpenLink: (url: string) => void
  onUpdateFromFile: () => void
  versionsOpen: boolean
  onVersionsOpenChange: (open: boolean) => void
  onDelete: () => void
}

export function ReaderHeader({
  source,
  editing,
  onEditingChange,
  onSaveDetails,
  onOpenLink,
  onUpdateFromFile,
  versionsOpen,
  onVersionsOpenChange,
  onDelete,
}: ReaderHeaderProps): React.JSX.Element {
  // Each name once: an agency is often both the author and the site ("AFP · 24 Feb 2025").
  const meta = cleanByline([source.author, source.siteName, formatDate(source.publishedAt)])
  return (
    <header className="reader-header">
      <h1 className="reader-title">{source.title}</h1>
      {meta && <p className="reader-byline">{meta}</p>}
      {source.highlightsOnly && (
        <p className="reader-highlights-only">
          <span className="highlights-only-badge">Highlights only</span> Import the page itself to
          anchor these highlights in it.
        </p>
      )}
      {source.url && (
        <p className="reader-url">
          <a
            href={source.url}
            title={`Open ${source.url} in your browser`}
            onClick={(event) => {
              event.preventDefault()
              onOpenLink(source.url as string)
            }}
          >
            {shortUrl(source.url)}
            <span aria-hidden="true"> ↗</span>
          </a>
        </p>
      )}
      <div className="reader-actions" role="group" aria-label="Source actions">
        <button
          type="button"
          className="button button-small reader-edit"
          aria-expanded={editing}
          onClick={() => onEditingChange(!editing)}
        >
          Edit details
        </button>
        <button
          type="button"
          className="button button-small reader-edit"
          onClick={onUpdateFromFile}
        >
          Update from file…
        </button>
        <button
          type="button"
          className="button button-small reader-edit"
          aria-expanded={versionsOpen}
          onClick={() => onVersionsOpenChange(!versionsOpen)}
        >
          Versions
        </button>
        <button
          type="button"
          className="button button-small reader-edit reader-delete"
          title="Delete this source and its clippings (you can undo it)"
          onClick={onDelete}
        >
          Delete source
        </button>
      </div>
      {editing && (
        <DetailsForm
          key={source.id}
          source={source}
          onSave={onSaveDetails}
          onCancel={() => onEditingChange(false)}
        />
      )}
    </header>
  )
}
