// pdf.js in the renderer, loaded only when a PDF is first opened: the library and its worker are
// their own chunks, so the app's start and the editor's bundle do not carry them.
import type { PDFDocumentProxy } from 'pdfjs-dist'

type PdfJs = typeof import('pdfjs-dist')

let loading: Promise<PdfJs> | null = null

function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([
    import('pdfjs-dist'),
    // The worker file as the package ships it, served from the app's own origin (CSP 'self').
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default
    return pdfjs
  })
  return loading
}

/** Opens the PDF's bytes (the kept file of a version) for drawing. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs()
  return pdfjs.getDocument({
    data: bytes,
    // The CSP forbids eval: pdf.js would try it for its font paths and be refused (a console
    // error); this way it draws glyphs without trying.
    isEvalSupported: false,
    stopAtErrors: false,
  }).promise
}

/** base64 (as the contract carries files) to bytes. */
export function bytesOfBase64(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}
