import { useQuery } from '@tanstack/react-query'
import type { ClippingGroup, ClippingQuery } from '../../../shared/ipc'
import { call } from '../api'
import { keys } from '../data/queries'

/**
 * The sources of the clippings list grouped by source, each with its count from main's catalog:
 * the headers of the grouped list, known before any of their clippings is loaded. Under the
 * clippings key, so whatever refreshes the list refreshes these.
 */
export function useClippingGroups(
  query: Pick<ClippingQuery, 'sourceId' | 'tag'>,
  enabled: boolean,
): ClippingGroup[] | null {
  const result = useQuery({
    queryKey: [...keys.clippings, 'groups', query],
    enabled,
    queryFn: async () => {
      const answer = await call((api) => api.listClippingGroups(query))
      if (!answer.ok) throw new Error(answer.error.message)
      return answer.value
    },
    placeholderData: (previous) => previous,
  })
  return enabled ? (result.data ?? null) : null
}
