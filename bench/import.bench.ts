// Issue 10's import figure: 100 saved article pages (22–105 KB, site chrome included) imported
// through the real service — file read, extraction and sanitizing in the import worker, store
// write — beside the same articles as .txt and one 5 MB article; then issue 9's limit cases.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCommonplace } from '../src/main/core/commonplace'
import type { SourceFileContents } from '../src/main/core/importing/read-source-file'
import { extractArticle } from '../src/main/core/importing/article-html'
import { ImportWorker } from '../src/main/core/importing/worker-extractor'
import { defaultPoolSize } from '../src/main/core/importing/worker-pool'
import { articlePage, articlePlainText } from './article-pages'
import { vocabulary } from './articles'
import { oldExtractArticle } from './old-extract'
import { ms, seconds, type BenchSection, type Cell } from './report'
import { median } from './stats'

const ARTICLES = 100
const RUNS = 3
const BIG_RUNS = 2
/** Pages for the side-by-side of the old and new extraction (every third of the 100). */
const SIDE_BY_SIDE_EVERY = 3

/**
 * What main did before this change, measured with the same kind of pages (issue 10's table, 2
 * cores): jsdom window per file, Readability, a second DOM for DOMPurify. Kept as the stated
 * baseline, since that pipeline no longer exists to call.
 */
const BASELINE = { htmlPerArticle: 146, txtPerArticle: 40, bigArticle: 11_000 }

interface Corpus {
  dir: string
  html: string[]
  txt: string[]
  big: string
  htmlBytes: number[]
  /** Some of the pages' HTML, for the side-by-side. */
  pages: string[]
}

async function writeCorpus(): Promise<Corpus> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-bench-import-'))
  await mkdir(join(dir, 'inbox'))
  const words = vocabulary(3)
  const html: string[] = []
  const txt: string[] = []
  const htmlBytes: number[] = []
  const pages: string[] = []
  for (let i = 0; i < ARTICLES; i++) {
    // Evenly from 22 to 105 KB.
    const size = Math.round((22 + (83 * i) / (ARTICLES - 1)) * 1024)
    const page = articlePage(words, 1000 + i, size)
    htmlBytes.push(Buffer.byteLength(page))
    if (i % SIDE_BY_SIDE_EVERY === 0) pages.push(page)
    html.push(join(dir, 'inbox', `article-${i}.html`))
    await writeFile(html[i] as string, page)
    txt.push(join(dir, 'inbox', `article-${i}.txt`))
    await writeFile(txt[i] as string, articlePlainText(words, 1000 + i, size))
  }
  const big = join(dir, 'inbox', 'big-article.html')
  await writeFile(big, articlePage(words, 7, 5 * 1024 * 1024))
  return { dir, html, txt, big, htmlBytes, pages }
}

interface BatchTime {
  /** Wall time per file. */
  wall: number
  /** CPU time of the whole process (the worker thread included) per file. */
  cpu: number
}

/** Imports `paths` as one batch into a fresh notebook; every file must import. */
async function importBatch(dir: string, name: string, paths: string[]): Promise<BatchTime> {
  const app = await openCommonplace(join(dir, name))
  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  const report = await app.sources.importFiles(paths)
  const wall = performance.now() - start
  const cpu = process.cpuUsage(cpuBefore)
  if (report.failed.length > 0 || report.imported.length !== paths.length) {
    throw new Error(`Import bench: ${report.failed.map((f) => f.message).join('; ')}`)
  }
  return { wall: wall / paths.length, cpu: (cpu.user + cpu.system) / 1000 / paths.length }
}

/** Each run's per-file times, after a warm-up batch (if any) that is not counted. */
async function runs(
  dir: string,
  label: string,
  paths: string[],
  times: number,
  warmUp: string[],
): Promise<BatchTime[]> {
  if (warmUp.length > 0) await importBatch(dir, `${label}-warm-up`, warmUp)
  const results: BatchTime[] = []
  for (let run = 0; run < times; run++) {
    results.push(await importBatch(dir, `${label}-${run}`, paths))
  }
  return results
}

