import { formatDateTime } from '../ui/format'

interface OldVersionBannerProps {
  /** When the version shown was added; absent from an older main. */
  importedAt: string | undefined
  onBackToNewest: () => void
}

/**
 * Stays above the page while an older version is shown, however far the reader scrolls: its
 * marks and offsets are not the newest text's, and clipping waits for the newest version.
 */
export function OldVersionBanner({
  importedAt,
  onBackToNewest,
}: OldVersionBannerProps): React.JSX.Element {
  const when = importedAt ? `the version of ${formatDateTime(importedAt)}` : 'an older version'
  return (
    <div className="reader-old-version" role="note" aria-label="Older version">
      <span>You are reading {when}.</span>
      <button type="button" className="button button-small" onClick={onBackToNewest}>
        Back to the newest version
      </button>
    </div>
  )
}
