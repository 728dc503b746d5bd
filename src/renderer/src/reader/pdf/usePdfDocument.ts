import { useEffect, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { call } from '../../api'
import { bytesOfBase64, openPdf } from './pdfjs'

export type PdfDocumentState =
  | { status: 'loading' }
  | { status: 'ready'; doc: PDFDocumentProxy }
  | { status: 'failed'; message: string }

/** The kept PDF of a version, fetched from main and opened with pdf.js; closed when left. */
export function usePdfDocument(sourceId: string, versionHash: string): PdfDocumentState {
  const key = `${sourceId}:${versionHash}`
  // Tagged with the version it is of: another version reads as loading until its own arrives.
  const [state, setState] = useState<{ key: string; state: PdfDocumentState } | null>(null)
  useEffect(() => {
    let left = false
    let opened: PDFDocumentProxy | null = null
    const settle = (next: PdfDocumentState): void => {
      if (!left) setState({ key, state: next })
    }
    void (async () => {
      const file = await call((api) => api.getSourceFile(sourceId, versionHash))
      if (left) return
      if (!file.ok) {
        settle({ status: 'failed', message: file.error.message })
        return
      }
      try {
        opened = await openPdf(bytesOfBase64(file.value.base64))
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        settle({ status: 'failed', message: `The PDF could not be opened: ${reason}` })
        return
      }
      if (left) void opened.destroy()
      else settle({ status: 'ready', doc: opened })
    })()
    return () => {
      left = true
      void opened?.destroy()
    }
  }, [key, sourceId, versionHash])
  return state?.key === key ? state.state : { status: 'loading' }
}
