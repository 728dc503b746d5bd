import { QueryClient, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { NotebookChange } from '../../../shared/ipc'
import { api } from '../api'

/**
 * What the renderer shows of the notebook is a cache of main's answers, one query per screen
 * part. Main is the truth: nothing goes stale on a timer; a query is asked again when main says
 * the notebook changed (this process's writes or another's), never sooner.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
    },
  })
}

/** Query keys, one per kind of list, so a change invalidates exactly what shows it. */
export const keys = {
  sources: ['sources'] as const,
  clippings: ['clippings'] as const,
  source: (id: string) => ['source', id] as const,
}

/** After a change this renderer made: every list that could show it is asked again. */
export function useInvalidateNotebook(): (change?: Partial<NotebookChange>) => void {
  const client = useQueryClient()
  return (change = { all: true }) => {
    void client.invalidateQueries({ queryKey: keys.clippings })
    void client.invalidateQueries({ queryKey: keys.sources })
    if (change.all) void client.invalidateQueries({ queryKey: ['source'] })
    for (const id of change.sources ?? [])
      void client.invalidateQueries({ queryKey: keys.source(id) })
  }
}

/** What other processes (the CLI, a sync) wrote shows without a restart. */
export function useNotebookEvents(onChange: (change: NotebookChange) => void): void {
  const invalidate = useInvalidateNotebook()
  useEffect(
    () =>
      api().onNotebookChanged((change) => {
        invalidate(change)
        onChange(change)
      }),
    // Subscribed once; the handlers read only stable functions and refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )
}
