import { useCallback, useState } from 'react'
import type { EssaySummary } from '../../../shared/essay'
import { call } from '../api'

export function newestFirst(essays: EssaySummary[]): EssaySummary[] {
  return [...essays].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

export interface EssayList {
  /** Newest first; null until main has answered the first time. */
  essays: EssaySummary[] | null
  /** Replaces the list (kept newest first). */
  setList(essays: EssaySummary[]): void
  /** One essay added or changed (a save, a rename, a restore): it moves to its place. */
  upsert(summary: EssaySummary): void
  /** Asks main for the list again; says what went wrong, if it did. */
  relist(): Promise<string | null>
}

/** The essays pane's list, as main last gave it and as this window changed it since. */
export function useEssayList(): EssayList {
  const [essays, setEssays] = useState<EssaySummary[] | null>(null)
  const setList = useCallback((list: EssaySummary[]) => setEssays(newestFirst(list)), [])
  const upsert = useCallback((summary: EssaySummary): void => {
    setEssays((list) => newestFirst([summary, ...(list ?? []).filter((e) => e.id !== summary.id)]))
  }, [])
  const relist = useCallback(async (): Promise<string | null> => {
    const result = await call((api) => api.listEssays())
    if (!result.ok) return result.error.message
    setEssays(newestFirst(result.value))
    return null
  }, [])
  return { essays, setList, upsert, relist }
}
