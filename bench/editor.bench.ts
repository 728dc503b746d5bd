// The essay editor with many citations (issue 10, item 4 and the editor half of item 8), in the
// e2e harness (the built renderer in Chromium, main's real handlers):
// - typing in an essay of 1,000 citation blocks beside the same essay with 10 (see
//   editor-typing.ts for how a key is timed), headless, and headed under Xvfb when it is there;
// - starting the app on a 10k-clipping notebook until a key typed into a 1,000-citation essay
//   shows in it;
// - the renderer bundle (main chunk and the editor chunk loaded when an essay opens) and the
//   first contentful paint.
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import { openCommonplace } from '../src/main/core/commonplace'
import { chromiumArgs, findChromium, rendererDir, repoRoot } from '../e2e/environment'
import { startHarness } from '../e2e/harness'
import {
  MEASURED_KEYS,
  RUNS,
  WARMUP_KEYS,
  clickParagraph,
  KEY_INTERVAL_MS,
  measureTyping,
  type TypingResult,
} from './editor-typing'
import { seedEssayWithCitations } from './essay-seed'
import { bytes, count, ms, ratio, type BenchSection, type Cell } from './report'
import { copyNotebook, seededNotebook } from './seed-library'
import { median, p95, summarize } from './stats'

const MANY = 1000
const FEW = 10
const OPEN_SIZE = 10_000
const OPEN_RUNS = 5

/** Under Xvfb in a process of its own when there is no display; why not, when it cannot. */
function headedTyping(citations: number): TypingResult | string {
  const script = join(__dirname, 'processes', 'editor-typing.ts')
  const args = ['--import', 'tsx', script, String(citations), 'headed']
  let output: string
  if (process.env.DISPLAY) {
    output = execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' })
  } else if (spawnSync('which', ['xvfb-run']).status === 0) {
    output = execFileSync('xvfb-run', ['-a', process.execPath, ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    })
  } else {
    return 'skipped: no DISPLAY and no xvfb-run on this machine'
  }
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as TypingResult
}

interface Opening {
  /** From clicking Essays (the app already showing the library) to the typed key in the essay. */
  editableMs: number
  /** The page's own main-thread time over that span (CDP Performance metrics), in ms. */
  mainThread: { task: number; script: number; layout: number }
  /** Event Timing of the click on Essays: the click to the next frame painted (>= 16 ms, else <16). */
  clickToPaintMs: number
  /** The same, from starting main and loading the page. */
  fromStartMs: number
  firstPaintMs: number
}

function countOf(page: Page, mark: string): Promise<number> {
  return page.evaluate(
    (m) => (document.querySelector('[aria-label="Essay"]')?.textContent ?? '').split(m).length - 1,
    mark,
  )
}

/** Start the app; once it shows, open the essays and type one key: until it shows in the essay. */
async function openAndType(dataDir: string): Promise<Opening> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
  try {
    const start = performance.now()
    const app = await startHarness(browser, { dataDir })
    const { page } = app
    const essays = page.getByRole('button', { name: 'Essays' })
    await essays.waitFor({ timeout: 60_000 })
    await page.evaluate(() => {
      const seen = window as unknown as { __clickPaint: number }
      seen.__clickPaint = Number.NaN
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === 'click' && Number.isNaN(seen.__clickPaint)) {
            seen.__clickPaint = entry.duration
          }
        }
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
    })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const metrics = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
      )
    const atClick = await metrics()
    const clicked = performance.now()
    await essays.click()
    await page.getByRole('textbox', { name: 'Essay' }).waitFor({ timeout: 60_000 })
    await clickParagraph(page, 1)
    const before = await countOf(page, '§')
    await page.keyboard.type('§')
    await page.waitForFunction(
      (n) =>
        (document.querySelector('[aria-label="Essay"]')?.textContent ?? '').split('§').length - 1 >
        n,
      before,
      { timeout: 60_000, polling: 'raf' },
    )
    const done = performance.now()
    const atDone = await metrics()
    const spent = (name: string): number => (atDone[name]! - atClick[name]!) * 1000
    const clickToPaintMs = await page.evaluate(
      // Event Timing reports only clicks of 16 ms or more: a quicker one counts as 16.
      () => (window as unknown as { __clickPaint: number }).__clickPaint || 16,
    )
    const firstPaintMs = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    )
    await app.close()
    return {
      editableMs: done - clicked,
      fromStartMs: done - start,
      firstPaintMs,
      clickToPaintMs: Number.isNaN(clickToPaintMs) ? 16 : clickToPaintMs,
      mainThread: {
        task: spent('TaskDuration'),
        script: spent('ScriptDuration'),
        layout: spent('LayoutDuration') + spent('RecalcStyleDuration'),
      },
    }
  } finally {
    await browser.close()
  }
}

