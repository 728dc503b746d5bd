import { useQuery } from '@tanstack/react-query'
import type { SourceTextHit } from '../../../shared/ipc'
import { call } from '../api'
import { useDebounced } from '../ui/useDebounced'

const SEARCH_DELAY_MS = 150
const LIMIT = 50

interface SourceTextResultsProps {
  query: string
  onOpen: (hit: SourceTextHit) => void
}

/** Sources whose text holds the phrase, each with the words around the match, marked. */
export function SourceTextResults({ query, onOpen }: SourceTextResultsProps): React.JSX.Element {
  const settled = useDebounced(query.trim(), SEARCH_DELAY_MS)
  const results = useQuery({
    queryKey: ['source-text', settled],
    queryFn: async () => {
      const result = await call((api) => api.searchSources({ query: settled, limit: LIMIT }))
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    },
    enabled: settled !== '',
  })
  if (results.error) {
    return (
      <p className="empty" role="alert">
        {results.error.message}
      </p>
    )
  }
  const hits = results.data ?? []
  if (results.isSuccess && hits.length === 0) {
    return (
      <p className="empty" role="status">
        No source contains “{settled}”
      </p>
    )
  }
  return (
    <ul className="source-hits" aria-label="Source text matches" aria-busy={results.isFetching}>
      {hits.map((hit) => (
        <li key={hit.sourceId}>
          <button type="button" className="source-hit" onClick={() => onOpen(hit)}>
            <span className="source-title">{hit.title}</span>
            <span className="source-hit-snippet">
              {hit.snippet.before}
              <mark>{hit.snippet.match}</mark>
              {hit.snippet.after}
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
