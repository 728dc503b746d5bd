import { useInfiniteQuery } from '@tanstack/react-query'
import type { ClippingView } from '../../../shared/domain'
import type { ClippingQuery } from '../../../shared/ipc'
import { call } from '../api'
import { keys } from '../data/queries'

const PAGE = 100

export interface ClippingsList {
  /** The pages loaded so far: newest first, or best match first. */
  clippings: ClippingView[]
  /** How many the whole list holds, from main's index. */
  total: number
  loading: boolean
  loadMore: () => void
  error: string | null
}

/** The clippings of a query, 100 at a time as the list scrolls. */
export function useClippings(query: Omit<ClippingQuery, 'limit' | 'cursor'>): ClippingsList {
  const result = useInfiniteQuery({
    queryKey: [...keys.clippings, query],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const answer = await call((api) =>
        api.listClippings({ ...query, limit: PAGE, cursor: pageParam }),
      )
      if (!answer.ok) throw new Error(answer.error.message)
      return answer.value
    },
    getNextPageParam: (page) => page.next ?? undefined,
    // While a new search runs, the previous list stays rather than flashing empty.
    placeholderData: (previous) => previous,
  })
  const pages = result.data?.pages ?? []
  return {
    clippings: pages.flatMap((page) => page.items),
    total: pages[0]?.total ?? 0,
    loading: result.isPending,
    loadMore: () => {
      if (result.hasNextPage && !result.isFetchingNextPage) void result.fetchNextPage()
    },
    error: result.error?.message ?? null,
  }
}