interface Chunk {
  file: string
  raw: number
  gzip: number
}

function chunkSize(file: string): Chunk {
  const content = readFileSync(join(rendererDir, 'assets', file))
  return { file, raw: content.length, gzip: gzipSync(content).length }
}

/** The chunk index.html loads, and the one holding Lexical (loaded when an essay opens). */
function bundleChunks(): { main: Chunk; editor: Chunk | null; totalRaw: number } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const entry = /src="\.?\/?assets\/([^"]+\.js)"/.exec(html)?.[1]
  if (!entry) throw new Error('index.html names no script: build the renderer first')
  const scripts = readdirSync(join(rendererDir, 'assets')).filter((file) => file.endsWith('.js'))
  const editorFile = scripts.find(
    (file) =>
      file !== entry &&
      readFileSync(join(rendererDir, 'assets', file), 'utf8').includes('commonplace-essay'),
  )
  const totalRaw = scripts.reduce((sum, file) => sum + chunkSize(file).raw, 0)
  return { main: chunkSize(entry), editor: editorFile ? chunkSize(editorFile) : null, totalRaw }
}

function typingRows(label: string, many: TypingResult, few: TypingResult): Cell[][] {
  const manyLatency = summarize(many.latencies)
  const fewLatency = summarize(few.latencies)
  const over = (result: TypingResult): string =>
    `${result.eventTimings.length} of ${result.measuredKeys}`
  return [
    [
      `${label}: key to paint, median / p95`,
      ms(manyLatency.median, manyLatency.p95),
      ms(fewLatency.median, fewLatency.p95),
      ratio(manyLatency.median / fewLatency.median),
    ],
    [
      `${label}: keydown to next frame after paint, median / p95`,
      ms(median(many.frames), p95(many.frames)),
      ms(median(few.frames), p95(few.frames)),
      ratio(median(many.frames) / median(few.frames)),
    ],
    [`${label}: keys Event Timing reported (>= 16 ms)`, over(many), over(few), '—'],
    [
      `${label}: main-thread time per key, task / script / layout`,
      ms(many.mainThread.task, many.mainThread.script, many.mainThread.layout),
      ms(few.mainThread.task, few.mainThread.script, few.mainThread.layout),
      ratio(many.mainThread.task / few.mainThread.task),
    ],
  ]
}

