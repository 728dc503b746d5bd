import { useCallback, useEffect, useRef } from 'react'
import type { ResumeState } from '../../../shared/settings'
import { call } from '../api'

/** Scrolling and switching settle for this long before the place is written. */
const SAVE_DELAY_MS = 400

export type RecordResume = (change: Partial<ResumeState>) => void

/**
 * Keeps where the writer is (view, source, reading position, essay) for the next start: each
 * change is merged in and written once things settle, and at once when the window closes, hides
 * or reloads.
 */
export function useResumeRecorder(atStart: ResumeState): RecordResume {
  const state = useRef(atStart)
  const dirty = useRef(false)
  const timer = useRef<number | undefined>(undefined)

  const save = useCallback((): void => {
    window.clearTimeout(timer.current)
    if (!dirty.current) return
    dirty.current = false
    const snapshot = state.current
    // Best effort: losing the place costs a scroll, so a failure is not worth a message.
    void call((api) => api.saveResumeState(snapshot))
  }, [])

  const record = useCallback<RecordResume>(
    (change) => {
      const next = { ...state.current, ...change }
      if (JSON.stringify(next) === JSON.stringify(state.current)) return
      state.current = next
      dirty.current = true
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(save, SAVE_DELAY_MS)
    },
    [save],
  )

  useEffect(() => {
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') save()
    }
    const stopMenu = window.commonplace.onMenuCommand((command) => {
      if (command === 'before-close') save()
    })
    window.addEventListener('beforeunload', save)
    document.addEventListener('visibilitychange', onHide)
    return () => {
      stopMenu()
      window.removeEventListener('beforeunload', save)
      document.removeEventListener('visibilitychange', onHide)
      save()
    }
  }, [save])

  return record
}
