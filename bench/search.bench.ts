// Search at 100,000 clippings and 1,000 sources of ~100 KB: the engines side by side (build, load
// from disk, size, memory, query p95 by kind, phrase precision), then ours as the app runs it
// (service level, the first search of a fresh process), then the sources' full text.
import { execFileSync } from 'node:child_process'
import { linkSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { repoRoot } from '../e2e/environment'
import { openCommonplace } from '../src/main/core/commonplace'
import { foldQuery, foldText } from '../src/main/core/search/folding'
import type { SourceFile } from '../src/main/core/store/schema'
import { bytes, count, ms, type BenchSection, type Cell } from './report'
import { flexSearch, miniSearch, ours, scan, type Engine } from './search-engines'
import {
  holdsPhrase,
  KINDS,
  queriesFrom,
  readDocs,
  type Doc,
  type QueryKind,
} from './search-corpus'
import { copyNotebook, seededNotebook } from './seed-library'
import { median, p95 } from './stats'

const CLIPPINGS = 100_000
const PER_KIND = 25
const FIRST_RUNS = 5
const SOURCES = 1000

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const heapMb = (): number => {
  gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

/** Runs one of bench/processes in a fresh Node process; returns what it printed. */
function inProcess(script: string, args: string[]): string {
  return execFileSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'processes', script), ...args],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 << 20 },
  )
}

function timeQueries(search: (query: string) => unknown, queries: readonly string[]): number[] {
  for (const query of queries) search(query) // warm-up pass, not counted
  return queries.map((query) => {
    const start = performance.now()
    search(query)
    return performance.now() - start
  })
}

interface EngineResult {
  name: string
  buildMs: number
  loadMs: number
  sizeBytes: number
  heapMb: number
  p95: Record<QueryKind | 'mixed', number>
  precision: number
}

function measureEngine(
  make: () => Engine,
  sources: SourceFile[],
  docs: Doc[],
  queries: Record<QueryKind, string[]>,
  dir: string,
): EngineResult {
  const before = heapMb()
  // Built in a function of its own, so the built engine is garbage before the loaded one is measured.
  const { name, buildMs, file, sizeBytes } = buildAndSave(make, sources, docs, dir)
  const loads: number[] = []
  let loaded = make()
  // Three loads, or one for an engine that takes seconds to load.
  for (let run = 0; run < 3 && !(run > 0 && (loads[0] as number) > 3000); run++) {
    loaded = make()
    const start = performance.now()
    loaded.load(readFileSync(file, 'utf8'))
    loads.push(performance.now() - start)
  }
  const used = heapMb() - before
  const byKind = {} as Record<QueryKind | 'mixed', number>
  const all: number[] = []
  for (const kind of KINDS) {
    const samples = timeQueries((query) => loaded.search(query), queries[kind])
    byKind[kind] = p95(samples)
    all.push(...samples)
  }
  byKind.mixed = p95(all)
  const byId = new Map(docs.map((doc) => [doc.id, doc]))
  let found = 0
  let holding = 0
  for (const phrase of queries.phrase) {
    for (const id of loaded.search(phrase)) {
      found++
      const doc = byId.get(id)
      if (doc && holdsPhrase(doc, phrase)) holding++
    }
  }
  return {
    name,
    buildMs,
    loadMs: median(loads),
    sizeBytes,
    heapMb: used,
    p95: byKind,
    precision: found ? holding / found : 1,
  }
}

function buildAndSave(
  make: () => Engine,
  sources: SourceFile[],
  docs: Doc[],
  dir: string,
): { name: string; buildMs: number; file: string; sizeBytes: number } {
  const engine = make()
  const start = performance.now()
  engine.build(sources, docs)
  const buildMs = performance.now() - start
  const file = join(dir, `${engine.name.replace(/\W+/g, '-')}.json`)
  writeFileSync(file, engine.serialize())
  return { name: engine.name, buildMs, file, sizeBytes: readFileSync(file).length }
}

function readSources(dataDir: string): SourceFile[] {
  return readdirSync(join(dataDir, 'sources')).map(
    (name) => JSON.parse(readFileSync(join(dataDir, 'sources', name), 'utf8')) as SourceFile,
  )
}

/** A notebook of the first `n` sources of a seed, its files hard-linked (never changed in place). */
function notebookOfSources(seed: string, to: string, n: number): void {
  const library = JSON.parse(readFileSync(join(seed, 'library.json'), 'utf8')) as {
    sources: { id: string; currentVersionHash: string }[]
  }
  library.sources = library.sources.slice(0, n)
  for (const folder of ['sources', 'texts', 'essays'])
    mkdirSync(join(to, folder), { recursive: true })
  for (const source of library.sources) {
    linkSync(join(seed, 'sources', `${source.id}.json`), join(to, 'sources', `${source.id}.json`))
    const text = `${source.currentVersionHash}.json`
    linkSync(join(seed, 'texts', text), join(to, 'texts', text))
  }
  writeFileSync(join(to, 'library.json'), JSON.stringify(library))
}

