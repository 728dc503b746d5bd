import { diffWords } from 'diff'
import type { ReactElement } from 'react'

interface QuoteChangeProps {
  was: string
  now: string
  onAccept: () => void
  /** Keep quoting the version it was clipped from; the citation stays "Changed". */
  onReject: () => void
}

/** A changed passage, word by word: what the essay quotes, struck; what the source says, marked. */
export function QuoteChange({ was, now, onAccept, onReject }: QuoteChangeProps): ReactElement {
  return (
    <div className="citation-change" role="group" aria-label="Changed in the source">
      <p className="citation-change-diff">
        {diffWords(was, now).map((part, index) =>
          part.added ? (
            <ins key={index}>{part.value}</ins>
          ) : part.removed ? (
            <del key={index}>{part.value}</del>
          ) : (
            <span key={index}>{part.value}</span>
          ),
        )}
      </p>
      <button type="button" className="citation-button" onClick={onAccept}>
        Accept new wording
      </button>{' '}
      <button type="button" className="citation-button" onClick={onReject}>
        Keep old wording
      </button>
    </div>
  )
}
