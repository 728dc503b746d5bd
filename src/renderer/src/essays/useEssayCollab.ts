import { useEffect, useState } from 'react'
import { call } from '../api'
import type { EssayCollab } from '../editor/collab/EssayCollaboration'

/**
 * Whether the open essay is edited in its shared document: asks main to join it (main refuses
 * when sync is off, or when the essay has not come from the server yet), and answers undefined
 * while it asks, null for the essay on its own, or who the writer is to the others.
 */
export function useEssayCollab(essayId: string | null): EssayCollab | null | undefined {
  const [answer, setAnswer] = useState<{ essayId: string; collab: EssayCollab | null } | null>(null)
  useEffect(() => {
    if (!essayId) return
    let current = true
    const joining = call((api) => api.joinEssayDoc(essayId))
    void joining.then((result) => {
      if (!current) return
      setAnswer({ essayId, collab: result.ok ? { essayId, user: result.value.user } : null })
    })
    return () => {
      current = false
      // Main counts every join until its leave (the editor joins too): this one ends with the
      // essay's being open here.
      void joining.then((result) => {
        if (result.ok) void call((api) => api.leaveEssayDoc(essayId))
      })
    }
  }, [essayId])
  if (!essayId) return null
  return answer?.essayId === essayId ? answer.collab : undefined
}
