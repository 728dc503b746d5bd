// Issue 9's import figures: flat and deeply nested pages through the import worker with the
// default limits (time, peak memory of the process, outcome), and the CLI's cold start.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SourceFileContents } from '../src/main/core/importing/read-source-file'
import { ImportWorker } from '../src/main/core/importing/worker-extractor'
import { repoDir } from '../test/fixtures'
import { bytes, count, ms, seconds, type BenchSection, type Cell } from './report'
import { median } from './stats'

const prose =
  'has <em>some emphasis</em>, a <a href="https://example.org/">link</a> and plain words that ' +
  'go on for a while so the article reads like prose.'

/** `<article>` of paragraphs, or bare `<div>` blocks under <body>, up to `megabytes`. */
function flatPage(megabytes: number, block: 'p' | 'div'): string {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const part = `<${block}>Block ${i} ${prose}</${block}>\n`
    parts.push(part)
    size += part.length
  }
  const body = block === 'p' ? `<article>${parts.join('')}</article>` : parts.join('')
  return `<!doctype html><html><head><title>Flat</title></head><body>${body}</body></html>`
}

function nestedPage(levels: number): string {
  return `<!doctype html><html><body>${'<div>'.repeat(levels)}<p>Deep ${prose}</p>${'</div>'.repeat(levels)}</body></html>`
}

/** Wall time and the process's peak RSS (the worker's heap included) while one file is read. */
async function measure(
  worker: ImportWorker,
  file: SourceFileContents,
): Promise<{ ms: number; peakRss: number; outcome: string }> {
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 50)
  const start = performance.now()
  const outcome = await worker.extract(file).then(
    (article) => `imported (${article.text.length.toLocaleString('en-US')} characters)`,
    (error: Error) => `refused: ${error.message.replace(/^[^:]+: /, '')}`,
  )
  const elapsed = performance.now() - start
  clearInterval(sampler)
  return { ms: elapsed, peakRss, outcome }
}

/** Median wall time of `runs` cold starts of `commonplace sources` on an empty notebook. */
async function cliColdStart(runs: number): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'commonplace-bench-cli-'))
  const bin = join(repoDir, 'bin', 'commonplace.js')
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    execFileSync(process.execPath, [bin, '--data-dir', dataDir, 'sources'], { stdio: 'ignore' })
    times.push(performance.now() - start)
  }
  await rm(dataDir, { recursive: true, force: true })
  return median(times)
}

export async function run(): Promise<BenchSection> {
  const cases: Array<{ name: string; html: string }> = [
    { name: 'flat, 2 MB of <div> blocks', html: flatPage(2, 'div') },
    { name: 'flat, 2 MB article of <p>', html: flatPage(2, 'p') },
    { name: 'flat, 19 MB article of <p>', html: flatPage(19, 'p') },
    { name: 'nested 1,024 levels', html: nestedPage(1024) },
    { name: 'nested 10,000 levels', html: nestedPage(10_000) },
  ]
  const rows: Cell[][] = []
  const details: unknown[] = []
  for (const { name, html } of cases) {
    // A fresh worker each, so no case pays for or profits from the one before.
    const worker = new ImportWorker()
    const file: SourceFileContents = { fileName: 'page.html', kind: 'html', content: html }
    await worker.extract({ fileName: 'warm-up.txt', kind: 'txt', content: 'Warm up.' })
    const result = await measure(worker, file)
    await worker.close()
    rows.push([
      name,
      bytes(html.length),
      seconds(result.ms / 1000),
      bytes(result.peakRss),
      result.outcome,
    ])
    details.push({ name, size: html.length, ...result })
  }
  const coldMs = await cliColdStart(11)
  rows.push(['CLI cold start: commonplace sources', count(11), ms(coldMs), '', 'median of 11 runs'])
  return {
    title: 'Import: big and deep pages through the import worker (default limits)',
    columns: ['case', 'size', 'time', 'peak RSS (process)', 'outcome'],
    rows,
    notes: [
      'Each page is read by a fresh worker after a warm-up file, so the time is the reading alone.',
      'Peak RSS is the whole process sampled every 50 ms; the worker thread shares it.',
      'Build first (npm run bench does): the worker is out/main/import-worker.js.',
    ],
    details,
  }
}
