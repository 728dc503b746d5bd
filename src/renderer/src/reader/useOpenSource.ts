import { useCallback, useRef, useState } from 'react'
import type { NotebookChange, SourceDetail } from '../../../shared/ipc'
import { call } from '../api'
import { useNotify } from '../ui/notices'

export interface OpenSource {
  /** The source the reader shows, in the version asked for; null when none is open. */
  detail: SourceDetail | null
  /** The newest version, or an older one by its hash; false if another was asked for meanwhile. */
  openSource: (id: string, versionHash?: string) => Promise<boolean>
  /** The reader shows no source (the open one was deleted). */
  closeSource: () => void
  /** Opens the source the writer had open at the last run; quietly nothing if it is gone. */
  resumeSource: (id: string) => Promise<void>
  /** Reads the open source again (its clippings changed); closes it if it was deleted. */
  reloadOpenSource: () => Promise<void>
  /** Whether a change another process made touched the source the reader shows. */
  touchesOpenSource: (change: NotebookChange) => boolean
}

/**
 * The source the reader shows. The one asked for last wins: an older, slower answer never
 * replaces it, and an older version is shown only when asked for by its hash.
 */
export function useOpenSource(): OpenSource {
  const notify = useNotify()
  const [detail, setDetail] = useState<SourceDetail | null>(null)
  const wantedSourceId = useRef<string | null>(null)
  const wantedVersion = useRef<string | undefined>(undefined)

  const openSource = async (id: string, versionHash?: string): Promise<boolean> => {
    wantedSourceId.current = id
    wantedVersion.current = versionHash
    const result = await call((api) => api.getSource(id, versionHash))
    if (wantedSourceId.current !== id) return false
    if (!result.ok) {
      notify.error(result.error.message)
      return false
    }
    setDetail(result.value)
    return true
  }

  const closeSource = useCallback((): void => {
    wantedSourceId.current = null
    wantedVersion.current = undefined
    setDetail(null)
  }, [])

  const resumeSource = async (id: string): Promise<void> => {
    wantedSourceId.current = id
    wantedVersion.current = undefined
    const result = await call((api) => api.getSource(id))
    // The writer chose another source meanwhile, or this one was deleted since.
    if (wantedSourceId.current !== id) return
    if (result.ok) setDetail(result.value)
    else wantedSourceId.current = null
  }

  const reloadOpenSource = async (): Promise<void> => {
    const id = wantedSourceId.current
    if (!id) return
    const result = await call((api) => api.getSource(id, wantedVersion.current))
    if (wantedSourceId.current !== id) return
    if (result.ok) setDetail(result.value)
    // Deleted meanwhile (in another window, by the CLI): the reader closes, no error to read.
    else if (result.error.code === 'not-found') closeSource()
    else notify.error(result.error.message)
  }

  const touchesOpenSource = (change: NotebookChange): boolean => {
    const open = wantedSourceId.current
    return open !== null && (change.all || change.sources.includes(open))
  }

  return { detail, openSource, closeSource, resumeSource, reloadOpenSource, touchesOpenSource }
}
