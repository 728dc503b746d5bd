import type { ReactElement } from 'react'
import { WordDiff } from '../../ui/WordDiff'
import './QuoteChange.css'

interface QuoteChangeProps {
  was: string
  now: string
  onAccept: () => void
  /** Keep quoting the version it was clipped from; stored with the citation. */
  onKeep: () => void
}

/**
 * A changed passage, word by word (whole words, cut as the new wording itself was): what the
 * essay quotes, struck; what the source says, marked. The writer accepts it or keeps the old.
 */
export function QuoteChange({ was, now, onAccept, onKeep }: QuoteChangeProps): ReactElement {
  return (
    <div className="citation-change" role="group" aria-label="Changed in the source">
      <p className="citation-change-diff">
        <WordDiff was={was} now={now} />
      </p>
      <div className="citation-change-actions">
        <button type="button" className="citation-button" onClick={onAccept}>
          Accept new wording
        </button>
        <button type="button" className="citation-button" onClick={onKeep}>
          Keep old wording
        </button>
      </div>
    </div>
  )
}
