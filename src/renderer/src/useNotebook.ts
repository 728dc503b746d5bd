import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import type { ClippingView, SourceMetadata } from '../../shared/domain'
import type {
  ImportReport,
  ReimportSummary,
  SampleNotebookReport,
  SourceTextHit,
} from '../../shared/ipc'
import { call } from './api'
import { useClippingActions, type ClippingActions } from './clippings/useClippingActions'
import { useClippingQuery, type ClippingFilters } from './clippings/useClippingQuery'
import { useInvalidateNotebook, useNotebookEvents } from './data/queries'
import { useHighlightsImport } from './library/useHighlightsImport'
import { useImport, type Importing } from './library/useImport'
import { FOUND_PASSAGE } from './reader/highlights'
import { useOpenSource, type OpenSource } from './reader/useOpenSource'
import type { TextRange } from './reader/offsets'
import { useNotify } from './ui/notices'
import { restoredNotices } from './sync/restoredNotices'

export interface Notebook
  extends Importing, ClippingActions, ClippingFilters, Omit<OpenSource, 'touchesOpenSource'> {
  /** A clipping the reader should scroll to once its marks are drawn. */
  focusClippingId: string | null
  clearFocus: () => void
  /** The passage a source search opened the reader at. */
  found: { sourceId: string; start: number; end: number } | null
  showFound: (hit: SourceTextHit) => Promise<boolean>
  /** The clipping the panel singles out: the newest one, or the one chosen in the reader. */
  activeClippingId: string | null
  setActiveClippingId: (id: string | null) => void
  /** Fills the empty notebook with the sample; resolves to what it made, null when refused. */
  openSample: () => Promise<SampleNotebookReport | null>
  /** Resolves true once the clipping is stored. */
  clip: (range: TextRange, note?: string) => Promise<boolean>
  /** Resolves to an error message to show beside the form, or null when saved. */
  saveDetails: (metadata: SourceMetadata) => Promise<string | null>
  showClipping: (clipping: ClippingView) => Promise<void>
  /** Update the open source from a newer file; its clippings are re-anchored. */
  updateFromFile: () => Promise<void>
  /** What the last update did, until the writer closes its summary. */
  updateSummary: ReimportSummary | null
  dismissUpdateSummary: () => void
  /** "Show in source": open the source and bring the clipping's passage into view. */
  showPassage: (clippingId: string, sourceId: string) => Promise<boolean>
  /** Counts up whenever clippings change: citations re-check whether theirs still exist. */
  clippingsRevision: number
  /** Essays changed what they cite: the panel's "Cited in" counts are stale. */
  refreshClippings: () => void
  /** File > Import highlights…: asks for the file, imports it, says what came of it. */
  importHighlights: () => Promise<void>
  /** The library has no source at all (the reader says how to start); null until known. */
  empty: boolean | null
  openLink: (url: string) => Promise<void>
}

/**
 * The workspace: the open source, what the panel shows, and the actions on them. Lists are
 * queries of their own (library/useSources.ts, clippings/useClippings.ts); after a change this
 * invalidates them, and main is asked again: what is shown is what is stored.
 */
