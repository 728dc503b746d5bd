// Issue 10's import figure: 100 saved article pages (22–105 KB, site chrome included) imported
// through the real service — file read, extraction and sanitizing in the import worker, store
// write — beside the same articles as .txt and one 5 MB article; then issue 9's limit cases.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCommonplace } from '../src/main/core/commonplace'
import type { SourceFileContents } from '../src/main/core/importing/read-source-file'
import { ImportWorker } from '../src/main/core/importing/worker-extractor'
import { articlePage, articlePlainText } from './article-pages'
import { vocabulary } from './articles'
import { ms, seconds, type BenchSection, type Cell } from './report'
import { median } from './stats'

const ARTICLES = 100
const RUNS = 5
const BIG_RUNS = 3

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
}

async function writeCorpus(): Promise<Corpus> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-bench-import-'))
  await mkdir(join(dir, 'inbox'))
  const words = vocabulary(3)
  const html: string[] = []
  const txt: string[] = []
  const htmlBytes: number[] = []
  for (let i = 0; i < ARTICLES; i++) {
    // Evenly from 22 to 105 KB.
    const size = Math.round((22 + (83 * i) / (ARTICLES - 1)) * 1024)
    const page = articlePage(words, 1000 + i, size)
    htmlBytes.push(Buffer.byteLength(page))
    html.push(join(dir, 'inbox', `article-${i}.html`))
    await writeFile(html[i] as string, page)
    txt.push(join(dir, 'inbox', `article-${i}.txt`))
    await writeFile(txt[i] as string, articlePlainText(words, 1000 + i, size))
  }
  const big = join(dir, 'inbox', 'big-article.html')
  await writeFile(big, articlePage(words, 7, 5 * 1024 * 1024))
  return { dir, html, txt, big, htmlBytes }
}

/** Milliseconds to import `paths` as one batch into a fresh notebook; every file must import. */
async function importBatch(dir: string, name: string, paths: string[]): Promise<number> {
  const app = await openCommonplace(join(dir, name))
  const start = performance.now()
  const report = await app.sources.importFiles(paths)
  const elapsed = performance.now() - start
  if (report.failed.length > 0 || report.imported.length !== paths.length) {
    throw new Error(`Import bench: ${report.failed.map((f) => f.message).join('; ')}`)
  }
  return elapsed
}

/** Per-file milliseconds of each run, after one warm-up run that is not counted. */
async function runs(
  dir: string,
  label: string,
  paths: string[],
  times: number,
  warmUp: string[],
): Promise<number[]> {
  await importBatch(dir, `${label}-warm-up`, warmUp)
  const perFile: number[] = []
  for (let run = 0; run < times; run++) {
    perFile.push((await importBatch(dir, `${label}-${run}`, paths)) / paths.length)
  }
  return perFile
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

export async function run(): Promise<BenchSection> {
  const corpus = await writeCorpus()
  try {
    const warmUp = corpus.html.slice(0, 5)
    const html = await runs(corpus.dir, 'html', corpus.html, RUNS, warmUp)
    const txt = await runs(corpus.dir, 'txt', corpus.txt, RUNS, corpus.txt.slice(0, 5))
    const big = await runs(corpus.dir, 'big', [corpus.big], BIG_RUNS, warmUp)
    const htmlMs = median(html)
    const rows: Cell[][] = [
      [
        `${ARTICLES} HTML articles, per article`,
        ms(htmlMs),
        ms(BASELINE.htmlPerArticle),
        `${(BASELINE.htmlPerArticle / htmlMs).toFixed(1)}x faster; target < 50 ms: ${htmlMs < 50 ? 'yes' : 'NO'}`,
      ],
      [`same articles as .txt, per article`, ms(median(txt)), ms(BASELINE.txtPerArticle), ''],
      ['one 5 MB article page', ms(median(big)), ms(BASELINE.bigArticle), ''],
      ...(await limitCases()).map(([name, , time, , outcome]) => [
        name as Cell,
        time as Cell,
        '',
        outcome as Cell,
      ]),
    ]
    const sizes = corpus.htmlBytes
    return {
      title:
        'Import: saved article pages through the real service (file read, worker, store write)',
      columns: ['case', 'ours', 'main before (baseline)', 'note'],
      rows,
      notes: [
        `Pages: ${ARTICLES} generated articles (bench/article-pages.ts), ${(Math.min(...sizes) / 1024).toFixed(0)}–${(Math.max(...sizes) / 1024).toFixed(0)} KB each, ${(sizes.reduce((a, b) => a + b, 0) / 1024 / 1024).toFixed(1)} MB in all, with nav, header, footer, asides, comments, inline styles and scripts, images and links.`,
        `Each run imports the whole batch into a fresh notebook with importFiles (as the app's Import and the CLI do); the figure is the batch time / ${ARTICLES}, median of ${RUNS} runs (5 MB page: ${BIG_RUNS}). Per-run figures: ${html.map((value) => value.toFixed(1)).join(', ')} ms.`,
        'Warm-up: before each kind, one batch of 5 files is imported and not counted (it loads the worker; jsdom takes about a second to load).',
        'Baseline: main before this change, as measured for issue 10 on the same kind of pages (jsdom window per file, Readability, DOMPurify on a second DOM).',
        'Build first (npm run bench does): the worker is out/main/import-worker.js.',
      ],
      details: { html, txt, big, sizes, baseline: BASELINE },
      figures: { import_per_article: htmlMs },
    }
  } finally {
    await rm(corpus.dir, { recursive: true, force: true })
  }
}
