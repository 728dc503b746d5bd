// pdf.js ships only as ES modules; main and the CLI are CommonJS bundles, so it is loaded with a
// dynamic import (kept as `import()` in the bundle, and left in node_modules, where its own
// relative imports resolve). Its "worker" part runs on this thread: the import worker already is
// a thread of its own, and a nested one would only add a copy of every file.

import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<PdfJs> | undefined

/** pdf.js's legacy build (the one that runs in Node), loaded once per thread. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ])
    // pdf.js looks for its worker's message handler here before it tries to start a worker.
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return pdfjs
  })()
  return loading
}

/**
 * pdf.js's character maps, read from its package folder (a trailing separator, as it asks).
 * Text extraction needs them only for fonts that are not embedded and name a predefined CJK
 * encoding; every other PDF reads without them. Fonts themselves are never loaded.
 */
export function pdfJsCMapFolder(): string {
  const packageJson = createRequire(__filename).resolve('pdfjs-dist/package.json')
  return join(dirname(packageJson), 'cmaps') + sep
}
