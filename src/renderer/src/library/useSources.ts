import { useInfiniteQuery } from '@tanstack/react-query'
import type { SourceSummary } from '../../../shared/domain'
import { call } from '../api'
import { keys } from '../data/queries'

const PAGE = 200

export interface SourcesList {
  /** The pages loaded so far, in import order. */
  sources: SourceSummary[]
  total: number
  /** The first page has come: `total` is the library's, not a placeholder. */
  loaded: boolean
  loadMore: () => void
  error: string | null
}

/** The library's sources, a page at a time as the list scrolls (never all at once). */
export function useSources(): SourcesList {
  const query = useInfiniteQuery({
    queryKey: keys.sources,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const result = await call((api) => api.listSources({ limit: PAGE, cursor: pageParam }))
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    },
    getNextPageParam: (page) => page.next ?? undefined,
  })
  const pages = query.data?.pages ?? []
  return {
    sources: pages.flatMap((page) => page.items),
    total: pages[0]?.total ?? 0,
    loaded: pages.length > 0,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage()
    },
    error: query.error?.message ?? null,
  }
}