function medianOf(results: BatchTime[], key: keyof BatchTime): number {
  return median(results.map((result) => result[key]))
}

const prose =
  'has <em>some emphasis</em>, a <a href="https://example.org/">link</a> and plain words that ' +
  'go on for a while so the article reads like prose.'

function nestedPage(levels: number): string {
  return `<!doctype html><html><body>${'<div>'.repeat(levels)}<p>Deep ${prose}</p>${'</div>'.repeat(levels)}</body></html>`
}

/** Issue 9's limit cases, one fresh worker each after a warm-up file. */
async function limitCases(): Promise<Cell[][]> {
  const rows: Cell[][] = []
  const cases = [
    { name: 'nested 1,024 levels', html: nestedPage(1024) },
    { name: 'nested 10,000 levels', html: nestedPage(10_000) },
  ]
  for (const { name, html } of cases) {
    const worker = new ImportWorker()
    const file: SourceFileContents = { fileName: 'page.html', kind: 'html', content: html }
    await worker.extract({ fileName: 'warm-up.txt', kind: 'txt', content: 'Warm up.' })
    const start = performance.now()
    const outcome = await worker.extract(file).then(
      (article) => `imported (${article.text.length.toLocaleString('en-US')} characters)`,
      (error: Error) => `refused: ${error.message.replace(/^[^:]+: /, '')}`,
    )
    const elapsed = performance.now() - start
    await worker.close()
    rows.push([`limits: ${name} (worker only)`, '', seconds(elapsed / 1000), '', outcome])
  }
  return rows
}

/**
 * Extraction alone, in this process, old and new in turns on the same pages (after one warm-up
 * pass of each): per-page wall and CPU medians of the rounds, and whether both read the same text.
 */
function sideBySide(pages: string[], rounds: number) {
  const extractors = { old: oldExtractArticle, ours: extractArticle }
  const samples = { old: [] as BatchTime[], ours: [] as BatchTime[] }
  let sameText = true
  pages.slice(0, 3).forEach((page) => {
    if (oldExtractArticle(page).text !== extractArticle(page).text) sameText = false
  })
  for (let round = 0; round < rounds; round++) {
    for (const name of ['old', 'ours'] as const) {
      const cpuBefore = process.cpuUsage()
      const start = performance.now()
      for (const page of pages) extractors[name](page)
      const wall = (performance.now() - start) / pages.length
      const cpu = process.cpuUsage(cpuBefore)
      samples[name].push({ wall, cpu: (cpu.user + cpu.system) / 1000 / pages.length })
    }
  }
  return { old: samples.old, ours: samples.ours, sameText }
}

