import { ariaShortcut, shortcutLabel, shortcuts } from '../ui/commands'
import './welcome.css'

interface EmptyReaderProps {
  /** Null while main has not yet said: neither the welcome nor the hint flashes by. */
  hasSources: boolean | null
  importing: boolean
  /** The sample is being put in (the first import of a session takes a few seconds). */
  openingSample: boolean
  onImport: () => void
  onOpenSample: () => void
}

/**
 * The centre when no source is open. In an empty notebook it is the one welcome: what
 * Commonplace does, Import as the first step, dropping files, and the sample notebook to look
 * around in. The library beside it stays quiet, so nothing is said twice.
 */
export function EmptyReader({
  hasSources,
  importing,
  openingSample,
  onImport,
  onOpenSample,
}: EmptyReaderProps): React.JSX.Element {
  const shortcut = shortcuts['import-source']
  return (
    <section aria-label="Reader" className="reader reader-empty">
      {hasSources === null ? null : hasSources ? (
        <div className="empty empty-large">
          <p className="empty-title">Choose a source to read</p>
          <p>Pick one from the library on the left. Select a passage to clip it.</p>
        </div>
      ) : (
        <div className="empty empty-large welcome">
          <h1 className="empty-title">Welcome to Commonplace</h1>
          <p>
            Import the articles you write from, clip the exact passages you need, and cite them in
            essays that check every quote against its source.
          </p>
          <div className="welcome-actions">
            <button
              type="button"
              className="button button-primary welcome-import"
              disabled={importing || openingSample}
              aria-keyshortcuts={ariaShortcut(shortcut)}
              onClick={onImport}
            >
              Import files…
              <kbd className="button-kbd" aria-hidden="true">
                {shortcutLabel(shortcut)}
              </kbd>
            </button>
            <p className="welcome-drop">or drop web pages, Markdown or text files here</p>
          </div>
          <p className="welcome-sample">
            New here?{' '}
            <button
              type="button"
              className="button button-quiet welcome-sample-button"
              disabled={importing || openingSample}
              aria-busy={openingSample}
              onClick={onOpenSample}
            >
              {openingSample ? 'Opening the sample notebook…' : 'Open the sample notebook'}
            </button>
            : a short article with clippings and an essay that cites them.
          </p>
        </div>
      )}
    </section>
  )
}