export async function run(): Promise<BenchSection> {
  const many = await measureTyping(MANY, false)
  const few = await measureTyping(FEW, false)
  const headedMany = headedTyping(MANY)
  const headedFew = typeof headedMany === 'string' ? headedMany : headedTyping(FEW)

  const work = await mkdtemp(join(tmpdir(), 'commonplace-bench-editor-'))
  const openings: Opening[] = []
  try {
    const { dir } = await seededNotebook(OPEN_SIZE)
    const dataDir = join(work, 'notebook')
    copyNotebook(dir, dataDir)
    await seedEssayWithCitations(await openCommonplace(dataDir), MANY)
    // Run 0 warms the file cache and Chromium's own start; it is not counted.
    for (let run = 0; run <= OPEN_RUNS; run++) {
      const opening = await openAndType(dataDir)
      if (run > 0) openings.push(opening)
    }
  } finally {
    // The closed app's backup timer may still be finishing a write; a leftover temp dir is harmless.
    await rm(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(
      () => undefined,
    )
  }
  const editable = openings.map((opening) => opening.editableMs)
  const fromStart = openings.map((opening) => opening.fromStartMs)
  const firstPaint = openings.map((opening) => opening.firstPaintMs)
  const clickPaint = openings.map((opening) => opening.clickToPaintMs)
  const bundle = bundleChunks()

  const rows: Cell[][] = [...typingRows('headless', many, few)]
  const notes = [
    `typing: ${RUNS} runs per essay (at a quarter, half and three quarters in), ${WARMUP_KEYS} ` +
      `warm-up keys per run excluded, ${MEASURED_KEYS} measured: ${many.measuredKeys} keys per ` +
      `essay. A key's latency is Event Timing's keydown-to-next-paint duration when it reported ` +
      `one (it reports only keys of 16 ms or more), else keydown to the end of the next frame ` +
      `after it (rAF, then a posted message), whichever is larger. Event Timing counts in steps ` +
      `of 8 ms (16 stands for 12 to 20 ms); the frame view is to the tenth of a millisecond but ` +
      `ends when the frame is committed, before it is drawn. Keys come every ` +
      `${KEY_INTERVAL_MS} ms (a quick typist) into a page idle between them, watched on a timer.`,
    `open: ${OPEN_RUNS} runs (1 warm-up run excluded), each a fresh browser on a ` +
      `${OPEN_SIZE.toLocaleString('en-US')}-clipping notebook whose newest essay has ` +
      `${MANY.toLocaleString('en-US')} citation blocks: from starting main and the page to the ` +
      `typed character showing in the essay: from the click on Essays once the app shows (the ` +
      `user's action), and from starting main and loading the page.`,
  ]
  if (typeof headedMany === 'string' || typeof headedFew === 'string') {
    notes.push(`headed Chromium: ${typeof headedMany === 'string' ? headedMany : headedFew}`)
  } else {
    rows.push(...typingRows('headed (Xvfb)', headedMany, headedFew))
    notes.push(
      process.env.DISPLAY
        ? `headed Chromium on DISPLAY ${process.env.DISPLAY}`
        : 'headed Chromium under xvfb-run -a (no DISPLAY here)',
    )
  }
  rows.push(
    [
      'open essay, editable (10k clippings), median / p95',
      ms(median(editable), p95(editable)),
      '—',
      '—',
    ],
    [
      'start to typed key in the essay (10k clippings), median / p95',
      ms(median(fromStart), p95(fromStart)),
      '—',
      '—',
    ],
    [
      'open: click on Essays to the next frame (Event Timing), median / p95',
      ms(median(clickPaint), p95(clickPaint)),
      '—',
      '—',
    ],
    [
      'open: page main-thread time, click to typed key, task / script / layout+style (median)',
      ms(
        median(openings.map((o) => o.mainThread.task)),
        median(openings.map((o) => o.mainThread.script)),
        median(openings.map((o) => o.mainThread.layout)),
      ),
      '—',
      '—',
    ],
    ['first contentful paint, median / p95', ms(median(firstPaint), p95(firstPaint)), '—', '—'],
    [
      `main chunk ${bundle.main.file}, raw / gzip`,
      bytes(bundle.main.raw, bundle.main.gzip),
      '—',
      '—',
    ],
    bundle.editor
      ? [
          `editor chunk ${bundle.editor.file}, raw / gzip`,
          bytes(bundle.editor.raw, bundle.editor.gzip),
          '—',
          '—',
        ]
      : ['editor chunk', 'none: the editor is in the main chunk', '—', '—'],
    ['all renderer JS, raw', bytes(bundle.totalRaw), '—', '—'],
    ['measured keys per essay', count(many.measuredKeys), count(few.measuredKeys), '—'],
  )
  const manyLatency = summarize(many.latencies)
  const fewLatency = summarize(few.latencies)
  return {
    title: `Editor: typing with ${MANY.toLocaleString('en-US')} citation blocks vs ${FEW}, opening at 10k clippings, the bundle (harness)`,
    columns: ['measure', `${MANY} citations`, `${FEW} citations (baseline)`, 'ratio'],
    rows,
    notes,
    details: { many, few, headedMany, headedFew, openings, bundle },
    figures: {
      typing_median_1000: manyLatency.median,
      typing_median_10: fewLatency.median,
      typing_p95_1000: manyLatency.p95,
      typing_frame_p95_1000: p95(many.frames),
      typing_frame_p95_10: p95(few.frames),
      open_editable_10k: median(editable),
      open_editable_p95_10k: p95(editable),
      first_paint: median(firstPaint),
      open_click_to_paint_10k: median(clickPaint),
      open_main_thread_10k: median(openings.map((o) => o.mainThread.task)),
    },
  }
}
