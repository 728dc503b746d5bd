import type { ReactElement } from 'react'

interface EssaysEmptyProps {
  /** No essay at all yet (else one is merely not open). */
  noEssays: boolean
  onNewEssay: () => void
}

/** The essays workspace with no essay open: what an essay is here, and how to start one. */
export function EssaysEmpty({ noEssays, onNewEssay }: EssaysEmptyProps): ReactElement {
  if (!noEssays) {
    return (
      <div className="essays-placeholder">
        <p>Choose an essay from the list, or start a new one.</p>
      </div>
    )
  }
  return (
    <div className="essays-placeholder essays-welcome">
      <div>
        <h2 className="essays-welcome-title">Write from your clippings</h2>
        <p>
          An essay here is your own writing with the passages you clipped set in as citations. Each
          citation keeps the exact words and where they came from, is checked against its source,
          and says so if the source changes; export turns it into Markdown with footnotes or Pandoc
          citations.
        </p>
        <button type="button" className="button button-primary" onClick={onNewEssay}>
          New essay
        </button>
        <p className="essays-welcome-hint">
          Then cite a clipping with its Cite button, or drag it into the essay.
        </p>
      </div>
    </div>
  )
}
