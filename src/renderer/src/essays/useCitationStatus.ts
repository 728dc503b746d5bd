import { useEffect, useMemo, useRef, useState } from 'react'
import { citationsIn, type SerializedEditorStateJson } from '../../../shared/essay'
import { call } from '../api'
import type {
  CitationContextValue,
  ClippingStatus,
  QuoteChangeInfo,
} from '../editor/CitationContext'

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
  /** False until the editor holds the whole essay: the checks wait, not to slow its opening. */
  editorShown: boolean,
): CitationContextValue {
  const [statuses, setStatuses] = useState<Record<string, ClippingStatus>>({})
  const [changes, setChanges] = useState<Record<string, QuoteChangeInfo>>({})
  const [accepted, setAccepted] = useState(0)
  const show = useRef(onShowInSource)
  useEffect(() => {
    show.current = onShowInSource
  })

  useEffect(() => {
    const ids = citedIds === '' ? [] : citedIds.split('\n')
    if (ids.length === 0 || !editorShown) return
    let current = true
    // Once the essay is open and the page idle: main checks every citation against its source,
    // which takes a while on a long essay, and main also serves the editor's code and the essay.
    const check = (): Promise<void> =>
      Promise.all([
        call((api) => api.lookupClippings(ids)),
        essayId ? call((api) => api.verifyCitations(essayId)) : null,
      ]).then(async ([result, checks]) => {
        // Unknown rather than a guess when main cannot answer: no false "Missing".
        if (!current || !result.ok) return
        const next: Record<string, ClippingStatus> = {}
        for (const id of ids) next[id] = result.value[id] ? 'present' : 'missing'
        // Made on another device, its source still on its way: waiting, not missing.
        const gone = ids.filter((id) => next[id] === 'missing')
        const waiting = gone.length > 0 ? await call((api) => api.waitingClippings(gone)) : null
        if (!current) return
        if (waiting?.ok) for (const id of waiting.value) next[id] = 'waiting'
        // The saved essay checked against its sources: the badge each citation shows. A wording
        // the writer kept is still a changed passage; each citation knows whether it kept it.
        const nowSays: Record<string, QuoteChangeInfo> = {}
        if (checks?.ok) {
          for (const check of checks.value) {
            // A citation that cannot be read has no clipping to badge; verify reports it.
            if (check.state === 'unreadable') continue
            const state = check.state === 'kept' ? 'changed' : check.state
            if (next[check.clippingId] === 'present') next[check.clippingId] = state
            if (state === 'changed' && check.current !== undefined && check.versionHash) {
              nowSays[check.clippingId] = { now: check.current, versionHash: check.versionHash }
            }
          }
        }
        setStatuses(next)
        setChanges(nowSays)
      })
    const idle = window.requestIdleCallback(() => void check(), { timeout: 500 })
    return () => {
      current = false
      window.cancelIdleCallback(idle)
    }
  }, [citedIds, revision, essayId, accepted, editorShown])

  return useMemo(
    () => ({
      clippingStatus: (clippingId) => statuses[clippingId] ?? 'unknown',
      showInSource: (clippingId, sourceId) => show.current(clippingId, sourceId),
      changeOf: (clippingId) => changes[clippingId],
      acceptChange: async (clippingId) => {
        const result = await call((api) => api.acceptChangedQuote(clippingId))
        setAccepted((count) => count + 1)
        return result.ok ? result.value.target[0].exact : null
      },
    }),
    [statuses, changes],
  )
}
