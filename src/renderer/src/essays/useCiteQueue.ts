import { useEffect, useRef } from 'react'
import type { CitationData } from '../../../shared/essay'
import type { EssayEditorHandle } from '../editor/EssayEditorHandle'

/** A citation to insert into the open essay, e.g. from a clipping's "Cite" button. */
export interface CiteRequest {
  data: CitationData
  /** Change it for each request: the same nonce is inserted once. */
  nonce: number
}

/**
 * "Cite" from outside: into the open essay's editor, or held until an editor is ready (an essay
 * opening, or one made for it). `whenNoEditor` runs when a request has to wait, to start an essay
 * if there is none. Each request (nonce) is inserted once.
 */
export function useCiteQueue(
  citeRequest: CiteRequest | undefined,
  editor: EssayEditorHandle | null,
  whenNoEditor: () => void,
): { isWaiting(): boolean } {
  const queued = useRef<CitationData | null>(null)
  const handledNonce = useRef<number | null>(null)
  const latestWhenNoEditor = useRef(whenNoEditor)
  useEffect(() => {
    latestWhenNoEditor.current = whenNoEditor
  })
  useEffect(() => {
    if (!citeRequest || handledNonce.current === citeRequest.nonce) return
    handledNonce.current = citeRequest.nonce
    if (editor) return editor.cite(citeRequest.data)
    queued.current = citeRequest.data
    latestWhenNoEditor.current()
    // Only a new request (nonce) or a newly ready editor acts.
  }, [citeRequest, editor])
  useEffect(() => {
    if (!editor || !queued.current) return
    editor.cite(queued.current)
    queued.current = null
  }, [editor])
  return { isWaiting: () => queued.current !== null }
}
