// What a large notebook costs at start: main opening it and answering the first page of
// clippings and the first search, in a fresh process (first ever, then with its derived indexes
// saved), the memory main ends with, the app showing its first clippings (harness), and the CLI's
// cold start beside `node -e 0`.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumArgs, findChromium, repoRoot } from '../e2e/environment'
import { startHarness } from '../e2e/harness'
import { count, ms, type BenchSection, type Cell } from './report'
import { copyNotebook, seededNotebook } from './seed-library'
import { median } from './stats'

const SIZES = [10_000, 100_000]
const COLD_RUNS = 7
/** Fresh processes opening a notebook whose derived indexes are saved. */
const SAVED_RUNS = 3

interface Opening {
  openMs: number
  firstPageMs: number
  firstSearchMs: number
  total: number
  hits: number
  rssMb: number
}

/** Opens, lists and searches in a process of its own; the report it prints. */
function openInFreshProcess(dataDir: string): Opening {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(__dirname, 'processes', 'open-and-list.ts'), dataDir],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as Opening
}

/** Wall time of a command, run cold `COLD_RUNS` times; the median. */
function coldMs(command: string, args: string[]): number {
  const samples: number[] = []
  for (let run = 0; run < COLD_RUNS + 1; run++) {
    const start = performance.now()
    const result = spawnSync(command, args, { stdio: 'ignore' })
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
    if (run > 0) samples.push(performance.now() - start) // the first warms the file cache
  }
  return median(samples)
}

/**
 * The harness: start the app on the notebook until its first clipping is on screen; then the
 * renderer's JavaScript heap after a full collection, which must not grow with the library.
 */
async function appFirstPage(dataDir: string): Promise<{ shownMs: number; heapMb: number }> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
  try {
    const start = performance.now()
    const app = await startHarness(browser, { dataDir })
    await app.page
      .getByRole('list', { name: 'Clippings' })
      .getByRole('listitem')
      .first()
      .waitFor({ timeout: 60_000 })
    const shownMs = performance.now() - start
    const cdp = await app.page.context().newCDPSession(app.page)
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    await app.close()
    return { shownMs, heapMb: usedSize / 1024 / 1024 }
  } finally {
    await browser.close()
  }
}

/** Medians, figure by figure, of several fresh processes opening the notebook as saved. */
function medianOpening(runs: Opening[]): Opening {
  const pick = (key: keyof Opening): number => median(runs.map((run) => run[key]))
  return {
    openMs: pick('openMs'),
    firstPageMs: pick('firstPageMs'),
    firstSearchMs: pick('firstSearchMs'),
    total: pick('total'),
    hits: pick('hits'),
    rssMb: pick('rssMb'),
  }
}

export async function run(): Promise<BenchSection> {
  const rows: Cell[][] = []
  const figures: Record<string, number> = {}
  const work = await mkdtemp(join(tmpdir(), 'commonplace-bench-'))
  try {
    for (const size of SIZES) {
      const { dir } = await seededNotebook(size)
      const dataDir = join(work, `notebook-${size}`)
      copyNotebook(dir, dataDir)
      const first = openInFreshProcess(dataDir)
      const again = medianOpening(
        Array.from({ length: SAVED_RUNS }, () => openInFreshProcess(dataDir)),
      )
      const shown = await appFirstPage(dataDir)
      rows.push([
        count(size),
        ms(first.openMs + first.firstPageMs, again.openMs + again.firstPageMs),
        ms(first.firstSearchMs, again.firstSearchMs),
        count(Math.round(again.rssMb)),
        ms(shown.shownMs),
        count(Math.round(shown.heapMb)),
      ])
      if (size === 100_000) {
        figures.list_first_page_100k = again.openMs + again.firstPageMs
        figures.main_rss_mb_100k = again.rssMb
      }
    }
    const cli = join(repoRoot, 'bin', 'commonplace.js')
    const notebook10k = join(work, 'notebook-10000')
    figures.cli_sources_cold = coldMs(process.execPath, [cli, '--data-dir', notebook10k, 'sources'])
    figures.node_cold = coldMs(process.execPath, ['-e', '0'])
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return {
    title: 'A large notebook at start: first page, first search, memory, CLI',
    columns: [
      'clippings',
      'open + first page: first ever / derived saved',
      'first search: first ever / saved',
      'main RSS MB',
      'app: first clipping on screen (harness)',
      'renderer heap MB',
    ],
    rows,
    notes: [
      `"saved" figures are medians of ${SAVED_RUNS} fresh processes; "first ever" is one (it writes derived/).`,
      'Each figure in a fresh Node process running the services as main does (bench/processes/open-and-list.ts): "first ever" builds the clipping catalog and search index from every source file and saves them in derived/; "saved" is the next start, which loads them and reads only what changed since.',
      `CLI cold: \`commonplace sources\` on the 10k notebook, median of ${COLD_RUNS} runs after one warm-up: ${figures.cli_sources_cold?.toFixed(0)} ms; \`node -e 0\`: ${figures.node_cold?.toFixed(0)} ms (ratio ${((figures.cli_sources_cold ?? 0) / (figures.node_cold ?? 1)).toFixed(1)}x).`,
      'The harness figure starts from a new browser context and includes Chromium loading the page; the renderer heap is measured after a full garbage collection, with the first page shown.',
    ],
    figures,
  }
}