export function useNotebook(): Notebook {
  const notify = useNotify()
  const invalidate = useInvalidateNotebook()
  const source = useOpenSource()
  const { detail, openSource, reloadOpenSource } = source
  const filters = useClippingQuery(detail?.source.id ?? null)
  const [empty, setEmpty] = useState<boolean | null>(null)
  const [updateSummary, setUpdateSummary] = useState<ReimportSummary | null>(null)
  const [focusClippingId, setFocusClippingId] = useState<string | null>(null)
  const [found, setFound] = useState<{ sourceId: string; start: number; end: number } | null>(null)
  const [activeClippingId, setActiveClippingId] = useState<string | null>(null)
  const [clippingsRevision, bumpRevision] = useReducer((count: number) => count + 1, 0)
  const refreshClippings = useCallback((): void => {
    invalidate({ sources: [], essays: [], all: false })
    bumpRevision()
  }, [invalidate])

  const refreshSources = useCallback(async (): Promise<void> => {
    invalidate({ sources: [], essays: [], all: false })
  }, [invalidate])

  // At start: whether there is anything to show, and the files main could not read.
  useEffect(() => {
    let current = true
    void Promise.all([
      call((api) => api.listSources({ limit: 1 })),
      call((api) => api.listProblems()),
    ]).then(([listed, problems]) => {
      if (!current) return
      if (listed.ok) setEmpty(listed.value.total === 0)
      else notify.error(listed.error.message)
      if (problems.ok) {
        for (const problem of problems.value) {
          notify.error(`Could not read ${problem.file}: ${problem.message}`)
        }
      }
    })
    return () => {
      current = false
    }
  }, [notify])

  // What another process (the CLI, a sync) wrote shows without a restart.
  const latestSource = useRef(source)
  useEffect(() => {
    latestSource.current = source
  })
  useNotebookEvents((change) => {
    bumpRevision()
    setEmpty(false)
    // Sync kept another device's work on something deleted here: say so.
    for (const notice of restoredNotices(change)) notify.info(notice)
    const { touchesOpenSource, reloadOpenSource } = latestSource.current
    if (touchesOpenSource(change)) void reloadOpenSource()
  })

  const afterClippingChange = async (): Promise<void> => {
    refreshClippings()
    await reloadOpenSource()
  }
  const clippingActions = useClippingActions(afterClippingChange)
  const importHighlights = useHighlightsImport(async () => {
    setEmpty(false)
    await refreshSources()
    await afterClippingChange()
  })

  /** After an import: each failure by its file, then the first new source opened. */
  const reportImport = async ({ imported, failed, notices }: ImportReport): Promise<void> => {
    // Each message already names its file. A notice (a PDF without text) stays until read too.
    for (const failure of failed) notify.error(failure.message)
    for (const notice of notices ?? []) notify.error(notice.message)
    const [first] = imported
    if (!first) return
    setEmpty(false)
    await refreshSources()
    await openSource(first.id)
    notify.info(
      imported.length === 1 ? `Imported “${first.title}”` : `Imported ${imported.length} sources`,
    )
  }
  const { importing, importSources, importOpened, importDropped, dropProgress, readProgress } =
    useImport(reportImport)

  const openSample = async (): Promise<SampleNotebookReport | null> => {
    const result = await call((api) => api.openSampleNotebook())
    if (!result.ok) {
      notify.error(result.error.message)
      return null
    }
    const { source, clippings } = result.value
    setEmpty(false)
    await refreshSources()
    refreshClippings()
    await openSource(source.id)
    notify.info(
      `Opened the sample notebook: “${source.title}”, ${clippings} clippings and an essay`,
    )
    return result.value
  }

  const clip = async (range: TextRange, note?: string): Promise<boolean> => {
    if (!detail) return false
    if (detail.version.hash !== detail.newestVersionHash) {
      notify.error('This is an older version of the source: clip from its newest version.')
      return false
    }
    const sourceId = detail.source.id
    const request = note?.trim() ? { sourceId, ...range, note } : { sourceId, ...range }
    const result = await call((api) => api.createClipping(request))
    if (!result.ok) {
      notify.error(result.error.message)
      return false
    }
    setActiveClippingId(result.value.id)
    await afterClippingChange()
    notify.info('Clipped')
    return true
  }

  const saveDetails = async (metadata: SourceMetadata): Promise<string | null> => {
    if (!detail) return null
    const sourceId = detail.source.id
    const result = await call((api) => api.updateSourceMetadata(sourceId, metadata))
    if (!result.ok) return result.error.message
    // Titles show in the library and beside every clipping of the source.
    await Promise.all([refreshSources(), afterClippingChange()])
    return null
  }

  const showClipping = async (clipping: ClippingView): Promise<void> => {
    // A passage the newest version lost is shown where it was clipped.
    if (clipping.anchor.state === 'missing') {
      await showPassage(clipping.id, clipping.sourceId)
      return
    }
    setActiveClippingId(clipping.id)
    const shown =
      detail?.source.id === clipping.sourceId && detail.version.hash === detail.newestVersionHash
    if (!shown && !(await openSource(clipping.sourceId))) return
    setFocusClippingId(clipping.id)
  }

  const openLink = async (url: string): Promise<void> => {
    const result = await call((api) => api.openExternal(url))
    if (!result.ok) notify.error(result.error.message)
  }

  const clearFocus = useCallback(() => setFocusClippingId(null), [])

  const updateFromFile = async (): Promise<void> => {
    if (!detail) return
    const sourceId = detail.source.id
    const result = await call((api) => api.reimportSource(sourceId))
    if (!result.ok) return notify.error(result.error.message)
    if (!result.value) return
    await Promise.all([refreshSources(), afterClippingChange()])
    // A summary that stays, naming what changed or went missing: a toast would go in seconds.
    setUpdateSummary(result.value)
  }

  /** Opens the newest version of the hit's source, marks the match and scrolls to it. */
  const showFound = async (hit: SourceTextHit): Promise<boolean> => {
    if (!(await openSource(hit.sourceId))) return false
    setFound({ sourceId: hit.sourceId, start: hit.start, end: hit.end })
    setFocusClippingId(FOUND_PASSAGE)
    return true
  }

  const showPassage = async (clippingId: string, sourceId: string): Promise<boolean> => {
    setActiveClippingId(clippingId)
    const newest = await call((api) => api.getSource(sourceId))
    if (!newest.ok) {
      notify.error(newest.error.message)
      return false
    }
    // Not in the newest version: show it where it was clipped, in the version it came from.
    let versionHash: string | undefined
    if (!newest.value.clippings.some((clipping) => clipping.id === clippingId)) {
      const found = await call((api) => api.lookupClippings([clippingId]))
      const clipping = found.ok ? found.value[clippingId] : null
      if (clipping && clipping.versionHash !== newest.value.version.hash) {
        versionHash = clipping.versionHash
      }
    }
    if (!(await openSource(sourceId, versionHash))) return false
    setFocusClippingId(clippingId)
    return true
  }

  const { touchesOpenSource: _internal, ...reader } = source
  return {
    ...reader,
    ...filters,
    empty,
    focusClippingId,
    found,
    showFound,
    activeClippingId,
    setActiveClippingId,
    clearFocus,
    importing,
    importSources,
    importOpened,
    importDropped,
    importHighlights,
    dropProgress,
    readProgress,
    openSample,
    clip,
    saveDetails,
    ...clippingActions,
    showClipping,
    showPassage,
    updateFromFile,
    updateSummary,
    dismissUpdateSummary: () => setUpdateSummary(null),
    clippingsRevision,
    refreshClippings,
    openLink,
  }
}
