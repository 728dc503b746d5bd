// Importing a 300-page PDF (the Baker interview printed again and again by Chromium, made once and
// cached in the OS temp folder): the whole import as the app does it, reading the file, pdf.js in
// the import worker page by page, storing the text, layout and kept file.
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { articlePdf, fixtureParagraphs, printableHtml, printPdf } from '../test/pdf-fixtures'
import { openCommonplace } from '../src/main/core/commonplace'
import { ImportWorker } from '../src/main/core/importing/worker-extractor'
import { count, ms, type BenchSection } from './report'
import { median } from './stats'

/** The article 120 times over, on the fixtures' small pages: about 300 pages. */
const REPEAT = 120
const RUNS = 3

async function importOnce(dataDir: string, worker: ImportWorker, path: string): Promise<number> {
  const app = await openCommonplace(dataDir, { extract: worker.extract })
  const start = performance.now()
  const report = await app.sources.importFiles([path])
  const elapsed = performance.now() - start
  if (report.imported.length !== 1) {
    throw new Error(`PDF bench: the PDF did not import (${report.failed[0]?.message})`)
  }
  return elapsed
}

export async function run(): Promise<BenchSection> {
  const path = await printPdf(
    printableHtml(await fixtureParagraphs(), { repeat: REPEAT, title: 'A long document' }),
  )
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-bench-pdf-'))
  const worker = new ImportWorker()
  try {
    // Warm-up (not counted): loads the worker and pdf.js, as the first import after start does.
    await importOnce(join(dir, 'warm-up'), worker, await articlePdf())
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) times.push(await importOnce(join(dir, `run-${i}`), worker, path))
    const app = await openCommonplace(join(dir, 'run-0'), { extract: worker.extract })
    const [source] = await app.sources.list()
    const detail = await app.sources.get(source?.id ?? '')
    const pages = detail.version.layout?.pages?.length ?? 0
    const took = median(times)
    const megabytes = (await readFile(path)).length / 1024 / 1024
    return {
      title: `Import of a ${pages}-page PDF (${megabytes.toFixed(1)} MB, ${detail.version.text.length} characters)`,
      columns: ['measure', 'value'],
      rows: [
        ['import (median of runs)', ms(took)],
        ['each run', ms(...times)],
        ['pages per second', count(Math.round(pages / (took / 1000)))],
      ],
      notes: [
        `${RUNS} runs on one warm import worker; each into a fresh notebook.`,
        'Includes reading the file, text extraction with pdf.js in the worker, and the store write (text, layout and the kept file).',
      ],
      figures: { pdf_import_300_pages: Math.round(took) },
    }
  } finally {
    await worker.close()
    await rm(dir, { recursive: true, force: true })
  }
}
