import { useQuery } from '@tanstack/react-query'
import { call } from '../api'
import { keys } from '../data/queries'
import { formatDateTime } from '../ui/format'
import { describeChange } from './versionChange'
import './versions-list.css'

interface VersionsListProps {
  sourceId: string
  /** The version the reader shows now. */
  shownHash: string
  /** What the list depends on besides the source: asked again when either changes. */
  newestHash: string
  clippingCount: number
  /** Opens a version in the reader; undefined for the newest. */
  onOpen: (versionHash: string | undefined) => void
}

/** Every version of the source, newest first: when, which, what changed; each opens in the reader. */
export function VersionsList({
  sourceId,
  shownHash,
  newestHash,
  clippingCount,
  onOpen,
}: VersionsListProps): React.JSX.Element {
  // Under the source's key, so a change from another process asks again; and keyed by its newest
  // version and clippings, so an update or a clip made here does too.
  const query = useQuery({
    queryKey: [...keys.source(sourceId), 'versions', newestHash, clippingCount],
    queryFn: async () => {
      const result = await call((api) => api.listSourceVersions(sourceId))
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    },
  })
  return (
    <section className="reader-versions" aria-label="Versions">
      {query.error && <p role="alert">{query.error.message}</p>}
      {query.data && (
        <ol className="version-list">
          {query.data.map((version) => {
            const date = formatDateTime(version.importedAt)
            return (
              <li
                key={version.hash}
                className="version-item"
                aria-current={version.hash === shownHash ? 'true' : undefined}
              >
                <button
                  type="button"
                  className="version-open"
                  aria-label={`Open the version of ${date}${version.newest ? ' (newest)' : ''}`}
                  onClick={() => onOpen(version.newest ? undefined : version.hash)}
                >
                  <span className="version-date">{date}</span>
                  <code className="version-hash" title={version.hash}>
                    {version.hash.slice(0, 8)}
                  </code>
                  {version.newest && <span className="version-tag">Newest</span>}
                  {version.hash === shownHash && <span className="version-tag">Shown</span>}
                </button>
                <p className="version-change">{describeChange(version)}</p>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
