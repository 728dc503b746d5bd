import { useEffect, useMemo, useRef, useState } from 'react'
import { citationsIn, type SerializedEditorStateJson } from '../../../shared/essay'
import { call } from '../api'
import type { CitationContextValue, ClippingStatus } from '../editor/CitationContext'

/** The clipping ids an essay cites, sorted and joined: a stable key for "did they change". */
export function citedKey(state: SerializedEditorStateJson): string {
  return [...new Set(citationsIn(state).map((citation) => citation.clippingId))].sort().join('\n')
}

/**
 * The CitationContext for the open essay: asks main which of its cited clippings still exist
 * whenever the set of cited ids or `revision` (bumped when clippings are deleted or restored)
 * changes. The value keeps its identity between those times so citations do not re-render.
 */
export function useCitationStatus(
  citedIds: string,
  revision: number,
  onShowInSource: (clippingId: string, sourceId: string) => void,
  essayId: string | null,
): CitationContextValue {
  const [statuses, setStatuses] = useState<Record<string, ClippingStatus>>({})
  const show = useRef(onShowInSource)
  useEffect(() => {
    show.current = onShowInSource
  })

  useEffect(() => {
    const ids = citedIds === '' ? [] : citedIds.split('\n')
    if (ids.length === 0) return
    let current = true
    void Promise.all([
      call((api) => api.lookupClippings(ids)),
      essayId ? call((api) => api.verifyCitations(essayId)) : null,
    ]).then(([result, checks]) => {
      // Unknown rather than a guess when main cannot answer: no false "Missing".
      if (!current || !result.ok) return
      const next: Record<string, ClippingStatus> = {}
      for (const id of ids) next[id] = result.value[id] ? 'present' : 'missing'
      // The saved essay checked against its sources: the badge each citation shows.
      if (checks?.ok) {
        for (const check of checks.value)
          if (next[check.clippingId] === 'present') next[check.clippingId] = check.state
      }
      setStatuses(next)
    })
    return () => {
      current = false
    }
  }, [citedIds, revision, essayId])

  return useMemo(
    () => ({
      clippingStatus: (clippingId) => statuses[clippingId] ?? 'unknown',
      showInSource: (clippingId, sourceId) => show.current(clippingId, sourceId),
    }),
    [statuses],
  )
}
