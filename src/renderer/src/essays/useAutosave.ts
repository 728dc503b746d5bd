import type { EditorState } from 'lexical'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { EssaySummary, SerializedEditorStateJson } from '../../../shared/essay'
import { call } from '../api'

export type SaveStatus = 'saved' | 'saving' | 'error'

export interface Autosave {
  status: SaveStatus
  /** Why the last save failed, when status is 'error'. */
  error: string
  /** A change to save after a pause in typing. */
  schedule(essayId: string, editorState: EditorState): void
  /** Saves what is pending now; resolves once everything asked for so far is written. */
  flush(): Promise<void>
  /** Forgets what is pending for an essay that is gone (deleted elsewhere): nothing to retry. */
  discard(essayId: string): void
}

interface Pending {
  essayId: string
  editorState: EditorState
}

export const AUTOSAVE_DELAY_MS = 400

/**
 * Debounced saving of the open essay. Saves run one after another, so an older state can never
 * land after a newer one; a failed save stays pending and is retried with the next change or
 * flush. `onSaved` hears about each write with the JSON that was written.
 */
export function useAutosave(
  onSaved: (summary: EssaySummary, state: SerializedEditorStateJson) => void,
): Autosave {
  const [status, setStatus] = useState<SaveStatus>('saved')
  const [error, setError] = useState('')
  const pending = useRef<Pending | null>(null)
  const timer = useRef<number | undefined>(undefined)
  const queue = useRef<Promise<void>>(Promise.resolve())
  const saved = useRef(onSaved)
  useEffect(() => {
    saved.current = onSaved
  })

  const write = useCallback(async (job: Pending): Promise<void> => {
    // Serialized only now, not per keystroke: an EditorState never changes once made.
    const state = job.editorState.toJSON() as unknown as SerializedEditorStateJson
    const result = await call((api) => api.saveEssay(job.essayId, state))
    if (result.ok) {
      saved.current(result.value, state)
      if (pending.current === null) setStatus('saved')
      return
    }
    // Keep it for the next attempt unless something newer already replaced it.
    pending.current ??= job
    setError(result.error.message)
    setStatus('error')
  }, [])

  const flush = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current)
    const job = pending.current
    if (job) {
      pending.current = null
      queue.current = queue.current.then(() => write(job))
    }
    return queue.current
  }, [write])

  const schedule = useCallback(
    (essayId: string, editorState: EditorState): void => {
      // A change for another essay than the pending one: write that one first, now.
      if (pending.current && pending.current.essayId !== essayId) void flush()
      pending.current = { essayId, editorState }
      setStatus('saving')
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS)
    },
    [flush],
  )

  const discard = useCallback((essayId: string): void => {
    if (pending.current?.essayId !== essayId) return
    pending.current = null
    window.clearTimeout(timer.current)
    setStatus('saved')
    setError('')
  }, [])

  return { status, error, schedule, flush, discard }
}
