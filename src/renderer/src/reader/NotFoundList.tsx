import type { ClippingView } from '../../../shared/domain'

interface NotFoundListProps {
  clippings: ClippingView[]
  /** True when the reader shows the newest version (they were lost by an update). */
  newest: boolean
  onShow: (clipping: ClippingView) => void
}

/** The source's clippings the version shown has no place for: "N clippings not found". */
export function NotFoundList({
  clippings,
  newest,
  onShow,
}: NotFoundListProps): React.JSX.Element | null {
  if (clippings.length === 0) return null
  const count = clippings.length
  return (
    <details className="not-found">
      <summary>
        {count} {count === 1 ? 'clipping' : 'clippings'} not found in this version
      </summary>
      <ul aria-label="Not found in this version">
        {clippings.map((clipping) => (
          <li key={clipping.id}>
            <button
              type="button"
              className="link-button"
              title={newest ? 'Show it in the version it was clipped from' : 'Show it where it is'}
              onClick={() => onShow(clipping)}
            >
              “{clipping.target[0].exact}”
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}
