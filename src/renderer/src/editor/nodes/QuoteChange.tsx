import type { ReactElement } from 'react'
import { wordDiff } from '../../../../shared/word-diff'
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
        {wordDiff(was, now).map((part, index) =>
          part.kind === 'added' ? (
            <ins key={index}>{part.text}</ins>
          ) : part.kind === 'removed' ? (
            <del key={index}>{part.text}</del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
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
