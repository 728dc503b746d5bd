// The reader's body for a PDF source: loaded on first use (React.lazy in Reader.tsx), so neither
// this folder nor pdf.js weigh on the app's start.
import type { ComponentProps } from 'react'
import { PdfPages } from './PdfPages'
import { usePdfDocument } from './usePdfDocument'

type PdfReaderProps = Omit<ComponentProps<typeof PdfPages>, 'doc'> & {
  sourceId: string
  versionHash: string
}

export default function PdfReader({
  sourceId,
  versionHash,
  ...pagesProps
}: PdfReaderProps): React.JSX.Element {
  const state = usePdfDocument(sourceId, versionHash)
  if (state.status === 'loading') return <p className="pdf-status">Opening the PDF…</p>
  if (state.status === 'failed')
    return (
      <p className="pdf-status pdf-status-failed" role="alert">
        {state.message}
      </p>
    )
  return <PdfPages doc={state.doc} {...pagesProps} />
}
