// Issue 11's first run: what a writer waits for when dropping a pile of files on the window, and
// when opening the sample notebook. Both through main's own handlers on a real notebook session,
// the import worker included.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleDir } from '../test/fixtures'
import { createHandlers } from '../src/main/core/api'
import { openCommonplace } from '../src/main/core/commonplace'
import { ImportWorker } from '../src/main/core/importing/worker-extractor'
import { NotebookSession } from '../src/main/core/notebook-session'
import type { Ports } from '../src/main/core/ports'
import { openSampleNotebook } from '../src/main/core/sample-notebook'
import type { ImportReport, InvokeHandlers, Result } from '../src/shared/ipc'
import { eachOneAhead } from '../src/shared/one-ahead'
import { articlePage } from './article-pages'
import { vocabulary } from './articles'
import { ms, type BenchSection } from './report'
import { median } from './stats'

const FILES = 12

/** CPU time (main thread and import worker) of the runs, by way: less swayed by others' load. */
const cpu: Record<string, number[]> = { drop: [], awaited: [], batch: [] }

async function measured(way: string, run: () => Promise<number>): Promise<number> {
  const before = process.cpuUsage()
  const wall = await run()
  const used = process.cpuUsage(before)
  cpu[way]?.push((used.user + used.system) / 1000)
  return wall
}
const RUNS = 5
const SAMPLE_RUNS = 5
const COLD_SAMPLE_RUNS = 3

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`First-run bench: ${result.error.message}`)
  return result.value
}

async function handlersOn(dataDir: string, dialog: string[]): Promise<InvokeHandlers> {
  const none = async (): Promise<null> => null
  const ports: Ports = {
    chooseFilesToImport: async () => dialog,
    openExternal: async () => undefined,
    chooseExportPath: none,
    chooseEssayToImport: none,
    chooseHighlightsToImport: none,
    sampleNotebookDir: sampleDir,
    showItemInFolder: () => undefined,
    openFolder: async () => undefined,
    appIdentity: () => ({ name: 'Commonplace', version: '0.0.0' }),
    takeOpenedFiles: () => [],
    screenReaderRunning: () => false,
    readyToClose: () => undefined,
  }
  return createHandlers(await NotebookSession.open(dataDir), ports)
}

/** As the page imports a drop: one call per file, the next one started ahead (one-ahead.ts). */
async function dropOneByOne(dataDir: string, paths: string[]): Promise<number> {
  const handlers = await handlersOn(dataDir, [])
  const start = performance.now()
  let imported = 0
  await eachOneAhead(
    paths,
    (path) => handlers.importDroppedPath(path),
    (result) => (imported += valueOf(result).imported.length),
  )
  const elapsed = performance.now() - start
  if (imported !== paths.length) throw new Error(`First-run bench: ${imported} of ${paths.length}`)
  return elapsed
}

/** What the page did first: one call per file, each awaited before the next is sent. */
async function dropEachAwaited(dataDir: string, paths: string[]): Promise<number> {
  const handlers = await handlersOn(dataDir, [])
  const start = performance.now()
  for (const path of paths) valueOf(await handlers.importDroppedPath(path))
  return performance.now() - start
}

/** The Import button: the dialog's files in one call (importFiles reads the next file ahead). */
async function importAsOneBatch(dataDir: string, paths: string[]): Promise<number> {
  const handlers = await handlersOn(dataDir, paths)
  const start = performance.now()
  const report: ImportReport = valueOf(await handlers.importSources())
  const elapsed = performance.now() - start
  if (report.imported.length !== paths.length) throw new Error('First-run bench: batch failed')
  return elapsed
}

/** Opening the sample in a fresh empty notebook, on the given worker. */
async function openSample(dataDir: string, worker: ImportWorker): Promise<number> {
  const app = await openCommonplace(dataDir, { extract: worker.extract })
  const start = performance.now()
  await openSampleNotebook(app, sampleDir)
  return performance.now() - start
}

