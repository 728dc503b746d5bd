// Latency to save one clipping as the library grows, idle and with the other core busy: the real
// store (a small per-source file of clippings, texts written once, fsynced, under the notebook
// lock) against the same data kept in a single lowdb file, which every save rewrites.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { selectorsAt, trimRange, type Clipping } from '../src/shared/domain'
import { openCommonplace } from '../src/main/core/commonplace'
import { newId } from '../src/main/core/ids'
import { SCHEMA_VERSION } from '../src/main/core/store/schema'
import { bytes, ms, ratio, type BenchSection, type Cell } from './report'
import {
  copyNotebook,
  generateLibrary,
  randomRange,
  seededNotebook,
  seededRandom,
  sourcesFor,
  writeOneFileLibrary,
  type OneFileData,
} from './seed-library'
import { mean, summarize, timed, type Summary } from './stats'

const SIZES = [1_000, 10_000, 100_000]
const WARMUPS = 3
const SAVES = 60
/** Each one-file save at 100k rewrites hundreds of MB: a few show the trend. */
const oneFileSaves = (size: number): number => (size >= 10_000 ? 5 : 20)
/** At 100k the one file would hold ~450 MB of JSON, past what V8 can make into one string. */
const ONE_FILE_UP_TO = 10_000

interface Target {
  sourceIndex: number
  start: number
  end: number
}

interface SizeResult {
  clippings: number
  sources: number
  idle: Summary
  loaded: Summary
  bytesPerSave: number
  oneFile: Summary | null
  oneFileBytes: number
}

export async function run(): Promise<BenchSection> {
  const results: SizeResult[] = []
  for (const size of SIZES) results.push(await measureSize(size))
  const largest = results[results.length - 1] as SizeResult
  return {
    title: 'Store: saving one clipping (articles of ~100 KB)',
    columns: [
      'clippings (sources)',
      'ours idle median / p95',
      'ours loaded median / p95',
      'one lowdb file median / p95',
      'one-file / ours (median)',
      'ours writes / save',
      'one-file writes / save',
    ],
    rows: results.map(toRow),
    notes: [
      'ours: openCommonplace(dir).clippings.create({ sourceId, start, end }) on a copy of a seeded notebook; a save takes the notebook lock, rewrites that source’s small file of clippings (fsynced, renamed) and appends to changes.json.',
      'one lowdb file: the same sources, texts and clippings in one file (new Low(new JSONFile(path))); a save is push + db.write(), not fsynced.',
      'At 100k clippings the one lowdb file would be ~450 MB of JSON: JSON.stringify cannot make a string that long (V8 limit), so lowdb cannot save it at all.',
      `loaded: the same saves while another process keeps one core busy. ${WARMUPS} untimed warm-up saves first; ${SAVES} timed saves into random sources; nearest-rank percentiles.`,
    ],
    details: results,
    figures: { save_p95_100k: largest.loaded.p95 },
  }
}

function toRow(result: SizeResult): Cell[] {
  return [
    `${result.clippings.toLocaleString('en-US')} (${result.sources})`,
    ms(result.idle.median, result.idle.p95),
    ms(result.loaded.median, result.loaded.p95),
    result.oneFile
      ? ms(result.oneFile.median, result.oneFile.p95)
      : 'cannot be written (see notes)',
    result.oneFile ? ratio(result.oneFile.median / result.idle.median) : '—',
    bytes(result.bytesPerSave),
    bytes(result.oneFileBytes),
  ]
}

async function measureSize(size: number): Promise<SizeResult> {
  const { dir: seed } = await seededNotebook(size)
  const work = await mkdtemp(join(tmpdir(), 'commonplace-bench-'))
  try {
    const dataDir = join(work, 'notebook')
    copyNotebook(seed, dataDir)
    const app = await openCommonplace(dataDir)
    const sources = await app.sources.list()
    const random = seededRandom(size + 1)
    // Articles differ in length: a range is drawn inside the chosen one (read before timing).
    const lengths = new Map<number, number>()
    const target = async (): Promise<Target> => {
      const sourceIndex = Math.floor(random() * sources.length)
      let length = lengths.get(sourceIndex)
      if (length === undefined) {
        length = (await app.sources.get(sources[sourceIndex]?.id ?? '')).version.text.length
        lengths.set(sourceIndex, length)
      }
      return { sourceIndex, ...randomRange(random, length - 1) }
    }
    const save = async ({ sourceIndex, start, end }: Target): Promise<void> => {
      await app.clippings.create({ sourceId: sources[sourceIndex]?.id ?? '', start, end })
    }
    const series = async (): Promise<{ summary: Summary; sizes: number[] }> => {
      for (let i = 0; i < WARMUPS; i++) await save(await target())
      const samples: number[] = []
      const sizes: number[] = []
      for (let i = 0; i < SAVES; i++) {
        const next = await target()
        samples.push(await timed(() => save(next)))
        const path = join(dataDir, 'sources', `${sources[next.sourceIndex]?.id}.json`)
        sizes.push((await stat(path)).size)
      }
      return { summary: summarize(samples), sizes }
    }
    const idle = await series()
    const burner = busyCore()
    const loaded = await series().finally(() => burner.kill())
    const oneFile =
      size <= ONE_FILE_UP_TO ? await measureOneFile(size, work) : { oneFile: null, oneFileBytes: 0 }
    return {
      clippings: size,
      sources: sourcesFor(size),
      idle: idle.summary,
      loaded: loaded.summary,
      bytesPerSave: mean([...idle.sizes, ...loaded.sizes]),
      ...oneFile,
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * A process that keeps one core busy until it is killed, or until this process is gone: a bench
 * stopped with Ctrl+C (or killed) must not leave a core busy under every measurement after it.
 */
function busyCore(): ChildProcess {
  const spin = `
    for (let checked = Date.now(); ; ) {
      if (Date.now() - checked < 200) continue
      checked = Date.now()
      if (process.ppid !== ${process.pid}) process.exit(0)
    }`
  return spawn(process.execPath, ['-e', spin], { stdio: 'ignore' })
}

async function measureOneFile(
  size: number,
  work: string,
): Promise<{ oneFile: Summary | null; oneFileBytes: number }> {
  const path = join(work, 'one-file.json')
  await writeOneFileLibrary(path, generateLibrary(size, size))
  const db = new Low<OneFileData>(new JSONFile<OneFileData>(path), {
    schemaVersion: SCHEMA_VERSION,
    sources: [],
  })
  await db.read()
  const random = seededRandom(size + 2)
  // The same work as a save in ours, minus the lock: build the clipping, push it, write the file.
  const save = async (): Promise<void> => {
    const source = db.data.sources[Math.floor(random() * db.data.sources.length)]
    const version = source?.versions[source.versions.length - 1]
    if (!source || !version) return
    const range = randomRange(random, version.text.length - 1)
    const { start, end } = trimRange(version.text, range.start, range.end)
    const createdAt = new Date().toISOString()
    const clipping: Clipping = {
      id: newId('c'),
      sourceId: source.id,
      versionHash: version.hash,
      createdAt,
      updatedAt: createdAt,
      note: '',
      tags: [],
      target: selectorsAt(version.text, start, end),
    }
    source.clippings.push(clipping)
    await db.write()
  }
  await save()
  const samples: number[] = []
  for (let i = 0; i < oneFileSaves(size); i++) samples.push(await timed(save))
  return { oneFile: summarize(samples), oneFileBytes: (await stat(path)).size }
}
