import { useMemo, useState } from 'react'
import type { ClippingQuery } from '../../../shared/ipc'
import { useDebounced } from '../ui/useDebounced'

const SEARCH_DELAY_MS = 150

export interface ClippingFilters {
  /** What the Clippings panel asks main for (see useClippings.ts). */
  clippingQuery: ClippingQuery
  search: string
  setSearch: (search: string) => void
  sourceOnly: boolean
  setSourceOnly: (sourceOnly: boolean) => void
  /** The tag the Clippings panel is filtered by, or null. */
  tag: string | null
  setTag: (tag: string | null) => void
}

/**
 * The Clippings panel's search box and filters, as the query main answers. The search waits for
 * a pause in typing; "this source only" follows the source the reader shows (`openSourceId`).
 */
export function useClippingQuery(openSourceId: string | null): ClippingFilters {
  const [search, setSearch] = useState('')
  const [sourceOnly, setSourceOnly] = useState(false)
  const [tag, setTag] = useState<string | null>(null)
  const settledSearch = useDebounced(search.trim(), SEARCH_DELAY_MS)
  const filterSourceId = sourceOnly ? openSourceId : null
  const clippingQuery = useMemo<ClippingQuery>(() => {
    const query: ClippingQuery = {}
    if (settledSearch) query.search = settledSearch
    if (filterSourceId) query.sourceId = filterSourceId
    if (tag !== null) query.tag = tag
    return query
  }, [settledSearch, filterSourceId, tag])
  return { clippingQuery, search, setSearch, sourceOnly, setSourceOnly, tag, setTag }
}