export async function run(): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-bench-first-run-'))
  try {
    await mkdir(join(dir, 'inbox'))
    const words = vocabulary(3)
    const paths: string[] = []
    for (let i = 0; i < FILES; i++) {
      const path = join(dir, 'inbox', `dropped-${i}.html`)
      // 30 to 85 KB: the size of a saved news article with its page around it.
      await writeFile(path, articlePage(words, 500 + i, Math.round((30 + 5 * i) * 1024)))
      paths.push(path)
    }
    const loadBefore = loadavg()[0] ?? 0

    // Warm-up (not counted): loads the shared import worker both ways use.
    await importAsOneBatch(join(dir, 'warm-up'), paths.slice(0, 3))
    const drop: number[] = []
    const awaited: number[] = []
    const batch: number[] = []
    // In turns, so all three see the same load.
    for (let i = 0; i < RUNS; i++) {
      drop.push(await measured('drop', () => dropOneByOne(join(dir, `drop-${i}`), paths)))
      awaited.push(
        await measured('awaited', () => dropEachAwaited(join(dir, `awaited-${i}`), paths)),
      )
      batch.push(await measured('batch', () => importAsOneBatch(join(dir, `batch-${i}`), paths)))
    }

    // Cold: a new worker each time, as on the first import after the app starts.
    const cold: number[] = []
    for (let i = 0; i < COLD_SAMPLE_RUNS; i++) {
      const worker = new ImportWorker()
      cold.push(await openSample(join(dir, `sample-cold-${i}`), worker))
      await worker.close()
    }
    const worker = new ImportWorker()
    await openSample(join(dir, 'sample-warm-up'), worker)
    const warm: number[] = []
    for (let i = 0; i < SAMPLE_RUNS; i++)
      warm.push(await openSample(join(dir, `sample-${i}`), worker))
    await worker.close()
    const loadAfter = loadavg()[0] ?? 0

    const dropMs = median(drop)
    const batchMs = median(batch)
    const list = (samples: number[]): string => samples.map((value) => value.toFixed(0)).join(', ')
    return {
      title: 'First run: a drop of files, and opening the sample notebook (main’s handlers)',
      columns: ['case', 'ours (wall, median)', 'baseline', 'note'],
      rows: [
        [
          `drop ${FILES} HTML articles, one call per file, the next one ahead`,
          ms(dropMs),
          ms(batchMs),
          `baseline: the same files as one Import batch; ${(dropMs / batchMs).toFixed(2)}x`,
        ],
        [
          `drop ${FILES} HTML articles, each call awaited before the next`,
          ms(median(awaited)),
          ms(batchMs),
          `what the page did first; ${(median(awaited) / batchMs).toFixed(2)}x`,
        ],
        [
          'open the sample notebook, worker already loaded',
          ms(median(warm)),
          '',
          'import, 5 clippings by quote, the essay saved and read back',
        ],
        [
          'open the sample notebook, first import since start',
          ms(median(cold)),
          '',
          'includes starting the import worker (jsdom)',
        ],
      ],
      notes: [
        `${FILES} generated article pages of 30–85 KB (bench/article-pages.ts), each run into a fresh notebook through createHandlers on a NotebookSession; the three ways take turns, ${RUNS} of each, after one warm-up batch of 3 files that is not counted (it loads the import worker).`,
        `Per-run wall times: drop ${list(drop)} ms; each awaited ${list(awaited)} ms; batch ${list(batch)} ms.`,
        `Sample: ${SAMPLE_RUNS} runs on one loaded worker after a warm-up run (not counted): ${list(warm)} ms; cold, ${COLD_SAMPLE_RUNS} runs each on a new worker: ${list(cold)} ms.`,
        `CPU (main thread and import worker, opening the session included), medians: drop ${median(cpu.drop ?? []).toFixed(0)} ms, each awaited ${median(cpu.awaited ?? []).toFixed(0)} ms, batch ${median(cpu.batch ?? []).toFixed(0)} ms.`,
        `Load average (1 min): ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (2 cores shared with other work).`,
      ],
      details: { drop, awaited, batch, warm, cold, loadBefore, loadAfter },
      figures: {
        drop_12_files: dropMs,
        import_batch_12_files: batchMs,
        open_sample_warm: median(warm),
        open_sample_cold: median(cold),
      },
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