export async function run(): Promise<BenchSection> {
  const corpus = await writeCorpus()
  try {
    const loadBefore = loadavg()[0] ?? 0
    const html = await runs(corpus.dir, 'html', corpus.html, RUNS, corpus.html.slice(0, 5))
    const txt = await runs(corpus.dir, 'txt', corpus.txt, RUNS, corpus.txt.slice(0, 5))
    // The worker is warm from the batches before.
    const big = await runs(corpus.dir, 'big', [corpus.big], BIG_RUNS, [])
    // Round 0 warms both up and is not counted.
    const side = sideBySide(corpus.pages, 4)
    const oldSide = side.old.slice(1)
    const oursSide = side.ours.slice(1)
    const loadAfter = loadavg()[0] ?? 0
    const htmlMs = medianOf(html, 'wall')
    const rows: Cell[][] = [
      [
        `${ARTICLES} HTML articles, per article`,
        ms(htmlMs),
        ms(medianOf(html, 'cpu')),
        ms(BASELINE.htmlPerArticle),
        `${(BASELINE.htmlPerArticle / htmlMs).toFixed(1)}x; target < 50 ms: ${htmlMs < 50 ? 'yes' : 'NO'}`,
      ],
      [
        'same articles as .txt, per article',
        ms(medianOf(txt, 'wall')),
        ms(medianOf(txt, 'cpu')),
        ms(BASELINE.txtPerArticle),
        '',
      ],
      [
        'one 5 MB article page',
        ms(medianOf(big, 'wall')),
        ms(medianOf(big, 'cpu')),
        ms(BASELINE.bigArticle),
        '',
      ],
      [
        `extraction only, ${corpus.pages.length} of the pages, in-process (old pipeline measured now)`,
        ms(medianOf(oursSide, 'wall')),
        ms(medianOf(oursSide, 'cpu')),
        `${medianOf(oldSide, 'wall').toFixed(1)} ms wall, ${medianOf(oldSide, 'cpu').toFixed(1)} ms CPU`,
        `${(medianOf(oldSide, 'cpu') / medianOf(oursSide, 'cpu')).toFixed(1)}x less CPU; same text: ${side.sameText ? 'yes' : 'NO'}`,
      ],
      ...(await limitCases()).map(([name, , time, , outcome]) => [
        name as Cell,
        time as Cell,
        '',
        '',
        outcome as Cell,
      ]),
    ]
    const sizes = corpus.htmlBytes
    const perRun = (results: BatchTime[]): string =>
      results.map((result) => result.wall.toFixed(1)).join(', ')
    return {
      title:
        'Import: saved article pages through the real service (file read, worker, store write)',
      columns: ['case', 'ours (wall)', 'ours (CPU)', 'main before (baseline, wall)', 'note'],
      rows,
      notes: [
        `Pages: ${ARTICLES} generated articles (bench/article-pages.ts), ${(Math.min(...sizes) / 1024).toFixed(0)}–${(Math.max(...sizes) / 1024).toFixed(0)} KB each, ${(sizes.reduce((a, b) => a + b, 0) / 1024 / 1024).toFixed(1)} MB in all, with nav, header, footer, asides, comments, inline styles and scripts, images and links.`,
        `Each run imports the whole batch into a fresh notebook with importFiles (as the app's Import and the CLI do); a figure is the batch time / ${ARTICLES}, median of ${RUNS} runs (5 MB page: ${BIG_RUNS}). Per-run wall times: HTML ${perRun(html)} ms; .txt ${perRun(txt)} ms.`,
        `Workers: the app's default pool, ${defaultPoolSize()} import worker(s) on this machine (one per core, 1–4), reading the batch's files in parallel while the main thread writes them in order. The workers run without the bench's tsx hooks, as in the app and the CLI (under tsx, parse5 was recompiled into slower CommonJS).`,
        'Warm-up: before the HTML and the .txt runs, a batch of 5 files is imported and not counted (it loads the workers: jsdom takes about a second to load). The 5 MB page runs on a warm worker.',
        'CPU: the process’s user + system time (main thread and import worker) per article, which other people’s load on the machine inflates far less than wall time.',
        `Load average (1 min) on this machine: ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.`,
        'Baseline: main before this change, as measured for issue 10 (146 ms per article, .txt 40 ms, 5 MB 11 s): a jsdom window per file, Readability, DOMPurify on a second DOM, one file after another.',
        'Side-by-side: the old extraction (bench/old-extract.ts: exact nesting scan, a jsdom window and a DOMPurify per page, jsdom’s selector engine) and ours take turns on the same pages in this process, 3 rounds after a warm-up round, medians; it shows the change under the same load, whatever the load.',
        'Build first (npm run bench does): the worker is out/main/import-worker.js.',
      ],
      details: {
        html,
        txt,
        big,
        sizes,
        baseline: BASELINE,
        side,
        loadBefore,
        loadAfter,
        poolSize: defaultPoolSize(),
      },
      figures: { import_per_article: htmlMs },
    }
  } finally {
    await rm(corpus.dir, { recursive: true, force: true })
  }
}
