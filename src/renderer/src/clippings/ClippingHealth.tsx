import { useState } from 'react'
import type { ClippingView } from '../../../shared/domain'
import { WordDiff } from '../ui/WordDiff'

interface ClippingHealthProps {
  clipping: ClippingView
  /** Resolve once main has answered; the card then shows the new state. */
  onAccept: (clipping: ClippingView) => Promise<void>
  onKeep: (clipping: ClippingView) => Promise<void>
  /** Opens the version the passage was clipped from, marked. */
  onShowWhereItWas: (clipping: ClippingView) => void
}

const BADGE_TITLES = {
  moved: 'The same words, at another place in the updated source',
  changed: 'The updated source words this passage differently',
  missing: 'The updated source no longer has this passage',
  kept: 'The source was updated; you kept the wording you clipped',
} as const

/**
 * Where the clipping's passage stands in the newest version of its source, on its card: nothing
 * when the words are where they were; Moved; Changed with the word diff and the two answers;
 * Missing with the way to the version it came from.
 */
export function ClippingHealth({
  clipping,
  onAccept,
  onKeep,
  onShowWhereItWas,
}: ClippingHealthProps): React.JSX.Element | null {
  const [busy, setBusy] = useState(false)
  const [reviewing, setReviewing] = useState(false)
  const { anchor } = clipping
  if (anchor.state === 'verified') return null
  const kept =
    anchor.state === 'changed' &&
    clipping.keptWording?.versionHash === clipping.source.currentVersionHash
  const badge = kept ? 'kept' : anchor.state
  // An imported highlight found in other words: the file's words are what changed, and they are in
  // no version here, so there is no old wording to keep.
  const imported = clipping.versionHash === clipping.source.currentVersionHash
  const was = (imported && clipping.origin?.quote) || clipping.target[0].exact
  const run = async (action: (clipping: ClippingView) => Promise<void>): Promise<void> => {
    setBusy(true)
    await action(clipping)
    setBusy(false)
    setReviewing(false)
  }
  return (
    <div className={`clipping-health is-${badge}`}>
      <p className="clipping-health-line">
        <span className={`health-badge is-${badge}`} title={BADGE_TITLES[badge]}>
          {badge === 'kept' ? 'Kept' : badge[0]?.toUpperCase() + badge.slice(1)}
        </span>
        {badge === 'missing' && (
          <>
            <span className="clipping-health-text">Not found in the updated source.</span>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => onShowWhereItWas(clipping)}
            >
              Show where it was
            </button>
          </>
        )}
        {badge === 'kept' && (
          <button
            type="button"
            className="button button-quiet button-small"
            aria-expanded={reviewing}
            onClick={() => setReviewing(!reviewing)}
          >
            Review change
          </button>
        )}
      </p>
      {anchor.state === 'changed' && (!kept || reviewing) && (
        <div className="clipping-change" role="group" aria-label="Changed in the updated source">
          <p className="clipping-change-diff">
            <WordDiff was={was} now={anchor.exact} />
          </p>
          <div className="clipping-change-actions">
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void run(onAccept)}
            >
              Accept new wording
            </button>
            {!kept && !imported && (
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                onClick={() => void run(onKeep)}
              >
                Keep old wording
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  )
}