export async function run(): Promise<BenchSection> {
  const rows: Cell[][] = []
  const notes: string[] = []
  const figures: Record<string, number> = {}
  const work = await mkdtemp(join(tmpdir(), 'commonplace-search-bench-'))
  try {
    const { dir: seed } = await seededNotebook(CLIPPINGS)
    const sources = readSources(seed)
    const docs = readDocs(seed)
    const queries = queriesFrom(
      docs.map((doc) => doc.exact),
      PER_KIND,
    )

    // 1. The engines side by side, in this process.
    const engines = [ours, miniSearch, flexSearch, scan]
    const results = engines.map((make) => measureEngine(make, sources, docs, queries, work))
    for (const result of results) {
      rows.push([
        result.name,
        ms(result.buildMs),
        ms(result.loadMs),
        bytes(result.sizeBytes),
        count(Math.round(result.heapMb)),
        ms(result.p95['one word'], result.p95['two words'], result.p95.prefix, result.p95.phrase),
        ms(result.p95.mixed),
        count(Math.round(result.precision * 1000) / 1000),
      ])
    }

    // 2. Ours as the app runs it: a page of 50 views, from a notebook with its index loaded.
    const dataDir = join(work, 'notebook')
    copyNotebook(seed, dataDir)
    const app = await openCommonplace(dataDir)
    const start = performance.now()
    await app.clippings.page({ search: 'sean', limit: 50 })
    const firstEverMs = performance.now() - start
    const mixed = KINDS.flatMap((kind) => queries[kind])
    await app.clippings.searchIndex.flush()
    await app.clippings.catalog.flush()
    const queriesFile = join(work, 'queries.json')
    writeFileSync(queriesFile, JSON.stringify(mixed))
    const { times: service } = JSON.parse(
      inProcess('search-service.ts', [dataDir, queriesFile]).trim().split('\n').pop() ?? '{}',
    ) as { times: number[] }
    const firsts: { firstSearchMs: number; lastRead: number }[] = []
    for (let run = 0; run < FIRST_RUNS; run++) {
      const output = inProcess('first-search.ts', [dataDir, mixed[run] ?? 'sean'])
      firsts.push(JSON.parse(output.trim().split('\n').pop() ?? '{}'))
    }
    figures.search_p95_100k = p95(service)
    figures.search_first_100k = median(firsts.map((first) => first.firstSearchMs))
    const scanResult = results.find((result) => result.name.startsWith('folded'))
    const miniResult = results.find((result) => result.name.startsWith('MiniSearch'))
    rows.push([
      'ours, service: page of 50 views (app.clippings.page)',
      ms(firstEverMs),
      ms(figures.search_first_100k),
      '',
      '',
      '',
      ms(figures.search_p95_100k),
      '',
    ])

    notes.push(
      `${docs.length} clippings of ${sources.length} sources (the seeded 100k notebook). ${PER_KIND} queries of each kind drawn from the quotes' own words (3+ letters): one word, two words of one passage, a 4-letter prefix, a 3-word quoted phrase. Each set runs once as warm-up, not counted; p95 of the second pass.`,
      'Engines in one process: build from the clippings, write the saved form, load it back (median of 3; one load when it takes over 3 s), heap after load (MB, after gc); query p95 per kind: one word / two words / prefix / phrase. Precision: of the results of phrase queries, the share that hold the phrase word for word (folded).',
      `Service level (search_p95_100k): app.clippings.page({search, limit: 50}) in a fresh process that has loaded the index (bench/processes/search-service.ts; this process holds the engines above), each view read from its clipping's own bytes of its source file; first ever search builds the index (${(firstEverMs / 1000).toFixed(1)} s). search_first_100k: a fresh process opening the notebook and answering one search with the index on disk, median of ${FIRST_RUNS} (${firsts.map((first) => first.firstSearchMs.toFixed(0)).join(', ')} ms).`,
      `Baselines at 100k: folded includes scan p95 ${scanResult?.p95.mixed.toFixed(1)} ms; MiniSearch (old approach) ${miniResult?.p95.mixed.toFixed(1)} ms, phrase precision ${miniResult?.precision.toFixed(2)}.`,
    )
    figures.search_scan_p95_100k = scanResult?.p95.mixed ?? NaN
    figures.search_minisearch_p95_100k = miniResult?.p95.mixed ?? NaN
    figures.search_phrase_precision = results[0]?.precision ?? NaN
    figures.search_phrase_precision_minisearch = miniResult?.precision ?? NaN
    return {
      title: 'Search: 100k clippings',
      columns: [
        'engine',
        'build (first ever)',
        'load from disk / fresh first search',
        'saved size',
        'heap MB',
        'p95: 1 word / 2 words / prefix / phrase',
        'p95 mixed',
        'phrase precision',
      ],
      rows,
      notes,
      details: { results, service, firsts },
      figures,
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Part 3: the sources' own text at 1,000 sources of ~100 KB, ours beside a folded scan. */
async function measureSources(
  seed: string,
  work: string,
): Promise<{ rows: Cell[][]; figures: Record<string, number>; note: string; details: unknown }> {
  const rows: Cell[][] = []
  const figures: Record<string, number> = {}
  const sourcesDir = join(work, 'sources-1000')
  notebookOfSources(seed, sourcesDir, SOURCES)
  const texts = readdirSync(join(sourcesDir, 'texts')).map(
    (name) =>
      (JSON.parse(readFileSync(join(sourcesDir, 'texts', name), 'utf8')) as { text: string }).text,
  )
  const phrases = queriesFrom(texts, PER_KIND, 11)
  const sourceQueries = [
    ...phrases.phrase.map((phrase) => phrase.replaceAll('"', '')),
    ...phrases['two words'].map((two) => `${two.slice(0, -2)}`),
    ...phrases['one word'],
  ]
  const library = await openCommonplace(sourcesDir)
  const start = performance.now()
  await library.sourceSearch.search('sean')
  const sourceBuildMs = performance.now() - start
  const sourceTimes = await (async () => {
    for (const query of sourceQueries) await library.sourceSearch.search(query)
    const samples: number[] = []
    for (const query of sourceQueries) {
      const begin = performance.now()
      await library.sourceSearch.search(query)
      samples.push(performance.now() - begin)
    }
    return samples
  })()
  await library.sourceSearch.index.flush()
  gc()
  // The whole process (the notebook open, its index loaded), before the scan's texts are folded.
  figures.source_search_rss_mb = process.memoryUsage().rss / 1024 / 1024
  figures.source_search_heap_mb = process.memoryUsage().heapUsed / 1024 / 1024
  figures.source_search_buffers_mb = process.memoryUsage().arrayBuffers / 1024 / 1024
  const sourceIndexBytes = readFileSync(join(sourcesDir, 'derived', 'source-text.json')).length
  const foldedTexts = texts.map((text) => foldText(text))
  const scanTimes = timeQueries((query) => {
    const needle = foldQuery(query)
    return foldedTexts.filter((text) => text.includes(needle)).slice(0, 20)
  }, sourceQueries)
  figures.source_search_p95_1000 = p95(sourceTimes)
  rows.push([
    `sources: ours, ${SOURCES} sources of ~100 KB (20 hits)`,
    ms(sourceBuildMs),
    '',
    bytes(sourceIndexBytes),
    '',
    '',
    ms(figures.source_search_p95_1000),
    '',
  ])
  rows.push([
    'sources: folded includes scan (texts folded in memory)',
    '',
    '',
    '',
    '',
    '',
    ms(p95(scanTimes)),
    '',
  ])

  figures.source_search_scan_p95_1000 = p95(scanTimes)
  const memory = `Memory after the searches (gc run): RSS ${figures.source_search_rss_mb.toFixed(0)} MB, heap ${figures.source_search_heap_mb.toFixed(0)} MB, typed arrays (word sequences) ${figures.source_search_buffers_mb.toFixed(0)} MB.`
  const note = `${memory} Sources: ${sourceQueries.length} queries (3-word phrases, two words with the last one cut short, single words) over ${SOURCES} sources, 20 results at most; the first search builds the source text index (${(sourceBuildMs / 1000).toFixed(1)} s). Scan baseline: every text folded in memory beforehand, includes, 20 results at most. No MiniSearch baseline for sources: the old app had no source text search.`
  return { rows, figures, note, details: { sourceTimes, scanTimes } }
}

/** The sources' text (section `search-sources`; `search` runs both). */
export async function runSources(): Promise<BenchSection> {
  const work = await mkdtemp(join(tmpdir(), 'commonplace-search-bench-'))
  try {
    const { dir: seed } = await seededNotebook(CLIPPINGS)
    const part = await measureSources(seed, work)
    return {
      title: 'Search: the sources’ text at 1,000 sources',
      columns: ['engine', 'build (first ever)', '', 'saved size', '', '', 'p95', ''],
      rows: part.rows,
      notes: [part.note],
      details: part.details,
      figures: part.figures,
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
