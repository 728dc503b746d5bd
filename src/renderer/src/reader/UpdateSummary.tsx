import type { ReimportSummary } from '../../../shared/ipc'

interface UpdateSummaryProps {
  summary: ReimportSummary
  /** Selects the clipping's card and shows its passage (where it was, when missing). */
  onShow: (clippingId: string) => void
  onDismiss: () => void
}

/**
 * What "Update from file…" did to the source's clippings: the counts, then each clipping that
 * changed or went missing, named by its words, a link to it. It stays until closed.
 */
export function UpdateSummary({
  summary,
  onShow,
  onDismiss,
}: UpdateSummaryProps): React.JSX.Element {
  const { verified, moved, changed, missing } = summary.counts
  return (
    <section className="update-summary" role="status" aria-label="Update summary">
      <div className="update-summary-head">
        <p className="update-summary-counts">
          <strong>Updated</strong>: {verified} verified, {moved} moved, {changed} changed, {missing}{' '}
          missing
        </p>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label="Close the update summary"
          onClick={onDismiss}
        >
          Close
        </button>
      </div>
      {summary.affected.length > 0 ? (
        <ul className="update-summary-list" aria-label="Changed or missing passages">
          {summary.affected.map((item) => (
            <li key={item.clippingId}>
              <span className={`health-badge is-${item.state}`}>
                {item.state === 'changed' ? 'Changed' : 'Missing'}
              </span>{' '}
              <button type="button" className="link-button" onClick={() => onShow(item.clippingId)}>
                “{shortQuote(item.quote)}”
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="update-summary-none">Every clipping still has its words.</p>
      )}
    </section>
  )
}

/** The first words of a quote, enough to recognise it. */
function shortQuote(quote: string, words = 12): string {
  const all = quote.trim().split(/\s+/)
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`
}
